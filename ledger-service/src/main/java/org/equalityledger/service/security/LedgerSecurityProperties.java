package org.equalityledger.service.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may log in.
 *
 * @param demoAccounts  the demo accounts of {@link DemoAccounts} (HTTP Basic); unset means "only in
 *                      embedded mode", and they are never created with a real MongoDB unless set to true
 * @param demoPassword  the password of every demo account
 * @param oidcIssuerUri an OpenID Connect issuer ({@code LEDGER_OIDC_ISSUER_URI}); when set, bearer
 *                      tokens it signs are accepted (see {@link JwtActorConverter} for the claims)
 */
@ConfigurationProperties(prefix = "ledger.security")
public record LedgerSecurityProperties(Boolean demoAccounts, String demoPassword, String oidcIssuerUri) {

    public LedgerSecurityProperties {
        demoPassword = demoPassword == null || demoPassword.isBlank() ? "demo" : demoPassword;
    }

    public boolean oidc() {
        return oidcIssuerUri != null && !oidcIssuerUri.isBlank();
    }
}
