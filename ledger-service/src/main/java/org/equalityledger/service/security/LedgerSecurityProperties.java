package org.equalityledger.service.security;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Who may log in.
 *
 * @param demoAccounts       the demo accounts of {@link DemoAccounts} (HTTP Basic); unset means "only in
 *                           embedded mode", and they are never created with a real MongoDB unless set to true
 * @param demoPassword       the password of every demo account
 * @param oidcIssuerUri      an OpenID Connect issuer ({@code LEDGER_OIDC_ISSUER_URI}); when set, bearer
 *                           tokens it signs are accepted (see {@link LedgerClaims} for the claims), and the
 *                           pages offer to sign in through it (authorization code with PKCE)
 * @param oidcClientId       the pages' client at that issuer ({@code LEDGER_OIDC_CLIENT_ID}); by default
 *                           {@code equality-ledger}, the client of the Keycloak realm in {@code docker-compose.yml}
 * @param oidcClientSecret   its secret ({@code LEDGER_OIDC_CLIENT_SECRET}); none (the default) makes it a public
 *                           client, as the realm's is
 * @param oidcProviderName   the issuer's name on the sign-in page's button ({@code LEDGER_OIDC_PROVIDER_NAME});
 *                           by default the issuer's host
 */
@ConfigurationProperties(prefix = "ledger.security")
public record LedgerSecurityProperties(Boolean demoAccounts, String demoPassword, String oidcIssuerUri,
                                       String oidcClientId, String oidcClientSecret, String oidcProviderName) {

    public static final String DEFAULT_OIDC_CLIENT_ID = "equality-ledger";

    @ConstructorBinding
    public LedgerSecurityProperties {
        demoPassword = demoPassword == null || demoPassword.isBlank() ? "demo" : demoPassword;
        oidcIssuerUri = oidcIssuerUri == null || oidcIssuerUri.isBlank() ? null : oidcIssuerUri.trim();
        oidcClientId = oidcClientId == null || oidcClientId.isBlank() ? DEFAULT_OIDC_CLIENT_ID : oidcClientId.trim();
        oidcClientSecret = oidcClientSecret == null || oidcClientSecret.isBlank() ? null : oidcClientSecret;
        if (oidcProviderName == null || oidcProviderName.isBlank()) {
            oidcProviderName = oidcIssuerUri == null ? null : hostOf(oidcIssuerUri);
        }
    }

    public LedgerSecurityProperties(Boolean demoAccounts, String demoPassword, String oidcIssuerUri) {
        this(demoAccounts, demoPassword, oidcIssuerUri, null, null, null);
    }

    public boolean oidc() {
        return oidcIssuerUri != null;
    }

    private static String hostOf(String uri) {
        try {
            String host = URI.create(uri).getHost();
            return host == null ? uri : host;
        } catch (IllegalArgumentException e) {
            return uri;
        }
    }
}
