package org.equalityledger.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

class IssuerClientRegistrationTest {

    static final String ISSUER = "http://keycloak:8081/realms/equality-ledger";

    /** The issuer's discovery document read: down for the first {@code failures} calls, then up. */
    static final class Discovery implements Supplier<ClientRegistration.Builder> {
        final AtomicInteger calls = new AtomicInteger();
        final int failures;

        Discovery(int failures) {
            this.failures = failures;
        }

        @Override
        public ClientRegistration.Builder get() {
            if (calls.incrementAndGet() <= failures) {
                throw new IllegalArgumentException("Unable to resolve Configuration with the provided Issuer");
            }
            return ClientRegistration.withRegistrationId("keycloak")
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .redirectUri("{baseUrl}/{action}/oauth2/code/{registrationId}")
                    .authorizationUri(ISSUER + "/protocol/openid-connect/auth")
                    .tokenUri(ISSUER + "/protocol/openid-connect/token")
                    .jwkSetUri(ISSUER + "/protocol/openid-connect/certs")
                    .issuerUri(ISSUER)
                    .userNameAttributeName("sub");
        }
    }

    @Test
    void the_issuer_is_asked_on_first_use_again_after_a_failure_and_then_no_more() {
        Discovery discovery = new Discovery(1);
        IssuerClientRegistration registrations = new IssuerClientRegistration(ISSUER, discovery, "equality-ledger", null);
        assertThat(discovery.calls).hasValue(0);

        assertThat(registrations.findByRegistrationId("oidc")).isNull();
        ClientRegistration up = registrations.findByRegistrationId("oidc");
        assertThat(registrations.findByRegistrationId("oidc")).isSameAs(up);
        assertThat(registrations.findByRegistrationId("github")).isNull();
        assertThat(discovery.calls).hasValue(2);
        assertThat(up.getRegistrationId()).isEqualTo("oidc");
        assertThat(up.getProviderDetails().getTokenUri()).isEqualTo(ISSUER + "/protocol/openid-connect/token");
    }

    @Test
    void without_a_secret_it_is_a_public_client_as_the_realms_is() {
        LedgerSecurityProperties properties = new LedgerSecurityProperties(null, null, ISSUER, null, " ", null);
        ClientRegistration client = new IssuerClientRegistration(properties.oidcIssuerUri(), new Discovery(0),
                properties.oidcClientId(), properties.oidcClientSecret()).findByRegistrationId("oidc");

        assertThat(client.getClientId()).isEqualTo("equality-ledger");
        assertThat(client.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.NONE);
        assertThat(client.getClientSecret()).isEmpty();
        assertThat(client.getScopes()).containsExactlyInAnyOrder("openid", "profile");
    }

    @Test
    void with_a_secret_it_authenticates_with_it() {
        ClientRegistration client = new IssuerClientRegistration(ISSUER, new Discovery(0), "pages", "s3cret")
                .findByRegistrationId("oidc");

        assertThat(client.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        assertThat(client.getClientSecret()).isEqualTo("s3cret");
    }

    @Test
    void the_properties_default_to_the_realms_client_and_name_the_issuer_by_its_host() {
        LedgerSecurityProperties properties = new LedgerSecurityProperties(null, null, ISSUER, "", "", null);

        assertThat(properties.oidc()).isTrue();
        assertThat(properties.oidcClientId()).isEqualTo("equality-ledger");
        assertThat(properties.oidcClientSecret()).isNull();
        assertThat(properties.oidcProviderName()).isEqualTo("keycloak");
        assertThat(new LedgerSecurityProperties(null, null, " ").oidc()).isFalse();
    }
}
