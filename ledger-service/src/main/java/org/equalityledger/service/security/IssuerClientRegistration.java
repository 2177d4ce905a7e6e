package org.equalityledger.service.security;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;

/**
 * The ledger as a client of the OIDC issuer, for the pages' sign-in: its endpoints are read from the issuer's
 * discovery document on first use, not at start, so that the service starts (and its form login works) while
 * the issuer is still coming up, as the API's token decoder does. A failed discovery is not remembered: the next
 * sign-in tries again.
 */
public final class IssuerClientRegistration implements ClientRegistrationRepository {

    /** Its id, in the sign-in's addresses: {@code /oauth2/authorization/oidc}, {@code /login/oauth2/code/oidc}. */
    public static final String ID = "oidc";

    private static final Logger log = LoggerFactory.getLogger(IssuerClientRegistration.class);

    private final String issuer;
    private final Supplier<ClientRegistration.Builder> discovery;
    private final String clientId;
    private final String clientSecret;
    private volatile ClientRegistration registration;

    public IssuerClientRegistration(LedgerSecurityProperties properties) {
        this(properties.oidcIssuerUri(), () -> ClientRegistrations.fromOidcIssuerLocation(properties.oidcIssuerUri()),
                properties.oidcClientId(), properties.oidcClientSecret());
    }

    IssuerClientRegistration(String issuer, Supplier<ClientRegistration.Builder> discovery, String clientId,
                             String clientSecret) {
        this.issuer = issuer;
        this.discovery = discovery;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        return ID.equals(registrationId) ? registration() : null;
    }

    /** The registration, or none while the issuer cannot be reached (the sign-in then says so). */
    ClientRegistration registration() {
        ClientRegistration known = registration;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (registration == null) {
                try {
                    registration = build(discovery.get());
                    log.info("Sign-in to the pages through the OIDC issuer {} as client {}", issuer, clientId);
                } catch (RuntimeException e) {
                    log.warn("The OIDC issuer {} cannot be reached for a sign-in: {}", issuer, e.getMessage());
                    return null;
                }
            }
            return registration;
        }
    }

    private ClientRegistration build(ClientRegistration.Builder discovered) {
        boolean confidential = clientSecret != null && !clientSecret.isBlank();
        return discovered.registrationId(ID)
                .clientId(clientId)
                .clientSecret(confidential ? clientSecret : null)
                // Without a secret, a public client (as the Keycloak realm's): the code's proof (PKCE) is all it has.
                .clientAuthenticationMethod(confidential ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC
                        : ClientAuthenticationMethod.NONE)
                // The user id and the ledger's claims (LedgerClaims) come in the ID token and the profile.
                .scope(OidcScopes.OPENID, OidcScopes.PROFILE)
                .build();
    }
}
