package org.equalityledger.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.support.Api.ALLY;
import static org.equalityledger.service.support.Api.AUDITOR;
import static org.equalityledger.service.support.Api.LEADER_GAC;
import static org.equalityledger.service.support.Api.PARTNER;
import static org.equalityledger.service.support.Api.SECRETARIAT;
import static org.equalityledger.service.support.Api.assertBadFields;
import static org.equalityledger.service.support.Api.assertProblem;
import static org.equalityledger.service.support.Api.assertStatus;
import static org.equalityledger.service.support.Api.details;
import static org.equalityledger.service.support.Api.maker;
import static org.equalityledger.service.support.Api.pledge;

import java.util.Map;

import org.equalityledger.service.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

class CommitmentMakerApiTest extends ApiTest {

    @Test
    void the_secretariat_registers_a_maker_with_a_minted_id() {
        ResponseEntity<JsonNode> response = api.post(SECRETARIAT, "/api/commitment-makers",
                maker("Gobierno de México", "GOVERNMENT", "MX"));

        JsonNode body = assertStatus(response, HttpStatus.CREATED);
        String id = body.path("id").asText();
        assertThat(id).startsWith("maker-");
        assertThat(response.getHeaders().getLocation()).hasToString("/api/commitment-makers/" + id);
        assertThat(ledger.entriesOf(id)).hasSize(1);
        assertThat(ledger.entriesOf(id).get(0).metadata()).contains("\"actor\":\"secretariat\"");
    }

    @Test
    void an_ally_registers_its_own_maker_and_acts_for_it_from_then_on() {
        String mine = api.registerMaker(ALLY);

        assertStatus(api.post(ALLY, "/api/commitments", pledge(mine, details())), HttpStatus.CREATED);
        assertProblem(api.post(PARTNER, "/api/commitments", pledge(mine, details())), HttpStatus.FORBIDDEN);
    }

    @Test
    void a_maker_the_secretariat_registered_is_nobody_s_until_given() {
        String id = assertStatus(api.post(SECRETARIAT, "/api/commitment-makers",
                maker("UN Women", "INTERNATIONAL_ORGANISATION", "US")), HttpStatus.CREATED).path("id").asText();

        assertProblem(api.post(ALLY, "/api/commitments", pledge(id, details())), HttpStatus.FORBIDDEN);
    }

    @Test
    void leaders_and_auditors_do_not_register_makers() {
        for (String user : new String[] {LEADER_GAC, AUDITOR}) {
            long head = api.head();
            assertProblem(api.post(user, "/api/commitment-makers", maker("X", "PHILANTHROPY", "US")),
                    HttpStatus.FORBIDDEN);
            assertThat(api.head()).isEqualTo(head);
        }
        assertProblem(api.post(null, "/api/commitment-makers", maker("X", "PHILANTHROPY", "US")),
                HttpStatus.UNAUTHORIZED);
    }

    @Test
    void a_bad_maker_names_every_bad_field() {
        long head = api.head();
        assertBadFields(api.post(ALLY, "/api/commitment-makers", Map.of("name", " ", "country", "Mexico")),
                "name", "stakeholderGroup", "hemisphere", "country");
        assertBadFields(api.post(ALLY, "/api/commitment-makers", Map.of("name", "X",
                "stakeholderGroup", "NGO", "hemisphere", "EAST", "country", "MX")), "stakeholderGroup", "hemisphere");
        assertThat(api.head()).isEqualTo(head);
    }
}
