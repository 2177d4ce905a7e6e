package org.equalityledger.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.support.Api.ALLY;
import static org.equalityledger.service.support.Api.AUDITOR;
import static org.equalityledger.service.support.Api.LEADER_GAC;
import static org.equalityledger.service.support.Api.SECRETARIAT;
import static org.equalityledger.service.support.Api.assertProblem;
import static org.equalityledger.service.support.Api.assertStatus;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.equalityledger.service.support.Api;
import org.equalityledger.service.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The refusals of issue 11, each as it was found: text no hash can cover, values of the wrong JSON
 * type, what used to answer 500, the container's HTML pages, Java names in answers, stack traces for
 * routine refusals. {@link HostileInputTest} throws generated garbage at every operation.
 */
class MalformedInputTest extends ApiTest {

    @Test
    void text_that_is_not_valid_unicode_or_holds_control_characters_is_refused_naming_the_field() {
        long head = api.head();
        // The reproduction: one lone surrogate used to be stored with a hash nobody could match.
        for (String name : List.of("\\ud800", "\\udfff x", "a\\u0000b", "a\\u001bb", "one\\ttwo", "one\\ntwo")) {
            Api.assertBadFields(api.post(ALLY, "/api/commitment-makers", "{\"name\":\"" + name + "\","
                    + "\"stakeholderGroup\":\"CIVIL_SOCIETY\",\"hemisphere\":\"GLOBAL_SOUTH\",\"country\":\"MX\"}"), "name");
        }
        String active = api.active(ALLY);
        long before = api.head();
        Api.assertBadFields(api.post(ALLY, "/api/commitments/" + active + "/withdrawal",
                "{\"reason\":\"x\\ud800\"}"), "reason");
        assertThat(api.head()).isEqualTo(before);
        // Line breaks and tabs are fine in a reason.
        assertStatus(api.post(ALLY, "/api/commitments/" + active + "/withdrawal",
                Map.of("reason", "Funding ended.\n\tSee the board's minutes.")), HttpStatus.OK);
        assertThat(head).isLessThan(api.head());
    }

    @Test
    void values_of_the_wrong_json_type_are_refused_not_coerced() {
        long head = api.head();
        for (String name : List.of("false", "-1", "1e308", "1e2147483648", "[\"x\"]")) {
            Api.assertBadFields(api.post(ALLY, "/api/commitment-makers", "{\"name\":" + name
                    + ",\"stakeholderGroup\":\"CIVIL_SOCIETY\",\"hemisphere\":\"GLOBAL_SOUTH\",\"country\":\"MX\"}"), "name");
        }
        Api.assertBadFields(api.post(ALLY, "/api/commitments/" + api.pledged(ALLY) + "/withdrawal",
                "{\"reason\":1e308}"), "reason");
        long pledged = api.head();
        Api.assertBadFields(api.post(SECRETARIAT, "/api/initiatives", "{\"id\":\"" + Api.fresh("wg") + "\","
                + "\"kind\":\"WORKING_GROUP\",\"code\":\"WG\",\"names\":{\"en\":true,\"es\":\"b\",\"fr\":\"c\"}}"), "names.en");
        Api.assertBadFields(api.post(SECRETARIAT, "/api/initiatives/gac/roles", Map.of("role", "LEADER",
                "holder", Map.of("organisationName", " "), "term", Map.of("start", "2022-01-01"))), "holder.organisationName");
        Api.assertBadFields(api.post(SECRETARIAT, "/api/reporting-cycles", "{\"year\":\"2030\","
                + "\"deadline\":\"2031-01-01T00:00:00Z\"}"), "year");
        Api.assertBadFields(api.post(SECRETARIAT, "/api/reporting-cycles", "{\"year\":2030,\"deadline\":1e308}"),
                "deadline");
        Api.assertBadFields(api.post(ALLY, "/api/commitments/" + api.pledged(ALLY) + "/extensions",
                "{\"newEnd\":[2030,1,1],\"reason\":\"r\"}"), "newEnd");
        assertThat(head).isLessThan(pledged);
    }

    @Test
    void what_used_to_answer_500_answers_4xx() {
        assertProblem(api.get(ALLY, "/api/projections"), HttpStatus.FORBIDDEN);
        assertProblem(api.get(LEADER_GAC, "/api/projections/commitments"), HttpStatus.FORBIDDEN);
        assertProblem(api.post(AUDITOR, "/api/projections/commitments/rebuild", null), HttpStatus.FORBIDDEN);
        Api.assertBadFields(api.post(ALLY, "/api/commitment-makers", "{\"name\":1e2147483648}",
                Map.of(IdempotencyFilter.HEADER, java.util.UUID.randomUUID().toString())), "name");
        long head = api.head();
        for (String path : List.of("/api/initiatives/gac/roles/presidency/extension",
                "/api/commitments/" + api.active(ALLY) + "/completion")) {
            head = api.head();
            assertProblem(api.exchange(SECRETARIAT, HttpMethod.POST, path, null, Map.of("Content-Type", "*/*")),
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE);
            assertThat(api.head()).isEqualTo(head);
        }
        JsonNode far = assertStatus(api.get(ALLY, "/api/commitments?page=2147483647"), HttpStatus.OK);
        assertThat(far.path("items")).isEmpty();
        assertProblem(api.get(ALLY, "/api/commitments?%00=x"), HttpStatus.BAD_REQUEST);
    }

    @Test
    void the_containers_own_errors_are_problem_documents_with_the_security_headers(
            @org.springframework.beans.factory.annotation.Autowired org.springframework.core.env.Environment env) {
        RawHttp raw = new RawHttp(Integer.parseInt(env.getProperty("local.server.port")), 30_000);
        RawHttp.Answer ordinary = raw.send("GET", "/api/no-such-thing", Map.of("Authorization",
                RawHttp.basic(AUDITOR, Api.PASSWORD)), null);
        assertThat(ordinary.status()).isEqualTo(404);
        for (String request : List.of(
                "CONNECT localhost:443 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /api/commitments/%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /api/commitments/a%2Fb HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /api/commitments/\u0001 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /api/commitments HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000)
                        + "\r\nConnection: close\r\n\r\n",
                "PROPFIND /api/commitments HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")) {
            RawHttp.Answer answer = raw.sendRaw(request.getBytes(StandardCharsets.ISO_8859_1), false);
            assertThat(answer.status()).as(request.substring(0, 30)).isBetween(400, 499);
            assertThat(answer.header("Content-Type")).as(request.substring(0, 30)).startsWith("application/problem+json");
            assertThat(answer.text()).doesNotContain("<html", "Exception", "java.");
            // Every header the API puts on its own answers, but those that describe the message itself.
            for (String header : ordinary.headers().keySet()) {
                if (!List.of("date", "content-type", "content-length", "transfer-encoding", "connection", "keep-alive",
                        "vary").contains(header)) {
                    assertThat(answer.headers()).as("%s on %s", header, request.substring(0, 30)).containsKey(header);
                }
            }
        }
    }

    @Test
    void body_errors_say_what_is_wrong_without_java_names() {
        for (String body : List.of("{\"name\":NaN}", "{\"name\" \"x\"}", "{\"name\":\"x\",\"name\":\"y\"}", "\u0001",
                "{\"details\":{\"financial\":{\"amount\":\"abc\"}}}")) {
            ResponseEntity<JsonNode> answer = api.post(ALLY, "/api/commitment-makers", body);
            assertProblem(answer, HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().toString()).as(body)
                    .doesNotContainPattern("(java|com\\.fasterxml|org\\.[a-z]+)\\.[a-z]+\\.|Exception|JsonReadFeature|`");
        }
    }

    @Test
    void a_routine_refusal_logs_one_line_and_no_stack_trace() {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try {
            assertProblem(api.post(ALLY, "/api/commitments/no-such-commitment/withdrawal", Map.of("reason", "r")),
                    HttpStatus.NOT_FOUND);
            assertProblem(api.exchange(ALLY, HttpMethod.DELETE, "/api/commitments", null, Map.of()),
                    HttpStatus.METHOD_NOT_ALLOWED);
            assertProblem(api.post(SECRETARIAT, "/api/reporting-cycles/2077/closure", null), HttpStatus.CONFLICT);
        } finally {
            root.detachAppender(logged);
        }
        assertThat(logged.list).as("log lines").noneMatch(e -> e.getLevel().isGreaterOrEqual(
                ch.qos.logback.classic.Level.WARN) || e.getThrowableProxy() != null);
    }

    @Test
    void unknown_paths_methods_and_media_types_are_problems_too() {
        assertProblem(api.get(ALLY, "/api/no-such-thing"), HttpStatus.NOT_FOUND);
        assertProblem(api.post(ALLY, "/api/no-such-thing", Map.of()), HttpStatus.NOT_FOUND);
        assertProblem(api.exchange(ALLY, HttpMethod.DELETE, "/api/commitments", null, Map.of()), HttpStatus.METHOD_NOT_ALLOWED);
        // paths the firewall refuses, or the client normalises into unknown ones: a 4xx problem either way
        for (ResponseEntity<com.fasterxml.jackson.databind.JsonNode> odd : List.of(
                api.get(AUDITOR, "/api/commitments//history"),
                api.post(ALLY, "/api/commitments/%2e%2e/withdrawal", Map.of("reason", "r")),
                api.post(ALLY, "/api/commitments/a%2Fb/withdrawal", Map.of("reason", "r")))) {
            assertThat(odd.getStatusCode().is4xxClientError()).as("%s", odd).isTrue();
            assertThat(odd.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .as("%s", odd).isTrue();
        }
        assertProblem(api.exchange(SECRETARIAT, HttpMethod.DELETE, "/api/initiatives", null, Map.of()),
                HttpStatus.METHOD_NOT_ALLOWED);
        assertProblem(api.exchange(SECRETARIAT, HttpMethod.PUT, "/api/reporting-cycles", "{}", Map.of()),
                HttpStatus.METHOD_NOT_ALLOWED);
        ResponseEntity<String> noType = http.withBasicAuth(SECRETARIAT, Api.PASSWORD).exchange("/api/initiatives",
                HttpMethod.POST, new HttpEntity<>("{}".getBytes(StandardCharsets.UTF_8), new HttpHeaders()),
                String.class);
        assertThat(noType.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(noType.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }

    @Test
    void a_bad_idempotency_key_is_a_400_naming_the_header() {
        Api.assertBadFields(api.post(ALLY, "/api/commitment-makers", Api.maker("X", "CIVIL_SOCIETY", "MX"),
                Map.of(IdempotencyFilter.HEADER, "x".repeat(300))), IdempotencyFilter.HEADER);
    }
}
