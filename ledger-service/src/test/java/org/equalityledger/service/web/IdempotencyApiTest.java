package org.equalityledger.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.support.Api.ALLY;
import static org.equalityledger.service.support.Api.PARTNER;
import static org.equalityledger.service.support.Api.assertProblem;
import static org.equalityledger.service.support.Api.assertStatus;
import static org.equalityledger.service.support.Api.details;
import static org.equalityledger.service.support.Api.maker;
import static org.equalityledger.service.support.Api.pledge;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.equalityledger.service.eventstore.LedgerEvents;
import org.equalityledger.service.support.Api;
import org.equalityledger.service.support.LedgerServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;

@LedgerServiceTest
class IdempotencyApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    LedgerEvents ledger;
    @Autowired
    MongoDatabase ledgerDatabase;
    @Autowired
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http, ledger);
    }

    static Map<String, String> key(String key) {
        return Map.of(IdempotencyFilter.HEADER, key);
    }

    @Test
    void a_retried_pledge_gets_the_first_answer_and_adds_no_event() {
        String maker = api.registerMaker(ALLY);
        String key = UUID.randomUUID().toString();

        ResponseEntity<JsonNode> first = api.post(ALLY, "/api/commitments", pledge(maker, details()), key(key));
        long head = api.head();
        ResponseEntity<JsonNode> retry = api.post(ALLY, "/api/commitments", pledge(maker, details()), key(key));

        assertStatus(first, HttpStatus.CREATED);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getFirst(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(first.getHeaders().getFirst(IdempotencyFilter.REPLAYED)).isNull();
        assertThat(api.head()).isEqualTo(head);
        // The first answer's position too: what a read after either answer asks for.
        assertThat(retry.getHeaders().getFirst(CommandDispatcher.POSITION_HEADER))
                .isEqualTo(first.getHeaders().getFirst(CommandDispatcher.POSITION_HEADER)).isEqualTo(String.valueOf(head));
    }

    @Test
    void the_same_body_with_keys_in_another_order_is_the_same_request() {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"Red de Cuidados\",\"stakeholderGroup\":\"CIVIL_SOCIETY\",\"hemisphere\":\"GLOBAL_SOUTH\","
                + "\"country\":\"MX\"}";
        String reordered = "{ \"country\": \"MX\", \"hemisphere\": \"GLOBAL_SOUTH\", \"name\": \"Red de Cuidados\","
                + " \"stakeholderGroup\": \"CIVIL_SOCIETY\" }";

        ResponseEntity<JsonNode> first = api.post(ALLY, "/api/commitment-makers", body, key(key));
        long head = api.head();
        ResponseEntity<JsonNode> retry = api.post(ALLY, "/api/commitment-makers", reordered, key(key));

        assertStatus(first, HttpStatus.CREATED);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(api.head()).isEqualTo(head);
    }

    @Test
    void a_different_body_with_the_same_key_is_422() {
        String key = UUID.randomUUID().toString();
        assertStatus(api.post(ALLY, "/api/commitment-makers", maker("One", "CIVIL_SOCIETY", "MX"), key(key)),
                HttpStatus.CREATED);
        long head = api.head();

        ResponseEntity<JsonNode> other = api.post(ALLY, "/api/commitment-makers", maker("Two", "CIVIL_SOCIETY", "MX"),
                key(key));

        assertProblem(other, HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(other.getBody().path("rule").asText()).isEqualTo("idempotency-key.reused");
        assertThat(api.head()).isEqualTo(head);
    }

    @Test
    void keys_belong_to_a_user_and_a_path() {
        String key = UUID.randomUUID().toString();
        JsonNode mine = assertStatus(api.post(ALLY, "/api/commitment-makers", maker("A", "CIVIL_SOCIETY", "MX"),
                key(key)), HttpStatus.CREATED);
        JsonNode theirs = assertStatus(api.post(PARTNER, "/api/commitment-makers", maker("A", "CIVIL_SOCIETY", "MX"),
                key(key)), HttpStatus.CREATED);
        assertThat(theirs.path("id")).isNotEqualTo(mine.path("id"));

        String active = api.active(ALLY);
        assertStatus(api.post(ALLY, "/api/commitments/" + active + "/extensions",
                Map.of("newEnd", "2024-06-30", "reason", "r"), key(key)), HttpStatus.OK);
    }

    @Test
    void a_refused_request_leaves_no_record_so_a_corrected_retry_runs() {
        String maker = api.registerMaker(ALLY);
        String key = UUID.randomUUID().toString();
        Map<String, Object> tooLong = new LinkedHashMap<>(details());
        tooLong.put("end", "2027-12-31");
        assertProblem(api.post(ALLY, "/api/commitments", pledge(maker, tooLong), key(key)), HttpStatus.CONFLICT);
        assertProblem(api.post(ALLY, "/api/commitments", pledge(maker, tooLong), key(key)), HttpStatus.CONFLICT);

        assertStatus(api.post(ALLY, "/api/commitments", pledge(maker, details()), key(key)), HttpStatus.CREATED);
    }

    @Test
    void a_retry_while_the_first_is_running_is_409() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = maker("Slow", "CIVIL_SOCIETY", "MX");
        claimInProgress(key, body, Instant.now());
        long head = api.head();

        ResponseEntity<JsonNode> retry = api.post(ALLY, "/api/commitment-makers", body, key(key));

        assertProblem(retry, HttpStatus.CONFLICT);
        assertThat(retry.getBody().path("rule").asText()).isEqualTo("idempotency-key.in-progress");
        assertThat(api.head()).isEqualTo(head);
    }

    @Test
    void a_retry_of_a_request_abandoned_by_a_stopped_service_is_told_to_look_in_the_ledger() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = maker("Interrupted", "CIVIL_SOCIETY", "MX");
        claimInProgress(key, body, Instant.now().minus(IdempotencyFilter.ABANDONED_AFTER).minusSeconds(60));
        long head = api.head();

        ResponseEntity<JsonNode> retry = api.post(ALLY, "/api/commitment-makers", body, key(key));

        assertProblem(retry, HttpStatus.CONFLICT);
        assertThat(retry.getBody().path("rule").asText()).isEqualTo("idempotency-key.abandoned");
        assertThat(retry.getBody().path("detail").asText()).contains("never finished").contains("new key");
        assertThat(api.head()).isEqualTo(head);
    }

    /** The record a first request with this key and body leaves while it runs, as if it started at {@code startedAt}. */
    private void claimInProgress(String key, Map<String, Object> body, Instant startedAt) {
        byte[] json = Api.JSON.valueToTree(body).toString().getBytes(StandardCharsets.UTF_8);
        String id = IdempotencyFilter.recordId(ALLY, "POST", "/api/commitment-makers", key);
        ledgerDatabase.getCollection(IdempotencyStore.COLLECTION).insertOne(new Document("_id", id)
                .append("fingerprint", idempotencyFilter.getFilter().fingerprint(null, json))
                .append("user", ALLY).append("state", "in-progress").append("startedAt", startedAt.toString()));
    }

    @Test
    void requests_without_a_key_run_every_time() {
        String maker = api.registerMaker(ALLY);
        String first = api.pledged(ALLY, maker, details());
        String second = api.pledged(ALLY, maker, details());
        assertThat(first).isNotEqualTo(second);
    }
}
