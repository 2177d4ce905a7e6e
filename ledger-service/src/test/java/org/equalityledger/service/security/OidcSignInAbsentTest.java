package org.equalityledger.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.equalityledger.service.support.FormClient;
import org.equalityledger.service.support.LedgerServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Without an OIDC issuer the sign-in page has only its form, and Spring Security's OAuth2 addresses do not exist;
 * signing in leads back to the page asked for.
 */
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

    @Test
    void signing_in_leads_back_to_the_page_asked_for_as_it_was_asked() {
        FormClient ally = new FormClient(port);
        assertThat(ally.get("/workspace/ally/makers/new?lang=fr").location()).endsWith("/login");
        Map<String, String> fields = new LinkedHashMap<>(ally.get("/login").hiddenFieldsOf("/login"));
        fields.put("username", "ally-demo");
        fields.put("password", "demo");
        FormClient.Page signedIn = ally.post("/login", fields);
        assertThat(signedIn.location()).endsWith("/workspace/ally/makers/new?lang=fr");
        FormClient.Page asked = ally.get("/workspace/ally/makers/new?lang=fr");
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.html()).contains("lang=\"fr\"");
    }
}
