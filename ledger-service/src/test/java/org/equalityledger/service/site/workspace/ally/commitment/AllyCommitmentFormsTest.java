package org.equalityledger.service.site.workspace.ally.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.support.Api.ALLY;
import static org.equalityledger.service.support.Api.PARTNER;
import static org.equalityledger.service.support.Api.assertStatus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The ally's commitment page and its forms over HTTP, as a browser sends them: each form records what
 * it says (read back through the API), a refusal shows the rule beside its field and records nothing,
 * and a form sent twice records once. Commitments are pledged by ally-demo and accepted by leader-gac
 * through the API: advocacy to GAC-1, 2022–2023, indicator CARE-JOBS (target 1000), in Mexico.
 */
@LedgerServiceTest
class AllyCommitmentFormsTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    LedgerEvents ledger;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http, ledger);
    }

    static String page(String id) {
        return "/workspace/ally/commitments/" + id;
    }

    JsonNode commitment(String id) {
        return assertStatus(api.get(null, "/api/commitments/" + id), HttpStatus.OK);
    }

    /**
     * The form at {@code form} with its hidden fields and these values, sent to {@code action} in the
     * form's language (as its action says).
     */
    static FormClient.Page send(FormClient client, String form, String action, Map<String, String> values) {
        Map<String, String> fields = new LinkedHashMap<>(client.get(form).hiddenFieldsOf(action));
        fields.putAll(values);
        return client.post(action + language(form), fields);
    }

    static String language(String address) {
        java.util.regex.Matcher lang = java.util.regex.Pattern.compile("[?&]lang=([a-z]{2})").matcher(address);
        return lang.find() ? "?lang=" + lang.group(1) : "";
    }

    /** A commitment of ally-demo accepted by leader-gac, once the read side shows it active. */
    String active() throws InterruptedException {
        String id = api.active(ALLY);
        api.eventually(null, "/api/commitments/" + id, c -> c.path("status").asText().equals("ACTIVE"));
        return id;
    }

    static String local(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }

    @Test
    void the_page_shows_the_commitment_its_decisions_its_years_and_what_its_allies_may_do() throws InterruptedException {
        String id = active();
        FormClient ally = new FormClient(port).signIn(ALLY);
        FormClient.Page shown = ally.get(page(id) + "?lang=en");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.html()).contains("Care is work").contains("Active")
                .contains("data-initiative=\"gac\"").contains("Accepted")
                .contains("data-year=\"2022\"").contains("data-year=\"2023\"")
                .contains(page(id) + "/amendment").contains(page(id) + "/extension")
                .contains(page(id) + "/withdrawal").contains(page(id) + "/completion")
                .contains(page(id) + "/reports/new?lang=en&amp;year=2022")
                .doesNotContain("You do not act for");

        // Another ally reads the public data, is offered nothing, and is refused by the aggregate if it tries.
        FormClient partner = new FormClient(port).signIn(PARTNER);
        FormClient.Page read = partner.get(page(id) + "?lang=en");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.html()).contains("You do not act for").doesNotContain(page(id) + "/amendment");
        FormClient.Page refused = send(partner, page(id) + "/withdrawal", page(id) + "/withdrawal", Map.of("reason", "takeover"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html()).contains("Your roles do not allow this.");
        assertThat(commitment(id).path("status").asText()).isEqualTo("ACTIVE");

        assertThat(ally.get(page("commitment-nothing-here")).status()).isEqualTo(404);
    }

    @Test
    void an_amendment_records_only_what_changed_with_its_reason_and_a_refused_one_records_nothing() throws InterruptedException {
        String id = active();
        FormClient ally = new FormClient(port).signIn(ALLY);
        String form = page(id) + "/amendment?lang=en";
        String action = page(id) + "/amendment";
        assertThat(ally.get(form).html()).contains("value=\"Care is work\"").contains("value=\"2023-12-31\"")
                .contains("id=\"target-0\"").contains("value=\"1000\"");

        FormClient.Page noReason = send(ally, form, action, Map.of("title", "Care is work, paid"));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.html()).contains("id=\"reason-refusal\"").contains("Fill this in.")
                .contains("value=\"Care is work, paid\"");
        FormClient.Page tooLong = send(ally, form, action, Map.of("end", "2027-12-31", "reason", "longer"));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.html()).contains("id=\"end-refusal\"").contains("A commitment runs at most five years")
                .contains("aria-invalid=\"true\"");
        FormClient.Page notANumber = send(ally, form, action, Map.of("target-0", "lots", "reason", "more"));
        assertThat(notANumber.html()).contains("id=\"target-0-refusal\"").contains("Give a number");
        assertThat(commitment(id).path("amendments").asInt()).isZero();

        FormClient.Page recorded = send(ally, form, action, Map.of("title", "Care is work, paid", "amount", "250,000",
                "currency", "mxn", "target-0", "1500", "reason", "the board approved a budget"));
        assertThat(recorded.status()).isEqualTo(302);
        assertThat(local(recorded.location())).startsWith(page(id)).contains("done=amended");
        assertThat(ally.get(local(recorded.location())).html()).contains("The amendment is recorded.")
                .contains("Care is work, paid");
        JsonNode amended = commitment(id);
        assertThat(amended.path("amendments").asInt()).isEqualTo(1);
        assertThat(amended.path("title").asText()).isEqualTo("Care is work, paid");
        assertThat(amended.path("financial").path("amount").decimalValue()).isEqualByComparingTo("250000");
        assertThat(amended.path("financial").path("currency").asText()).isEqualTo("MXN");
        assertThat(amended.path("types").toString()).contains("FINANCIAL").contains("ADVOCACY");
        assertThat(amended.path("indicators").get(0).path("target").decimalValue()).isEqualByComparingTo("1500");
        assertThat(amended.path("end").asText()).isEqualTo("2023-12-31");
    }

    @Test
    void an_extension_beyond_the_rules_is_refused_beside_its_field_and_a_good_one_is_recorded() throws InterruptedException {
        String id = active();
        FormClient ally = new FormClient(port).signIn(ALLY);
        String form = page(id) + "/extension?lang=fr";
        String action = page(id) + "/extension";
        assertThat(ally.get(form).html()).contains("value=\"2024-12-31\"");

        FormClient.Page refused = send(ally, form, action, Map.of("newEnd", "2027-12-31", "reason", "a longer programme"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html()).contains("id=\"newEnd-refusal\"").contains("Un engagement dure au plus cinq ans")
                .contains("value=\"2027-12-31\"").contains("a longer programme");
        FormClient.Page earlier = send(ally, form, action, Map.of("newEnd", "2023-06-30", "reason", "shorter"));
        assertThat(earlier.html()).contains("id=\"newEnd-refusal\"").contains("Une prolongation repousse la fin");
        assertThat(commitment(id).path("end").asText()).isEqualTo("2023-12-31");

        FormClient.Page recorded = send(ally, form, action, Map.of("newEnd", "2024-12-31",
                "reason", "a second phase with the municipalities"));
        assertThat(recorded.status()).isEqualTo(302);
        assertThat(local(recorded.location())).contains("lang=fr").contains("done=extended");
        assertThat(commitment(id).path("end").asText()).isEqualTo("2024-12-31");
        assertThat(ally.get(local(recorded.location())).html()).contains("La prolongation est enregistrée.")
                .contains("data-year=\"2024\"");
    }

    @Test
    void a_yearly_report_is_filed_once_however_often_it_is_sent_and_a_wrong_year_is_refused_beside_it() throws InterruptedException {
        String id = active();
        FormClient ally = new FormClient(port).signIn(ALLY);
        String form = page(id) + "/reports/new?lang=en&year=2022";
        String action = page(id) + "/reports";
        String shown = ally.get(form).html();
        assertThat(shown).contains("name=\"year\"").contains("value=\"2022\"").contains("Target: 1,000; baseline: 0")
                .contains("value=\"MX\"");

        Map<String, String> report = new LinkedHashMap<>(Map.of("year", "2030", "status", "ON_TRACK",
                "moneyAmount", "40000", "moneyCurrency", "MXN", "value-0", "120", "peopleReached", "5000",
                "countries", "MX", "narrative", "Draft law presented to Congress.",
                "evidenceLinks", "https://example.org/care-report-2022\nhttps://example.org/annex"));
        FormClient.Page outside = send(ally, form, action, report);
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.html()).contains("id=\"year-refusal\"").contains("A report is for a year the commitment runs: choose a year of its period.")
                .contains("Draft law presented to Congress.");
        report.put("year", "2022");
        report.put("peopleReached", "many");
        report.put("evidenceLinks", "example.org/no-scheme");
        FormClient.Page unreadable = send(ally, form, action, report);
        assertThat(unreadable.status()).isEqualTo(422);
        assertThat(unreadable.html()).contains("id=\"peopleReached-refusal\"").contains("Give a number")
                .contains("id=\"evidenceLinks-refusal\"");
        assertThat(commitment(id).path("reports").size()).isZero();

        report.put("peopleReached", "5,000");
        report.put("evidenceLinks", "https://example.org/care-report-2022\nhttps://example.org/annex");
        Map<String, String> fields = new LinkedHashMap<>(ally.get(form).hiddenFieldsOf(action));
        fields.putAll(report);
        CompletableFuture<FormClient.Page> first = CompletableFuture.supplyAsync(() -> ally.post(action + "?lang=en", fields));
        CompletableFuture<FormClient.Page> second = CompletableFuture.supplyAsync(() -> ally.post(action + "?lang=en", fields));
        FormClient.Page a = first.join();
        FormClient.Page b = second.join();
        assertThat(a.status()).isEqualTo(302);
        assertThat(b.status()).isEqualTo(302);
        assertThat(b.location()).isEqualTo(a.location());
        assertThat(ally.post(action + "?lang=en", fields).location()).isEqualTo(a.location());

        JsonNode reports = commitment(id).path("reports");
        assertThat(reports.size()).isEqualTo(1);
        JsonNode filed = reports.get(0).path("inForce");
        assertThat(reports.get(0).path("year").asInt()).isEqualTo(2022);
        assertThat(filed.path("revision").asInt()).isEqualTo(1);
        assertThat(reports.get(0).path("superseded").size()).isZero();
        assertThat(filed.path("progressStatus").asText()).isEqualTo("ON_TRACK");
        assertThat(filed.path("moneyDisbursed").path("amount").decimalValue()).isEqualByComparingTo("40000");
        assertThat(filed.path("indicatorValues").path("CARE-JOBS").decimalValue()).isEqualByComparingTo("120");
        assertThat(filed.path("peopleReached").asLong()).isEqualTo(5000);
        assertThat(filed.path("evidenceLinks").size()).isEqualTo(2);
        String after = ally.get(local(a.location())).html();
        assertThat(after).contains("The report is filed.").contains("Draft law presented to Congress.")
                .contains(page(id) + "/reports/2022/correction");
        assertThat(after).containsPattern("data-year=\"2022\" data-standing=\"filed(Late)?\"");

        // A second report for the same year is the aggregate's to refuse: correct it instead.
        Map<String, String> again = new LinkedHashMap<>(report);
        again.put("narrative", "Once more.");
        FormClient.Page twice = send(ally, form, action, again);
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.html()).contains("id=\"year-refusal\"").contains("correct it instead");
    }

    @Test
    void a_correction_starts_from_the_report_in_force_needs_a_reason_and_supersedes_it() throws InterruptedException {
        String id = active();
        assertStatus(api.post(ALLY, "/api/commitments/" + id + "/reports",
                Map.of("year", 2022, "report", Api.report("ON_TRACK", "Draft law presented to Congress."))), HttpStatus.OK);
        api.eventually(null, "/api/commitments/" + id, c -> c.path("reports").size() == 1);
        FormClient ally = new FormClient(port).signIn(ALLY);
        String form = page(id) + "/reports/2022/correction?lang=es";
        String action = page(id) + "/reports/2022/correction";
        String shown = ally.get(form).html();
        assertThat(shown).contains("Draft law presented to Congress.").contains("value=\"120\"")
                .contains("value=\"5000\"").contains("https://example.org/report")
                .containsPattern("value=\"ON_TRACK\"[^>]*checked");

        FormClient.Page noReason = send(ally, form, action, Map.of("value-0", "135"));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.html()).contains("id=\"reason-refusal\"").contains("value=\"135\"");
        Map<String, String> corrected = new LinkedHashMap<>();
        corrected.put("status", "ON_TRACK");
        corrected.put("value-0", "135");
        corrected.put("peopleReached", "5200");
        corrected.put("countries", "MX");
        corrected.put("narrative", "Draft law presented to Congress; figures updated.");
        corrected.put("moneyAmount", "0");
        corrected.put("moneyCurrency", "USD");
        corrected.put("reason", "the final figures arrived");
        FormClient.Page recorded = send(ally, form, action, corrected);
        assertThat(recorded.status()).isEqualTo(302);
        assertThat(local(recorded.location())).contains("done=corrected");

        JsonNode year = commitment(id).path("reports").get(0);
        assertThat(year.path("superseded").size()).isEqualTo(1);
        assertThat(year.path("inForce").path("revision").asInt()).isEqualTo(2);
        assertThat(year.path("inForce").path("correctionReason").asText()).isEqualTo("the final figures arrived");
        assertThat(year.path("inForce").path("indicatorValues").path("CARE-JOBS").decimalValue()).isEqualByComparingTo("135");
        assertThat(ally.get(local(recorded.location())).html()).contains("La corrección quedó registrada.")
                .contains("the final figures arrived");
        assertThat(ally.get(page(id) + "/reports/2023/correction").status()).isEqualTo(404);
    }

    @Test
    void withdrawing_needs_a_reason_completing_needs_an_active_commitment() throws InterruptedException {
        String active = active();
        FormClient ally = new FormClient(port).signIn(ALLY);
        String withdrawal = page(active) + "/withdrawal";
        FormClient.Page noReason = send(ally, withdrawal + "?lang=ar", withdrawal, Map.of("reason", "  "));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.html()).contains("id=\"reason-refusal\"");
        assertThat(commitment(active).path("status").asText()).isEqualTo("ACTIVE");
        FormClient.Page withdrawn = send(ally, withdrawal + "?lang=en", withdrawal, Map.of("reason", "the ministry was dissolved"));
        assertThat(withdrawn.status()).isEqualTo(302);
        JsonNode after = commitment(active);
        assertThat(after.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(after.path("closingReason").asText()).isEqualTo("the ministry was dissolved");
        assertThat(ally.get(local(withdrawn.location())).html()).contains("The withdrawal is recorded.")
                .doesNotContain(page(active) + "/amendment");

        // A pledge no initiative has accepted yet cannot be completed: the rule, at the top of the form.
        String pledged = api.pledged(ALLY);
        api.eventually(null, "/api/commitments/" + pledged, c -> c.path("status").asText().equals("PLEDGED"));
        String completion = page(pledged) + "/completion";
        FormClient.Page early = send(ally, completion + "?lang=en", completion, Map.of("note", "done already"));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.html()).contains("Only an active commitment (accepted, neither completed nor withdrawn) can be completed.");
        assertThat(commitment(pledged).path("status").asText()).isEqualTo("PLEDGED");

        String done = active();
        FormClient.Page completed = send(ally, page(done) + "/completion?lang=en", page(done) + "/completion",
                Map.of("note", "the system is law"));
        assertThat(completed.status()).isEqualTo(302);
        assertThat(commitment(done).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(ally.get(local(completed.location())).html()).contains("The commitment is recorded as completed.")
                .contains("the system is law");
    }
}
