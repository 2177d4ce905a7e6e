package org.equalityledger.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.equalityledger.service.support.FormClient;
import org.equalityledger.service.support.LedgerServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without an OIDC issuer the sign-in page has only its form, and Spring Security's OAuth2 addresses do not exist. */
@LedgerServiceTest
class OidcSignInAbsentTest {

    @LocalServerPort
    int port;

    @Test
    void without_an_issuer_there_is_no_sign_in_through_one() {
        FormClient reader = new FormClient(port);
        assertThat(reader.get("/login").html()).contains("name=\"password\"").doesNotContain("/oauth2/");
        assertThat(reader.get("/oauth2/authorization/oidc").status()).isEqualTo(404);
        assertThat(reader.get("/login/oauth2/code/oidc?code=a-code&state=a-state").status()).isEqualTo(404);
        assertThat(reader.get("/login?oidc=failed").html()).doesNotContain("did not succeed");
    }
}
