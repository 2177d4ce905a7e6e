package org.equalityledger.service.site.workspace.secretariat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.support.Api.ALLY;
import static org.equalityledger.service.support.Api.SECRETARIAT;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.equalityledger.service.eventstore.LedgerEvents;
import org.equalityledger.service.support.Api;
import org.equalityledger.service.support.FormClient;
import org.equalityledger.service.support.LedgerServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The secretariat's forms over HTTP, as a browser without JavaScript sends them: each records what it says
 * (seen on the pages and through the API), a refusal shows the rule beside its field and records nothing,
 * a form sent twice records once; a rebuild started from its page runs to its end with its progress shown.
 * A context of its own ({@link #CONTEXT}): the reporting cycles it opens and closes, and its rebuilds, are
 * no other test's business.
 */
@LedgerServiceTest
@TestPropertySource(properties = SecretariatPagesTest.CONTEXT)
class SecretariatPagesTest {

    static final String CONTEXT = "ledger.test-context=secretariat-workspace";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    LedgerEvents ledger;
    Api api;
    FormClient secretariat;

    @BeforeEach
    void signIn() {
        api = new Api(http, ledger);
        secretariat = new FormClient(port).signIn(SECRETARIAT);
    }

    /** The form's hidden fields (CSRF token, submission key) with these values. */
    private static Map<String, String> form(FormClient.Page page, String action, String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>(page.hiddenFieldsOf(action));
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private FormClient.Page follow(FormClient.Page redirect) {
        assertThat(redirect.status()).as(redirect.html()).isEqualTo(302);
        return secretariat.get(redirect.location().replaceFirst("^https?://[^/]+", ""));
    }

    private static int count(String html, String text) {
        return html.split(Pattern.quote(text), -1).length - 1;
    }

    private String freshInitiative(String kind) throws InterruptedException {
        String id = Api.fresh("wg").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("kind", kind);
        body.put("code", id.toUpperCase(java.util.Locale.ROOT).substring(0, Math.min(40, id.length())));
        body.put("names", Map.of("en", "Working group " + id, "es", "Grupo de trabajo " + id, "fr", "Groupe de travail " + id));
        Api.assertStatus(api.post(SECRETARIAT, "/api/initiatives", body), HttpStatus.CREATED);
        api.eventually(null, "/api/initiatives/" + id, answer -> true);
        return id;
    }

    @Test
    void the_home_lists_the_initiatives_and_is_the_secretariats_alone() {
        FormClient.Page home = secretariat.get("/workspace/secretariat");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.html()).contains("href=\"/workspace/secretariat/initiatives/gac?lang=en\"")
                .contains("Global Alliance for Care").contains("/workspace/secretariat/initiatives/new")
                .contains("/workspace/secretariat/reporting-cycles").contains("/workspace/secretariat/usd-rates")
                .contains("/workspace/secretariat/rebuilds");
        assertThat(secretariat.get("/workspace/secretariat?lang=ar").html()).contains("dir=\"rtl\"").contains("إطلاق مبادرة");

        FormClient ally = new FormClient(port).signIn(ALLY);
        assertThat(ally.get("/workspace/secretariat").status()).isEqualTo(403);
        assertThat(ally.get("/workspace/secretariat/initiatives/new").status()).isEqualTo(403);
    }

    @Test
    void launching_an_initiative_sent_twice_at_once_records_it_once() {
        FormClient.Page page = secretariat.get("/workspace/secretariat/initiatives/new");
        String id = "care-" + System.nanoTime();
        Map<String, String> fields = form(page, "/workspace/secretariat/initiatives/new", "id", id, "code", "CARE-" + id.substring(5),
                "kind", "WORKING_GROUP", "parentInitiativeId", "gac", "nameEn", "Care working group Mexico",
                "nameFr", "Groupe de travail soins Mexique", "nameEs", "Grupo de trabajo de cuidados México",
                "nameRu", "Рабочая группа по уходу, Мексика", "nameAr", "فريق العمل المعني بالرعاية في المكسيك",
                "periodStartYear", "", "periodEndYear", "");
        CompletableFuture<FormClient.Page> first = CompletableFuture.supplyAsync(() -> secretariat.post("/workspace/secretariat/initiatives/new", fields));
        CompletableFuture<FormClient.Page> second = CompletableFuture.supplyAsync(() -> secretariat.post("/workspace/secretariat/initiatives/new", fields));
        FormClient.Page a = first.join();
        FormClient.Page b = second.join();
        assertThat(a.status()).as(a.html()).isEqualTo(302);
        assertThat(b.status()).as(b.html()).isEqualTo(302);
        assertThat(b.location()).isEqualTo(a.location()).contains("/workspace/secretariat/initiatives/" + id);

        FormClient.Page shown = follow(a);
        assertThat(shown.html()).contains("The initiative is launched.").contains("Care working group Mexico")
                .contains("فريق العمل المعني بالرعاية في المكسيك").contains("2021–2026");
        assertThat(count(secretariat.get("/workspace/secretariat").html(), "Care working group Mexico")).isEqualTo(1);
        JsonNode recorded = api.get(null, "/api/initiatives/" + id).getBody();
        assertThat(recorded.path("initiative").path("parentInitiativeId").asText()).isEqualTo("gac");
        assertThat(recorded.path("initiative").path("names").path("ru").asText()).isEqualTo("Рабочая группа по уходу, Мексика");
    }

    @Test
    void a_refused_launch_shows_the_rule_beside_its_field_keeps_the_values_and_records_nothing() {
        FormClient.Page page = secretariat.get("/workspace/secretariat/initiatives/new?lang=fr");
        // A rule of the initiative: its id is taken.
        FormClient.Page taken = secretariat.post("/workspace/secretariat/initiatives/new?lang=fr", form(page,
                "/workspace/secretariat/initiatives/new", "id", "gac", "code", "GAC2", "kind", "ALLIANCE",
                "nameEn", "Another alliance", "nameFr", "Une autre alliance", "nameEs", "Otra alianza"));
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.html()).contains("id=\"id-refusal\"")
                .contains("Une initiative portant ce code est déjà lancée : choisissez un autre code.")
                .contains("value=\"Une autre alliance\"").contains("aria-invalid=\"true\"");
        assertThat(api.get(null, "/api/initiatives/gac").getBody().path("initiative").path("names").path("en").asText())
                .isEqualTo("Global Alliance for Care");

        // The command's own checks: no French name, a year that is no year, each beside its field.
        String id = "unnamed-" + System.nanoTime();
        FormClient.Page unnamed = secretariat.post("/workspace/secretariat/initiatives/new", form(taken,
                "/workspace/secretariat/initiatives/new", "id", id, "code", "UNNAMED", "kind", "ALLIANCE",
                "nameEn", "Unnamed", "nameFr", " ", "nameEs", "Sin nombre", "periodEndYear", "twenty"));
        assertThat(unnamed.status()).isEqualTo(422);
        assertThat(unnamed.html()).contains("id=\"nameFr-refusal\"").contains("id=\"periodEndYear-refusal\"")
                .contains("Give a year, e.g. 2025.").doesNotContain("id=\"nameEs-refusal\"");
        assertThat(api.get(null, "/api/initiatives/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void an_action_is_defined_with_its_targets_from_the_rows_filled_in() throws InterruptedException {
        String initiative = freshInitiative("WORKING_GROUP");
        String action = "/workspace/secretariat/initiatives/" + initiative + "/actions/new";
        FormClient.Page page = secretariat.get(action);
        assertThat(page.html()).contains("id=\"target-2-description\"").doesNotContain("id=\"target-3-description\"");

        // Another row, without sending anything.
        FormClient.Page more = secretariat.postMany(action, List.of(Map.entry("_csrf", page.hiddenFieldsOf(action).get("_csrf")),
                Map.entry("submission", page.hiddenFieldsOf(action).get("submission")), Map.entry("actionCode", "CMX-1"),
                Map.entry("targetDescription", "care centres opened"), Map.entry("targetValue", ""), Map.entry("targetUnit", ""),
                Map.entry("targetByYear", ""), Map.entry("anotherTarget", "1")));
        assertThat(more.status()).isEqualTo(200);
        assertThat(more.html()).contains("id=\"target-1-description\"").contains("value=\"CMX-1\"")
                .contains("value=\"care centres opened\"");

        // A value that is no number is named beside its row's field; nothing is recorded.
        List<Map.Entry<String, String>> refused = targets(page, action, "CMX-1", "abc");
        FormClient.Page bad = secretariat.postMany(action, refused);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.html()).contains("id=\"target-2-value-refusal\"").contains("Give a number, e.g. 1500 or 0.25.")
                .contains("value=\"municipal plans adopted\"");
        assertThat(api.get(null, "/api/initiatives/" + initiative).getBody().path("initiative").path("actions")).isEmpty();

        // Rows 1 and 3 filled (row 2 left empty): two targets, in order.
        FormClient.Page recorded = follow(secretariat.postMany(action, targets(bad, action, "CMX-1", "12")));
        assertThat(recorded.html()).contains("The action is defined.").contains("CMX-1").contains("care centres opened")
                .contains("municipal plans adopted");
        JsonNode targets = api.get(null, "/api/initiatives/" + initiative).getBody().path("initiative").path("actions").get(0).path("targets");
        assertThat(targets).hasSize(2);
        assertThat(targets.get(0).path("value").decimalValue()).isEqualByComparingTo("50");
        assertThat(targets.get(1).path("unit").asText()).isEqualTo("plans");

        // The initiative's rule: an action code once.
        FormClient.Page again = secretariat.get(action);
        FormClient.Page duplicate = secretariat.postMany(action, targets(again, action, "CMX-1", "3"));
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.html()).contains("id=\"actionCode-refusal\"").contains("This initiative already has an action with this code: choose another code.");
    }

    private static List<Map.Entry<String, String>> targets(FormClient.Page page, String action, String code, String secondValue) {
        Map<String, String> hidden = page.hiddenFieldsOf(action);
        return List.of(Map.entry("_csrf", hidden.get("_csrf")), Map.entry("submission", hidden.get("submission")),
                Map.entry("actionCode", code), Map.entry("nameEn", "Municipal care centres"),
                Map.entry("nameFr", "Centres municipaux"), Map.entry("nameEs", "Centros municipales de cuidados"),
                Map.entry("nameRu", ""), Map.entry("nameAr", ""),
                Map.entry("targetDescription", "care centres opened"), Map.entry("targetValue", "50"),
                Map.entry("targetUnit", "centres"), Map.entry("targetByYear", "2026"),
                Map.entry("targetDescription", ""), Map.entry("targetValue", ""), Map.entry("targetUnit", ""), Map.entry("targetByYear", ""),
                Map.entry("targetDescription", "municipal plans adopted"), Map.entry("targetValue", secondValue),
                Map.entry("targetUnit", "plans"), Map.entry("targetByYear", ""));
    }

    @Test
    void a_presidency_is_assigned_for_a_year_and_extended_once() throws InterruptedException {
        String initiative = freshInitiative("COORDINATION_TABLE");
        String roles = "/workspace/secretariat/initiatives/" + initiative + "/roles/new";
        FormClient.Page page = secretariat.get(roles);

        // The presidency's rule: a one-year term, beside the term's end.
        FormClient.Page twoYears = secretariat.post(roles, form(page, roles, "role", "PRESIDENCY",
                "holderOrganisationName", "Embassy of Spain", "holderMakerId", "", "termStart", "2021-07-01", "termEnd", "2023-06-30"));
        assertThat(twoYears.status()).isEqualTo(422);
        assertThat(twoYears.html()).contains("id=\"termEnd-refusal\"").contains("A presidency lasts one year: choose an end one year after the start, less one day (e.g. 1 July to 30 June).")
                .contains("value=\"Embassy of Spain\"");
        assertThat(api.get(null, "/api/initiatives/" + initiative + "/roles").getBody().path("roles")).isEmpty();

        FormClient.Page assigned = follow(secretariat.post(roles, form(twoYears, roles, "role", "PRESIDENCY",
                "holderOrganisationName", "Embassy of Spain", "holderMakerId", "", "termStart", "2021-07-01", "termEnd", "2022-06-30")));
        assertThat(assigned.html()).contains("The role is assigned.").contains("Embassy of Spain").contains("Presidency");

        String extension = "/workspace/secretariat/initiatives/" + initiative + "/presidency/extension";
        FormClient.Page extend = secretariat.get(extension);
        assertThat(extend.html()).contains("Embassy of Spain");
        FormClient.Page extended = follow(secretariat.post(extension, form(extend, extension, "reason", "the table asked for continuity")));
        assertThat(extended.html()).contains("The presidency is extended by a second year.").contains("the table asked for continuity");
        JsonNode presidency = api.get(null, "/api/initiatives/" + initiative + "/roles").getBody().path("roles").get(0);
        assertThat(presidency.path("term").path("end").asText()).isEqualTo("2023-06-30");

        // Once only: the rule shows beside the presidency it concerns, and nothing more is recorded.
        FormClient.Page twice = secretariat.post(extension, form(secretariat.get(extension), extension, "reason", "again"));
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.html()).contains("id=\"presidency-refusal\"").contains("can be extended only once");
        assertThat(api.get(null, "/api/initiatives/" + initiative + "/roles").getBody().path("roles").get(0)
                .path("extensions")).hasSize(1);
    }

    @Test
    void a_cycle_is_opened_followed_up_with_its_list_and_closed() {
        String commitment = api.active(ALLY); // 2022–2023: expected to report on 2023
        FormClient.Page cycles = secretariat.get("/workspace/secretariat/reporting-cycles?lang=fr");

        // The command's check, in French beside the deadline: it falls in or after the year reported on.
        FormClient.Page early = secretariat.post("/workspace/secretariat/reporting-cycles?lang=fr",
                form(cycles, "/workspace/secretariat/reporting-cycles", "year", "2023", "deadline", "2022-12-31"));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.html()).contains("id=\"deadline-refusal\"").contains("Fixez l’échéance dans l’année sur laquelle porte le rapport, ou plus tard.")
                .contains("value=\"2022-12-31\"");
        assertThat(early.html()).containsPattern("data-year=\"2023\">\\s*<th[^>]*>.*?</th>\\s*<td>Non ouvert</td>");

        FormClient.Page opened = follow(secretariat.post("/workspace/secretariat/reporting-cycles?lang=fr",
                form(early, "/workspace/secretariat/reporting-cycles", "year", "2023", "deadline", "2024-03-31")));
        assertThat(opened.html()).contains("Le cycle de rapports est ouvert.").contains("Ouvert : rapports attendus d’ici le")
                .contains("data-commitment=\"" + commitment + "\"").contains("En retard");
        assertThat(api.get(null, "/api/reporting-cycles/2023").getBody().path("cycle").path("deadline").asText())
                .isEqualTo("2024-03-31T23:59:59Z");

        // The list to follow up, as CSV in the reader's language, from the workspace's own address.
        FormClient.Page csv = secretariat.get("/workspace/secretariat/reporting-cycles/2023/not-reported.csv?lang=fr&initiative=gac");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.html()).startsWith("Engagement,Titre,Auteur de l’engagement").contains(commitment + ",Care is work,")
                .contains(",En retard\r\n");
        assertThat(secretariat.get("/workspace/secretariat/reporting-cycles/2023/not-reported.csv?initiative=ac-gbv").html())
                .doesNotContain(commitment);

        // Closed with a double click: recorded once, both lead to the closed cycle.
        Map<String, String> close = form(opened, "/workspace/secretariat/reporting-cycles/2023/closure");
        CompletableFuture<FormClient.Page> first = CompletableFuture.supplyAsync(
                () -> secretariat.post("/workspace/secretariat/reporting-cycles/2023/closure", close));
        CompletableFuture<FormClient.Page> second = CompletableFuture.supplyAsync(
                () -> secretariat.post("/workspace/secretariat/reporting-cycles/2023/closure", close));
        assertThat(first.join().status()).isEqualTo(302);
        assertThat(second.join().location()).isEqualTo(first.join().location());
        FormClient.Page closed = follow(first.join());
        assertThat(closed.html()).contains("The reporting cycle is closed.").contains("This cycle is closed.")
                .doesNotContain("/reporting-cycles/2023/closure");
        assertThat(api.get(null, "/api/reporting-cycles/2023").getBody().path("cycle").path("closed").asBoolean()).isTrue();
    }

    @Test
    void a_usd_rate_is_recorded_once_and_a_correction_needs_its_reason() throws InterruptedException {
        // The shipped rates are recorded at start; the read side may still be applying them.
        api.eventually(null, "/api/usd-rates?currency=CRC&year=2021", answer -> !answer.path("rates").isEmpty());
        FormClient.Page page = secretariat.get("/workspace/secretariat/usd-rates");
        assertThat(page.html()).contains("data-rate=\"CRC-2021\"");
        String shippedCrc = api.get(null, "/api/usd-rates?currency=CRC&year=2021").getBody().path("rates").get(0)
                .path("usdPerUnit").asText();

        Map<String, String> uyu = form(page, "/workspace/secretariat/usd-rates", "currency", "uyu", "year", "2022",
                "usdPerUnit", "0.0251", "source", "an illustrative figure for this test, not a published rate", "reason", "");
        CompletableFuture<FormClient.Page> first = CompletableFuture.supplyAsync(() -> secretariat.post("/workspace/secretariat/usd-rates", uyu));
        CompletableFuture<FormClient.Page> second = CompletableFuture.supplyAsync(() -> secretariat.post("/workspace/secretariat/usd-rates", uyu));
        assertThat(second.join().location()).isEqualTo(first.join().location());
        FormClient.Page recorded = follow(first.join());
        assertThat(recorded.html()).contains("The rate UYU-2022 is recorded.").contains("data-rate=\"UYU-2022\"").contains("0.0251");
        JsonNode rates = api.get(null, "/api/usd-rates?currency=UYU").getBody().path("rates");
        assertThat(rates).hasSize(1);
        assertThat(rates.get(0).path("superseded")).isEmpty();

        // A rate already recorded for that currency and year: the correction says why, beside the reason field.
        FormClient.Page correction = secretariat.post("/workspace/secretariat/usd-rates", form(recorded, "/workspace/secretariat/usd-rates",
                "currency", "CRC", "year", "2021", "usdPerUnit", "0.0099", "source", "a test figure", "reason", ""));
        assertThat(correction.status()).isEqualTo(422);
        assertThat(correction.html()).contains("id=\"reason-refusal\"")
                .contains("This year’s rate is recorded already: to correct it, give the reason.")
                .contains("value=\"0.0099\"");
        assertThat(api.get(null, "/api/usd-rates?currency=CRC&year=2021").getBody().path("rates").get(0).path("usdPerUnit").asText())
                .isEqualTo(shippedCrc);
    }

    @Test
    void a_rebuild_started_from_its_page_runs_to_its_end_with_its_progress() throws InterruptedException {
        FormClient.Page list = secretariat.get("/workspace/secretariat/rebuilds");
        assertThat(list.html()).contains("data-projection=\"commitments\"").contains("data-projection=\"initiatives\"");
        FormClient.Page started = secretariat.post("/workspace/secretariat/rebuilds/initiatives",
                form(list, "/workspace/secretariat/rebuilds/initiatives"));
        assertThat(started.status()).isEqualTo(302);
        assertThat(started.location()).contains("/workspace/secretariat/rebuilds/initiatives");

        FormClient.Page page = follow(started);
        assertThat(page.html()).contains("<progress").containsPattern("/webjars/htmx.org/[0-9.]+/dist/htmx.min.js").contains("/site/progress.js")
                .contains("Refresh the figures");
        // The figures alone, as htmx asks for them every second while the rebuild runs.
        String state = null;
        FormClient.Page fragment = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            fragment = secretariat.get("/workspace/secretariat/rebuilds/initiatives/progress");
            Matcher m = Pattern.compile("data-state=\"(\\w+)\"").matcher(fragment.html());
            assertThat(m.find()).as(fragment.html()).isTrue();
            state = m.group(1);
            if (state.equals("RUNNING")) {
                assertThat(fragment.html()).contains("hx-trigger=\"every 1s\"");
            } else {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(state).isEqualTo("DONE");
        assertThat(fragment.html()).doesNotContain("<html").doesNotContain("hx-trigger").contains("Rebuilt");
        Matcher bar = Pattern.compile("<progress[^>]*max=\"(\\d+)\"[^>]*value=\"(\\d+)\"").matcher(fragment.html());
        assertThat(bar.find()).isTrue();
        assertThat(bar.group(2)).isEqualTo(bar.group(1));
        assertThat(Long.parseLong(bar.group(1))).isGreaterThan(0);
        assertThat(fragment.html()).contains("Finished");
        // The rebuilt read model answers as before.
        assertThat(api.get(null, "/api/initiatives/gac").getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
