package org.equalityledger.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.support.Api.ALLY;
import static org.equalityledger.service.support.Api.AUDITOR;
import static org.equalityledger.service.support.Api.LEADER_EJR;
import static org.equalityledger.service.support.Api.LEADER_GAC;
import static org.equalityledger.service.support.Api.LEADER_GBV;
import static org.equalityledger.service.support.Api.PARTNER;
import static org.equalityledger.service.support.Api.SECRETARIAT;
import static org.equalityledger.service.support.Api.assertBadFields;
import static org.equalityledger.service.support.Api.assertProblem;
import static org.equalityledger.service.support.Api.assertRule;
import static org.equalityledger.service.support.Api.assertStatus;
import static org.equalityledger.service.support.Api.details;
import static org.equalityledger.service.support.Api.pledge;
import static org.equalityledger.service.support.Api.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.equalityledger.service.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

class CommitmentApiTest extends ApiTest {

    // ---- pledge -------------------------------------------------------------------------------

    @Test
    void an_ally_pledges_for_its_maker_and_gets_201_with_a_location() {
        String maker = api.registerMaker(ALLY);

        ResponseEntity<JsonNode> response = api.post(ALLY, "/api/commitments", pledge(maker, details()));

        JsonNode body = assertStatus(response, HttpStatus.CREATED);
        String id = body.path("id").asText();
        assertThat(id).startsWith("commitment-");
        assertThat(body.path("outcome").asText()).isEqualTo("pledged");
        assertThat(response.getHeaders().getLocation()).hasToString("/api/commitments/" + id);
        assertThat(ledger.entriesOf(id)).hasSize(1);
    }

    @Test
    void a_government_pledge_without_money_is_accepted_and_flagged() {
        String government = api.registerMaker(ALLY, Api.fresh("Gobierno"), "GOVERNMENT", "CR");

        JsonNode body = assertStatus(api.post(ALLY, "/api/commitments", pledge(government, details())),
                HttpStatus.CREATED);

        assertThat(body.path("flags")).extracting(JsonNode::asText).containsExactly("financial-commitment-expected");
    }

    @Test
    void only_an_ally_of_the_maker_may_pledge() {
        String maker = api.registerMaker(ALLY);
        for (String other : List.of(PARTNER, SECRETARIAT, LEADER_GAC, AUDITOR)) {
            long head = api.head();
            assertProblem(api.post(other, "/api/commitments", pledge(maker, details())), HttpStatus.FORBIDDEN);
            assertThat(api.head()).isEqualTo(head);
        }
    }

    @Test
    void a_pledge_without_login_is_401_and_changes_nothing() {
        String maker = api.registerMaker(ALLY);
        long head = api.head();

        ResponseEntity<JsonNode> response = api.post(null, "/api/commitments", pledge(maker, details()));

        assertProblem(response, HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().get("WWW-Authenticate")).anyMatch(h -> h.startsWith("Basic"));
        assertThat(api.head()).isEqualTo(head);
    }

    @Test
    void a_wrong_password_is_401() {
        ResponseEntity<String> response = http.withBasicAuth(ALLY, "not-the-password")
                .postForEntity("/api/commitments", Map.of(), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    @Test
    void a_bad_pledge_names_every_bad_field() {
        String maker = api.registerMaker(ALLY);
        Map<String, Object> details = new LinkedHashMap<>(details());
        details.put("types", List.of("FINANCIAL"));
        details.put("title", "");
        details.put("countries", List.of("XX"));
        details.put("end", "2021-01-01");
        long head = api.head();

        ResponseEntity<JsonNode> response = api.post(ALLY, "/api/commitments", pledge(maker, details));

        assertBadFields(response, "details.financial", "details.title", "details.countries[0]", "details.end");
        assertThat(api.head()).isEqualTo(head);
    }

    @Test
    void wrong_types_unknown_enums_and_dates_are_all_named_at_once() {
        String maker = api.registerMaker(ALLY);
        Map<String, Object> details = new LinkedHashMap<>(details());
        details.put("types", List.of("CHARITY"));
        details.put("start", "2022-02-30");
        details.put("end", "next year");
        details.put("colour", "blue");

        ResponseEntity<JsonNode> response = api.post(ALLY, "/api/commitments", pledge(maker, details));

        assertBadFields(response, "details.types[0]", "details.start", "details.end", "details.colour");
    }

    @Test
    void a_pledge_breaking_a_rule_is_409_with_the_rule() {
        String maker = api.registerMaker(ALLY);
        Map<String, Object> details = new LinkedHashMap<>(details());
        details.put("start", "2021-07-01");
        details.put("end", "2026-12-31");

        assertRule(api.post(ALLY, "/api/commitments", pledge(maker, details)), "commitment.period.too-long");

        details.put("end", "2022-12-31");
        details.put("targets", List.of(Map.of("initiativeId", "gac", "actionCode", "GAC-99")));
        assertRule(api.post(ALLY, "/api/commitments", pledge(maker, details)), "commitment.target.unknown-action");
    }

    @Test
    void a_co_maker_must_be_a_maker_not_some_other_stream() {
        String maker = api.registerMaker(ALLY);
        Map<String, Object> details = new LinkedHashMap<>(details());
        details.put("coMakerIds", List.of("gac"));

        assertRule(api.post(ALLY, "/api/commitments", pledge(maker, details)), "commitment.co-maker.unknown");
    }

    // ---- decisions ----------------------------------------------------------------------------

    @Test
    void the_leadership_of_a_targeted_initiative_accepts_or_rejects() {
        String accepted = api.pledged(ALLY);
        JsonNode body = assertStatus(api.post(LEADER_GAC, "/api/commitments/" + accepted + "/decisions",
                Map.of("initiativeId", "gac", "verdict", "ACCEPT")), HttpStatus.OK);
        assertThat(body.path("outcome").asText()).isEqualTo("accepted");

        String rejected = api.pledged(ALLY);
        body = assertStatus(api.post(LEADER_GAC, "/api/commitments/" + rejected + "/decisions",
                Map.of("initiativeId", "gac", "verdict", "REJECT", "reason", "not about care")), HttpStatus.OK);
        assertThat(body.path("outcome").asText()).isEqualTo("rejected");
    }

    @Test
    void nobody_else_decides() {
        String id = api.pledged(ALLY);
        for (String other : List.of(LEADER_GBV, LEADER_EJR, ALLY, PARTNER, SECRETARIAT, AUDITOR)) {
            assertProblem(api.post(other, "/api/commitments/" + id + "/decisions",
                    Map.of("initiativeId", "gac", "verdict", "ACCEPT")), HttpStatus.FORBIDDEN);
        }
        assertThat(ledger.entriesOf(id)).hasSize(1);
    }

    @Test
    void a_rejection_needs_a_reason_and_one_decision_per_initiative() {
        String id = api.pledged(ALLY);
        assertBadFields(api.post(LEADER_GAC, "/api/commitments/" + id + "/decisions",
                Map.of("initiativeId", "gac", "verdict", "REJECT")), "reason");
        assertStatus(api.post(LEADER_GAC, "/api/commitments/" + id + "/decisions",
                Map.of("initiativeId", "gac", "verdict", "ACCEPT")), HttpStatus.OK);
        assertRule(api.post(LEADER_GAC, "/api/commitments/" + id + "/decisions",
                Map.of("initiativeId", "gac", "verdict", "ACCEPT")), "commitment.decision.already-decided");
    }

    @Test
    void an_unknown_commitment_is_404() {
        String unknown = Ids.newCommitmentId();
        assertProblem(api.post(LEADER_GAC, "/api/commitments/" + unknown + "/decisions",
                Map.of("initiativeId", "gac", "verdict", "ACCEPT")), HttpStatus.NOT_FOUND);
        assertProblem(api.post(ALLY, "/api/commitments/gac/withdrawal", Map.of("reason", "x")),
                HttpStatus.NOT_FOUND);
        assertProblem(api.get(AUDITOR, "/api/commitments/" + unknown + "/history"), HttpStatus.NOT_FOUND);
    }

    // ---- amendments, extensions, withdrawal, completion ---------------------------------------

    @Test
    void an_ally_amends_with_a_reason() {
        String id = api.active(ALLY);
        Map<String, Object> changes = Map.of("types", List.of("ADVOCACY", "FINANCIAL"),
                "financial", Map.of("amount", "250000.00", "currency", "MXN"));

        JsonNode body = assertStatus(api.post(ALLY, "/api/commitments/" + id + "/amendments",
                Map.of("changes", changes, "reason", "the board approved a budget")), HttpStatus.OK);

        assertThat(body.path("outcome").asText()).isEqualTo("amended");
        assertBadFields(api.post(ALLY, "/api/commitments/" + id + "/amendments",
                Map.of("changes", Map.of("title", "New"))), "reason");
        assertBadFields(api.post(ALLY, "/api/commitments/" + id + "/amendments",
                Map.of("changes", Map.of("financial", Map.of("amount", -1, "currency", "usd")), "reason", "r")),
                "changes.financial.amount", "changes.financial.currency");
        assertRule(api.post(ALLY, "/api/commitments/" + id + "/amendments",
                Map.of("changes", Map.of("title", "Care is work"), "reason", "same")), "commitment.amend.no-change");
        for (String other : List.of(PARTNER, LEADER_GAC, SECRETARIAT, AUDITOR)) {
            assertProblem(api.post(other, "/api/commitments/" + id + "/amendments",
                    Map.of("changes", Map.of("title", "Taken over"), "reason", "mine now")), HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void an_ally_of_a_co_maker_may_act_for_the_commitment() {
        String coMaker = api.registerMaker(PARTNER);
        String maker = api.registerMaker(ALLY);
        Map<String, Object> details = new LinkedHashMap<>(details());
        details.put("coMakerIds", List.of(coMaker));
        String id = api.pledged(ALLY, maker, details);

        assertStatus(api.post(PARTNER, "/api/commitments/" + id + "/extensions",
                Map.of("newEnd", "2024-12-31", "reason", "a second phase")), HttpStatus.OK);
        assertStatus(api.get(PARTNER, "/api/commitments/" + id + "/history"), HttpStatus.OK);
    }

    @Test
    void extensions_move_the_end_later_within_bounds() {
        String id = api.active(ALLY);
        assertStatus(api.post(ALLY, "/api/commitments/" + id + "/extensions",
                Map.of("newEnd", "2025-06-30", "reason", "more municipalities")), HttpStatus.OK);
        assertRule(api.post(ALLY, "/api/commitments/" + id + "/extensions",
                Map.of("newEnd", "2024-01-01", "reason", "shorter")), "commitment.extend.not-later");
        assertRule(api.post(ALLY, "/api/commitments/" + id + "/extensions",
                Map.of("newEnd", "2027-12-31", "reason", "longer")), "commitment.period.too-long");
        assertBadFields(api.post(ALLY, "/api/commitments/" + id + "/extensions",
                Map.of("newEnd", "someday")), "newEnd");
        assertBadFields(api.post(ALLY, "/api/commitments/" + id + "/extensions", Map.of()), "newEnd", "reason");
        assertProblem(api.post(LEADER_GAC, "/api/commitments/" + id + "/extensions",
                Map.of("newEnd", "2025-12-31", "reason", "x")), HttpStatus.FORBIDDEN);
    }

    @Test
    void withdrawal_needs_a_reason_and_closes_the_commitment() {
        String id = api.active(ALLY);
        assertBadFields(api.post(ALLY, "/api/commitments/" + id + "/withdrawal", Map.of()), "reason");
        assertProblem(api.post(PARTNER, "/api/commitments/" + id + "/withdrawal", Map.of("reason", "x")),
                HttpStatus.FORBIDDEN);
        assertStatus(api.post(ALLY, "/api/commitments/" + id + "/withdrawal",
                Map.of("reason", "the programme lost its funding")), HttpStatus.OK);
        assertRule(api.post(ALLY, "/api/commitments/" + id + "/amendments",
                Map.of("changes", Map.of("title", "Again"), "reason", "r")), "commitment.amend.closed");
    }

    @Test
    void completion_of_an_active_commitment_with_or_without_a_note() {
        String pledged = api.pledged(ALLY);
        assertRule(api.post(ALLY, "/api/commitments/" + pledged + "/completion", null),
                "commitment.complete.not-active");

        String id = api.active(ALLY);
        assertProblem(api.post(AUDITOR, "/api/commitments/" + id + "/completion", null), HttpStatus.FORBIDDEN);
        JsonNode body = assertStatus(api.post(ALLY, "/api/commitments/" + id + "/completion", null), HttpStatus.OK);
        assertThat(body.path("outcome").asText()).isEqualTo("completed");

        String other = api.active(ALLY);
        assertStatus(api.post(ALLY, "/api/commitments/" + other + "/completion", Map.of("note", "all done")),
                HttpStatus.OK);
    }

    // ---- reports ------------------------------------------------------------------------------

    @Test
    void an_ally_files_a_yearly_report_and_corrects_it() {
        String id = api.active(ALLY);
        JsonNode body = assertStatus(api.post(ALLY, "/api/commitments/" + id + "/reports",
                Map.of("year", 2022, "report", report("ON_TRACK", "First year."))), HttpStatus.OK);
        assertThat(body.path("outcome").asText()).isEqualTo("report-filed");

        assertRule(api.post(ALLY, "/api/commitments/" + id + "/reports",
                Map.of("year", 2022, "report", report("ON_TRACK", "Again."))), "commitment.report.already-filed");
        assertStatus(api.post(ALLY, "/api/commitments/" + id + "/reports/2022/corrections",
                Map.of("report", report("OFF_TRACK", "Corrected."), "reason", "figures were wrong")), HttpStatus.OK);
        assertRule(api.post(ALLY, "/api/commitments/" + id + "/reports/2023/corrections",
                Map.of("report", report("OFF_TRACK", "x"), "reason", "r")), "commitment.correction.no-report");
        assertRule(api.post(ALLY, "/api/commitments/" + id + "/reports",
                Map.of("year", 2025, "report", report("ON_TRACK", "x"))), "commitment.report.year-outside-period");
    }

    @Test
    void bad_reports_name_their_fields() {
        String id = api.active(ALLY);
        Map<String, Object> report = new LinkedHashMap<>(report("SLOW", ""));
        report.put("indicatorValues", Map.of("CARE-JOBS", "many"));
        report.put("evidenceLinks", List.of("ftp://example.org/x"));
        report.put("peopleReached", -1);

        ResponseEntity<JsonNode> bad = api.post(ALLY, "/api/commitments/" + id + "/reports",
                Map.of("year", 1999, "report", report));
        // wrong types and enum values are named together with what the command's own checks find
        assertBadFields(bad, "report.status", "report.indicatorValues.CARE-JOBS", "year", "report.narrative",
                "report.peopleReached", "report.evidenceLinks[0]");
        assertThat(bad.getBody().path("errors").findValuesAsText("field"))
                .filteredOn("report.status"::equals).hasSize(1);
        Map<String, Object> unknownIndicator = new LinkedHashMap<>(report("ON_TRACK", "ok"));
        unknownIndicator.put("indicatorValues", Map.of("WOMEN-HIRED", 3));
        assertBadFields(api.post(ALLY, "/api/commitments/" + id + "/reports",
                Map.of("year", 2022, "report", unknownIndicator)), "report.indicatorValues.WOMEN-HIRED");
        Map<String, Object> negative = new LinkedHashMap<>(report("ON_TRACK", "ok"));
        negative.put("peopleReached", -1);
        negative.put("evidenceLinks", List.of("ftp://example.org/x"));
        assertBadFields(api.post(ALLY, "/api/commitments/" + id + "/reports",
                Map.of("year", 1999, "report", negative)), "year", "report.peopleReached", "report.evidenceLinks[0]");
        assertBadFields(api.post(ALLY, "/api/commitments/" + id + "/reports/twenty/corrections",
                Map.of("report", report("ON_TRACK", "x"), "reason", "r")), "year");
        assertProblem(api.post(LEADER_GAC, "/api/commitments/" + id + "/reports",
                Map.of("year", 2022, "report", report("ON_TRACK", "x"))), HttpStatus.FORBIDDEN);
    }

    // ---- history ------------------------------------------------------------------------------

    @Test
    void the_history_shows_every_event_with_actor_reason_and_hash_links() {
        String id = api.active(ALLY);
        api.post(ALLY, "/api/commitments/" + id + "/extensions", Map.of("newEnd", "2024-06-30", "reason", "phase two"));

        JsonNode history = assertStatus(api.get(AUDITOR, "/api/commitments/" + id + "/history"), HttpStatus.OK);

        JsonNode events = history.path("events");
        assertThat(events).hasSize(3);
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.path("type").asText()));
        assertThat(types).containsExactly("CommitmentPledged", "PledgeAccepted", "CommitmentExtended");
        assertThat(events.get(0).path("actor").asText()).isEqualTo(ALLY);
        assertThat(events.get(1).path("actor").asText()).isEqualTo(LEADER_GAC);
        assertThat(events.get(2).path("reason").asText()).isEqualTo("phase two");
        assertThat(events.get(0).path("previousHash").isMissingNode()).isTrue();
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).path("previousHash").asText()).isEqualTo(events.get(i - 1).path("hash").asText());
            assertThat(events.get(i).path("position").asLong()).isGreaterThan(events.get(i - 1).path("position").asLong());
            assertThat(events.get(i).path("sequence").asLong()).isEqualTo(i);
        }
        events.forEach(e -> {
            assertThat(e.path("recordedAt").asText()).isNotBlank();
            assertThat(e.path("correlationId").asText()).isNotBlank();
            assertThat(e.path("payload").path("commitmentId").asText()).isEqualTo(id);
        });
        assertThat(events.get(2).path("payload").path("newEnd").asText()).isEqualTo("2024-06-30");
    }

    @Test
    void the_history_is_for_the_secretariat_auditors_its_leaders_and_its_allies() {
        String id = api.active(ALLY);
        for (String reader : List.of(SECRETARIAT, AUDITOR, LEADER_GAC, ALLY)) {
            assertStatus(api.get(reader, "/api/commitments/" + id + "/history"), HttpStatus.OK);
        }
        for (String stranger : List.of(PARTNER, LEADER_GBV, LEADER_EJR)) {
            assertProblem(api.get(stranger, "/api/commitments/" + id + "/history"), HttpStatus.FORBIDDEN);
        }
        assertProblem(api.get(null, "/api/commitments/" + id + "/history"), HttpStatus.UNAUTHORIZED);
    }
}
