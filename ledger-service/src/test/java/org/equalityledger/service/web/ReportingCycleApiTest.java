package org.equalityledger.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.support.Api.ALLY;
import static org.equalityledger.service.support.Api.AUDITOR;
import static org.equalityledger.service.support.Api.LEADER_GAC;
import static org.equalityledger.service.support.Api.SECRETARIAT;
import static org.equalityledger.service.support.Api.assertBadFields;
import static org.equalityledger.service.support.Api.assertProblem;
import static org.equalityledger.service.support.Api.assertRule;
import static org.equalityledger.service.support.Api.assertStatus;

import java.util.Map;

import org.equalityledger.service.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

class ReportingCycleApiTest extends ApiTest {

    @Test
    void the_secretariat_opens_and_closes_a_year() {
        int year = Api.freeYear();

        ResponseEntity<JsonNode> opened = api.post(SECRETARIAT, "/api/reporting-cycles",
                Map.of("year", year, "deadline", (year + 1) + "-03-31T23:59:59Z"));

        assertThat(assertStatus(opened, HttpStatus.CREATED).path("id").asText()).isEqualTo(String.valueOf(year));
        assertThat(opened.getHeaders().getLocation()).hasToString("/api/reporting-cycles/" + year);
        assertRule(api.post(SECRETARIAT, "/api/reporting-cycles",
                Map.of("year", year, "deadline", (year + 1) + "-04-30T00:00:00Z")), "reporting-cycle.already-opened");
        assertStatus(api.post(SECRETARIAT, "/api/reporting-cycles/" + year + "/closure", null), HttpStatus.OK);
        assertRule(api.post(SECRETARIAT, "/api/reporting-cycles/" + year + "/closure", null),
                "reporting-cycle.already-closed");
    }

    @Test
    void a_cycle_not_opened_cannot_be_closed() {
        assertRule(api.post(SECRETARIAT, "/api/reporting-cycles/" + Api.freeYear() + "/closure", null),
                "reporting-cycle.not-opened");
    }

    @Test
    void only_the_secretariat_runs_cycles() {
        int year = Api.freeYear();
        for (String user : new String[] {ALLY, LEADER_GAC, AUDITOR}) {
            assertProblem(api.post(user, "/api/reporting-cycles",
                    Map.of("year", year, "deadline", (year + 1) + "-03-31T00:00:00Z")), HttpStatus.FORBIDDEN);
            assertProblem(api.post(user, "/api/reporting-cycles/" + year + "/closure", null), HttpStatus.FORBIDDEN);
        }
        assertProblem(api.post(null, "/api/reporting-cycles/" + year + "/closure", null), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void bad_years_and_deadlines_are_named() {
        assertBadFields(api.post(SECRETARIAT, "/api/reporting-cycles", Map.of("year", 1900,
                "deadline", "2022-03-31T00:00:00Z")), "year");
        assertBadFields(api.post(SECRETARIAT, "/api/reporting-cycles", Map.of("year", 2050,
                "deadline", "2049-03-31T00:00:00Z")), "deadline");
        assertBadFields(api.post(SECRETARIAT, "/api/reporting-cycles", Map.of("year", 2050.5,
                "deadline", "tomorrow")), "year");
        // Both bad fields are named whichever comes first (Map.of would pick an order per run).
        assertBadFields(api.post(SECRETARIAT, "/api/reporting-cycles", ordered("year", "MMXXII",
                "deadline", "tomorrow")), "year", "deadline");
        assertBadFields(api.post(SECRETARIAT, "/api/reporting-cycles", ordered("deadline", "tomorrow",
                "year", "MMXXII")), "year", "deadline");
        assertBadFields(api.post(SECRETARIAT, "/api/reporting-cycles/twenty-twenty/closure", null), "year");
        assertBadFields(api.post(SECRETARIAT, "/api/reporting-cycles/99999999999/closure", null), "year");
        assertBadFields(api.post(SECRETARIAT, "/api/reporting-cycles/1999/closure", null), "year");
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put(k1, v1);
        body.put(k2, v2);
        return body;
    }
}
