package org.equalityledger.service.site.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.equalityledger.service.support.FormClient;
import org.equalityledger.service.support.LedgerServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Signing in, the sections each role opens, and the forms' guarantees: a CSRF token on every form, a
 * form recorded once however often it is sent, a refusal shown beside its field with nothing recorded.
 */
@LedgerServiceTest
class WorkspaceFrameTest {

    @LocalServerPort
    int port;

    @Test
    void the_workspace_asks_to_sign_in_and_opens_the_sections_of_ones_roles() {
        FormClient anonymous = new FormClient(port);
        FormClient.Page asked = anonymous.get("/workspace");
        assertThat(asked.status()).isEqualTo(302);
        assertThat(asked.location()).endsWith("/login");

        FormClient leader = new FormClient(port).signIn("leader-gac");
        FormClient.Page home = leader.get("/workspace?lang=fr");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.html()).contains("/workspace/leader").doesNotContain("href=\"/workspace/ally");
        assertThat(home.html()).contains("Direction d’initiative");

        FormClient.Page refused = leader.get("/workspace/ally/makers/new");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.html()).contains("Not open to you");
    }

    @Test
    void a_wrong_password_goes_back_to_the_form_and_signing_out_ends_the_session() {
        FormClient client = new FormClient(port);
        Map<String, String> fields = new LinkedHashMap<>(client.get("/login").hiddenFieldsOf("/login"));
        fields.put("username", "auditor");
        fields.put("password", "not-the-password");
        FormClient.Page failed = client.post("/login", fields);
        assertThat(failed.location()).endsWith("/login?error");
        assertThat(client.get("/login?error").html()).contains("The user name or the password is wrong.");

        client.signIn("auditor");
        FormClient.Page home = client.get("/workspace");
        assertThat(home.status()).isEqualTo(200);
        FormClient.Page out = client.post("/logout", home.hiddenFieldsOf("/logout"));
        assertThat(out.status()).isEqualTo(302);
        assertThat(client.get("/workspace").status()).isEqualTo(302);
    }

    @Test
    void a_form_without_its_csrf_token_is_refused_and_records_nothing() {
        FormClient ally = new FormClient(port).signIn("ally-partner");
        Map<String, String> fields = new LinkedHashMap<>(ally.get("/workspace/ally/makers/new").hiddenFieldsOf("/workspace/ally/makers/new"));
        fields.remove("_csrf");
        fields.putAll(Map.of("name", "Sin token", "stakeholderGroup", "CIVIL_SOCIETY", "hemisphere", "GLOBAL_SOUTH", "country", "CR"));
        FormClient.Page refused = ally.post("/workspace/ally/makers/new", fields);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(ally.get("/workspace/ally").html()).doesNotContain("Sin token");
    }

    @Test
    void a_form_sent_twice_at_once_records_once_and_both_lead_to_what_was_recorded() {
        FormClient ally = new FormClient(port).signIn("ally-demo");
        Map<String, String> fields = new LinkedHashMap<>(ally.get("/workspace/ally/makers/new").hiddenFieldsOf("/workspace/ally/makers/new"));
        String name = "Fundación Doble Clic " + System.nanoTime();
        fields.putAll(Map.of("name", name, "stakeholderGroup", "PHILANTHROPY", "hemisphere", "GLOBAL_SOUTH", "country", "cr"));
        CompletableFuture<FormClient.Page> first = CompletableFuture.supplyAsync(() -> ally.post("/workspace/ally/makers/new", fields));
        CompletableFuture<FormClient.Page> second = CompletableFuture.supplyAsync(() -> ally.post("/workspace/ally/makers/new", fields));
        FormClient.Page a = first.join();
        FormClient.Page b = second.join();
        assertThat(a.status()).isEqualTo(302);
        assertThat(b.status()).isEqualTo(302);
        assertThat(b.location()).isEqualTo(a.location());
        FormClient.Page again = ally.post("/workspace/ally/makers/new", fields);
        assertThat(again.location()).isEqualTo(a.location());

        String makers = ally.get("/workspace/ally").html();
        assertThat(makers.split(java.util.regex.Pattern.quote(name), -1)).hasSize(2);
    }

    @Test
    void a_refused_form_shows_the_rule_beside_its_field_keeps_the_values_and_records_nothing() {
        FormClient ally = new FormClient(port).signIn("ally-demo");
        Map<String, String> fields = new LinkedHashMap<>(ally.get("/workspace/ally/makers/new?lang=es").hiddenFieldsOf("/workspace/ally/makers/new"));
        fields.putAll(Map.of("name", "Colectiva Sin País", "stakeholderGroup", "CIVIL_SOCIETY", "hemisphere", "GLOBAL_SOUTH", "country", "XYZ"));
        FormClient.Page refused = ally.post("/workspace/ally/makers/new?lang=es", fields);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html()).contains("id=\"country-refusal\"").contains("Indique el código ISO de dos letras del país")
                .contains("value=\"Colectiva Sin País\"").contains("aria-invalid=\"true\"");
        assertThat(ally.get("/workspace/ally").html()).doesNotContain("Colectiva Sin País");

        // The corrected form goes with the same key: the refusal let go of it.
        fields.put("country", "CR");
        fields.putAll(refused.hiddenFieldsOf("/workspace/ally/makers/new"));
        FormClient.Page recorded = ally.post("/workspace/ally/makers/new?lang=es", fields);
        assertThat(recorded.status()).isEqualTo(302);
        assertThat(ally.get(recorded.location().replaceFirst("^https?://[^/]+", "")).html()).contains("Colectiva Sin País");
    }
}
