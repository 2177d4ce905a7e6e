package org.equalityledger.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.support.Api.ALLY;
import static org.equalityledger.service.support.Api.AUDITOR;
import static org.equalityledger.service.support.Api.LEADER_EJR;
import static org.equalityledger.service.support.Api.LEADER_GAC;
import static org.equalityledger.service.support.Api.LEADER_GBV;
import static org.equalityledger.service.support.Api.PARTNER;
import static org.equalityledger.service.support.Api.SECRETARIAT;
import static org.equalityledger.service.support.Api.assertProblem;
import static org.equalityledger.service.support.Api.assertRule;
import static org.equalityledger.service.support.Api.assertStatus;
import static org.equalityledger.service.support.Api.pledge;
import static org.equalityledger.service.support.Api.report;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.GenericEventMessage;
import org.equalityledger.service.eventstore.LedgerEvents;
import org.equalityledger.service.support.Api;
import org.equalityledger.service.support.LedgerServiceTest;
import org.equalityledger.service.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Global Alliance for Care from the Paris forum (June 2021) to 2026, through HTTP only, on the
 * reference set loaded at start. The ledger's clock (Axon's event clock, which the domain reads) is
 * moved through the years; reporting cycles 2021–2025 are this test's alone.
 */
@LedgerServiceTest
class GlobalAllianceForCareScenarioTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    LedgerEvents ledger;
    Api api;
    final MovableClock clock = new MovableClock();

    @BeforeEach
    void setUp() {
        api = new Api(http, ledger);
        GenericEventMessage.clock = clock;
    }

    @AfterEach
    void restoreClock() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    void at(String instant) {
        clock.now = Instant.parse(instant);
    }

    String path(String commitment, String tail) {
        return "/api/commitments/" + commitment + tail;
    }

    void openCycle(int year) {
        assertStatus(api.post(SECRETARIAT, "/api/reporting-cycles",
                Map.of("year", year, "deadline", (year + 1) + "-03-31T23:59:59Z")), HttpStatus.CREATED);
    }

    @Test
    void the_global_alliance_for_care_2021_to_2026() {
        // Paris, 30 June 2021: three makers, two pledges to the alliance.
        at("2021-06-30T10:00:00Z");
        String fundacion = api.registerMaker(ALLY, "Fundación Cuidar", "CIVIL_SOCIETY", "MX");
        String youth = api.registerMaker(PARTNER, "Red Juvenil de Cuidados", "YOUTH_LED_ORGANISATION", "CR");
        String costaRica = api.registerMaker(PARTNER, "Gobierno de Costa Rica", "GOVERNMENT", "CR");

        Map<String, Object> careSystem = new LinkedHashMap<>();
        careSystem.put("types", List.of("POLICY", "ADVOCACY"));
        careSystem.put("targets", List.of(Map.of("initiativeId", "gac", "actionCode", "GAC-1"),
                Map.of("initiativeId", "ac-ejr", "actionCode", "EJR-1")));
        careSystem.put("coMakerIds", List.of(youth));
        careSystem.put("title", "A national care system for Mexico");
        careSystem.put("description", "Advocacy and policy work for a national care system recognising unpaid care.");
        careSystem.put("indicators", List.of(Map.of("code", "CARE-JOBS", "unit", "jobs", "baseline", 0,
                "target", 1000)));
        careSystem.put("countries", List.of("MX"));
        careSystem.put("start", "2021-07-01");
        careSystem.put("end", "2024-06-30");
        careSystem.put("origin", Map.of("kind", "FORUM", "forumName", "Generation Equality Forum, Paris"));
        String care = api.pledged(ALLY, fundacion, careSystem);

        Map<String, Object> policyOnly = new LinkedHashMap<>(careSystem);
        policyOnly.put("types", List.of("POLICY"));
        policyOnly.put("targets", List.of(Map.of("initiativeId", "gac", "actionCode", "GAC-2")));
        policyOnly.put("coMakerIds", List.of());
        policyOnly.put("title", "Care leave for fathers");
        policyOnly.put("end", "2023-06-30");
        JsonNode flagged = assertStatus(api.post(PARTNER, "/api/commitments", pledge(costaRica, policyOnly)),
                HttpStatus.CREATED);
        assertThat(flagged.path("flags").toString()).contains("financial-commitment-expected");
        String leave = flagged.path("id").asText();

        // July 2021: the leadership answers within four weeks.
        at("2021-07-10T09:00:00Z");
        assertStatus(api.post(LEADER_GAC, path(care, "/decisions"), Map.of("initiativeId", "gac",
                "verdict", "ACCEPT", "reason", "fits the care-economy priority area")), HttpStatus.OK);
        assertStatus(api.post(LEADER_EJR, path(care, "/decisions"), Map.of("initiativeId", "ac-ejr",
                "verdict", "ACCEPT")), HttpStatus.OK);
        assertProblem(api.post(LEADER_GBV, path(care, "/decisions"), Map.of("initiativeId", "gac",
                "verdict", "REJECT", "reason", "not ours")), HttpStatus.FORBIDDEN);
        assertStatus(api.post(LEADER_GAC, path(leave, "/decisions"), Map.of("initiativeId", "gac",
                "verdict", "REJECT", "reason", "a government commitment to the alliance needs a budget")),
                HttpStatus.OK);

        // September 2021: the budget arrives.
        at("2021-09-01T12:00:00Z");
        assertStatus(api.post(ALLY, path(care, "/amendments"), Map.of("changes", Map.of(
                "types", List.of("POLICY", "ADVOCACY", "FINANCIAL"),
                "financial", Map.of("amount", "250000.00", "currency", "MXN")),
                "reason", "the board approved a budget")), HttpStatus.OK);
        assertRule(api.post(PARTNER, path(leave, "/amendments"), Map.of("changes",
                Map.of("title", "Care leave, funded"), "reason", "now with a budget")), "commitment.amend.closed");

        at("2021-12-01T09:00:00Z");
        openCycle(2021);

        // The 2021 report, on time.
        at("2022-02-15T16:00:00Z");
        JsonNode onTime = assertStatus(api.post(ALLY, path(care, "/reports"), Map.of("year", 2021,
                "report", report("ON_TRACK", "Draft law presented to Congress."))), HttpStatus.OK);
        assertThat(onTime.path("flags").toString()).doesNotContain("late");

        // A second pledge in the 2022 window, withdrawn a year later.
        at("2022-03-30T10:00:00Z");
        Map<String, Object> training = new LinkedHashMap<>(careSystem);
        training.put("targets", List.of(Map.of("initiativeId", "gac", "actionCode", "GAC-3")));
        training.put("coMakerIds", List.of());
        training.put("title", "Training for community carers");
        training.put("start", "2022-04-01");
        training.put("end", "2024-03-31");
        training.put("origin", Map.of("kind", "YEARLY_WINDOW", "windowYear", 2022));
        String carers = api.pledged(ALLY, fundacion, training);
        assertStatus(api.post(LEADER_GAC, path(carers, "/decisions"), Map.of("initiativeId", "gac",
                "verdict", "ACCEPT")), HttpStatus.OK);

        at("2022-04-02T09:00:00Z");
        assertStatus(api.post(SECRETARIAT, "/api/reporting-cycles/2021/closure", null), HttpStatus.OK);
        openCycle(2022);

        at("2023-03-01T09:00:00Z");
        assertStatus(api.post(ALLY, path(carers, "/withdrawal"),
                Map.of("reason", "merged into the national care system commitment")), HttpStatus.OK);

        // The 2022 report, late, by the youth co-maker; then corrected.
        at("2023-05-10T11:00:00Z");
        JsonNode late = assertStatus(api.post(PARTNER, path(care, "/reports"), Map.of("year", 2022,
                "report", report("OFF_TRACK", "The law stalled in committee."))), HttpStatus.OK);
        assertThat(late.path("flags").toString()).contains("late");
        at("2023-06-01T11:00:00Z");
        assertStatus(api.post(ALLY, path(care, "/reports/2022/corrections"), Map.of(
                "report", report("OFF_TRACK", "The law stalled in committee; 120 carers trained."),
                "reason", "the people reached were missing")), HttpStatus.OK);

        // 2024: a second phase.
        at("2024-01-15T10:00:00Z");
        openCycle(2023);
        assertStatus(api.post(ALLY, path(care, "/extensions"), Map.of("newEnd", "2025-12-31",
                "reason", "a second phase with the municipalities")), HttpStatus.OK);
        at("2024-02-20T10:00:00Z");
        assertStatus(api.post(ALLY, path(care, "/reports"), Map.of("year", 2023,
                "report", report("ON_TRACK", "The law passed."))), HttpStatus.OK);

        at("2025-01-10T10:00:00Z");
        openCycle(2024);
        at("2025-02-20T10:00:00Z");
        assertStatus(api.post(ALLY, path(care, "/reports"), Map.of("year", 2024,
                "report", report("ON_TRACK", "Twelve municipalities run care centres."))), HttpStatus.OK);

        at("2026-01-10T10:00:00Z");
        openCycle(2025);
        at("2026-02-20T10:00:00Z");
        assertStatus(api.post(ALLY, path(care, "/reports"), Map.of("year", 2025,
                "report", report("COMPLETED", "The national care system is in place."))), HttpStatus.OK);
        assertRule(api.post(ALLY, path(care, "/reports"), Map.of("year", 2025,
                "report", report("COMPLETED", "Again."))), "commitment.report.already-filed");
        assertRule(api.post(ALLY, path(care, "/reports"), Map.of("year", 2026,
                "report", report("COMPLETED", "Beyond."))), "commitment.report.year-outside-period");

        at("2026-03-01T10:00:00Z");
        assertStatus(api.post(ALLY, path(care, "/completion"), Map.of("note", "fulfilled: the system is law")),
                HttpStatus.OK);

        // The history, as an auditor reads it.
        JsonNode events = assertStatus(api.get(AUDITOR, path(care, "/history")), HttpStatus.OK).path("events");
        List<String> story = new ArrayList<>();
        events.forEach(e -> story.add(e.path("type").asText() + " by " + e.path("actor").asText() + " at "
                + e.path("recordedAt").asText() + (e.has("reason") ? " because " + e.path("reason").asText() : "")));
        assertThat(story).containsExactly(
                "CommitmentPledged by ally-demo at 2021-06-30T10:00:00Z",
                "PledgeAccepted by leader-gac at 2021-07-10T09:00:00Z because fits the care-economy priority area",
                "PledgeAccepted by leader-ac-ejr at 2021-07-10T09:00:00Z",
                "CommitmentAmended by ally-demo at 2021-09-01T12:00:00Z because the board approved a budget",
                "ProgressReportFiled by ally-demo at 2022-02-15T16:00:00Z",
                "ProgressReportFiled by ally-partner at 2023-05-10T11:00:00Z",
                "ProgressReportCorrected by ally-demo at 2023-06-01T11:00:00Z because the people reached were missing",
                "CommitmentExtended by ally-demo at 2024-01-15T10:00:00Z because a second phase with the municipalities",
                "ProgressReportFiled by ally-demo at 2024-02-20T10:00:00Z",
                "ProgressReportFiled by ally-demo at 2025-02-20T10:00:00Z",
                "ProgressReportFiled by ally-demo at 2026-02-20T10:00:00Z",
                "CommitmentCompleted by ally-demo at 2026-03-01T10:00:00Z because fulfilled: the system is law");
        assertThat(events.get(4).path("payload").path("late").asBoolean()).isFalse();
        assertThat(events.get(5).path("payload").path("late").asBoolean()).isTrue();
        assertThat(events.get(6).path("payload").path("supersedesRevision").asInt()).isEqualTo(1);
        assertThat(events.get(3).path("payload").path("details").path("financial").path("currency").asText())
                .isEqualTo("MXN");
        // What an amendment and a correction changed reads as JSON values in the API's shapes, not Java's text.
        JsonNode amended = events.get(3).path("changes");
        assertThat(amended.path("financial").path("from").isNull()).isTrue();
        assertThat(amended.path("financial").path("to").path("currency").asText()).isEqualTo("MXN");
        assertThat(amended.path("financial").path("to").path("amount").decimalValue()).isEqualByComparingTo("250000.00");
        assertThat(amended.path("types").path("to").isArray()).isTrue();
        assertThat(amended.path("types").path("to")).extracting(JsonNode::asText).contains("FINANCIAL");
        assertThat(events.get(6).path("changes").path("narrative").path("to").asText())
                .isEqualTo("The law stalled in committee; 120 carers trained.");
        assertThat(events.toString()).doesNotContain("Document{{").doesNotContain("{{");
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).path("previousHash").asText()).isEqualTo(events.get(i - 1).path("hash").asText());
        }

        // Who may read which history.
        assertStatus(api.get(PARTNER, path(care, "/history")), HttpStatus.OK);
        assertStatus(api.get(LEADER_EJR, path(care, "/history")), HttpStatus.OK);
        assertProblem(api.get(LEADER_GBV, path(care, "/history")), HttpStatus.FORBIDDEN);
        JsonNode rejected = assertStatus(api.get(PARTNER, path(leave, "/history")), HttpStatus.OK).path("events");
        assertThat(rejected.get(1).path("type").asText()).isEqualTo("PledgeRejected");
        assertThat(rejected.get(1).path("reason").asText()).isEqualTo("a government commitment to the alliance needs a budget");
        assertProblem(api.get(ALLY, path(leave, "/history")), HttpStatus.FORBIDDEN);
        JsonNode withdrawn = assertStatus(api.get(SECRETARIAT, path(carers, "/history")), HttpStatus.OK).path("events");
        assertThat(withdrawn.get(withdrawn.size() - 1).path("reason").asText())
                .isEqualTo("merged into the national care system commitment");
    }
}
