package org.equalityledger.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.support.Api.ALLY;
import static org.equalityledger.service.support.Api.AUDITOR;
import static org.equalityledger.service.support.Api.LEADER_GAC;
import static org.equalityledger.service.support.Api.SECRETARIAT;
import static org.equalityledger.service.support.Api.assertProblem;
import static org.equalityledger.service.support.Api.assertStatus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.equalityledger.service.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Garbage at every command path: whatever comes in, the answer is a 4xx problem document, never a
 * 500, and the ledger does not move.
 */
class MalformedInputTest extends ApiTest {

    /** Every command path, with ids that exist, and a user allowed to use it. */
    Map<String, String> paths() {
        String workingGroup = Api.fresh("wg");
        assertStatus(api.post(SECRETARIAT, "/api/initiatives", Map.of("id", workingGroup, "kind", "WORKING_GROUP",
                "code", "WG", "names", Map.of("en", "a", "es", "b", "fr", "c"))), HttpStatus.CREATED);
        String pledged = api.pledged(ALLY);
        String active = api.active(ALLY);
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("/api/initiatives", SECRETARIAT);
        paths.put("/api/initiatives/" + workingGroup + "/actions", SECRETARIAT);
        paths.put("/api/initiatives/" + workingGroup + "/roles", SECRETARIAT);
        paths.put("/api/initiatives/" + workingGroup + "/roles/presidency/extension", SECRETARIAT);
        paths.put("/api/commitment-makers", SECRETARIAT);
        paths.put("/api/commitments", ALLY);
        paths.put("/api/commitments/" + pledged + "/decisions", LEADER_GAC);
        paths.put("/api/commitments/" + active + "/amendments", ALLY);
        paths.put("/api/commitments/" + active + "/extensions", ALLY);
        paths.put("/api/commitments/" + active + "/withdrawal", ALLY);
        paths.put("/api/commitments/" + pledged + "/completion", ALLY);
        paths.put("/api/commitments/" + active + "/reports", ALLY);
        paths.put("/api/commitments/" + active + "/reports/2022/corrections", ALLY);
        paths.put("/api/reporting-cycles", SECRETARIAT);
        paths.put("/api/reporting-cycles/" + Api.freeYear() + "/closure", SECRETARIAT);
        return paths;
    }

    static List<String> garbage() {
        List<String> bodies = new ArrayList<>(List.of(
                "",
                "null",
                "[]",
                "{",
                "{\"a\":",
                "\"just text\"",
                "12345",
                "true",
                "{\"reason\": \"unterminated}",
                "{} {}",
                "{\"reason\": \"x\", \"reason\": 5}",
                // unknown fields only
                "{\"colour\": \"blue\", \"nested\": {\"deep\": [1, 2, 3]}}",
                // every known field null
                "{\"id\":null,\"kind\":null,\"code\":null,\"names\":null,\"actionCode\":null,\"targets\":null,"
                        + "\"role\":null,\"holder\":null,\"term\":null,\"name\":null,\"stakeholderGroup\":null,"
                        + "\"hemisphere\":null,\"country\":null,\"makerId\":null,\"details\":null,"
                        + "\"initiativeId\":null,\"verdict\":null,\"changes\":null,\"newEnd\":null,\"year\":null,"
                        + "\"report\":null,\"deadline\":null,\"unknown\":null}",
                // wrong types everywhere
                "{\"id\":[],\"kind\":7,\"code\":{},\"names\":\"n\",\"actionCode\":[1],\"targets\":\"t\","
                        + "\"role\":false,\"holder\":[],\"term\":1,\"name\":{},\"stakeholderGroup\":2,"
                        + "\"hemisphere\":[],\"country\":{},\"makerId\":[],\"details\":\"d\",\"initiativeId\":{},"
                        + "\"verdict\":3,\"reason\":[],\"note\":{},\"changes\":[],\"newEnd\":5,\"year\":\"y\","
                        + "\"report\":[],\"deadline\":true}",
                // huge numbers
                "{\"year\":99999999999999999999999,\"periodStartYear\":1e400,\"deadline\":1e999,"
                        + "\"details\":{\"financial\":{\"amount\":1e999999999,\"currency\":\"USD\"}},"
                        + "\"report\":{\"peopleReached\":123456789012345678901234567890,"
                        + "\"moneyDisbursed\":{\"amount\":-1e-999999,\"currency\":\"USD\"}},"
                        + "\"targets\":[{\"description\":\"d\",\"value\":" + "9".repeat(5000) + "}]}",
                "{\"changes\":{\"financial\":{\"amount\":1e999999999,\"currency\":\"USD\"}},\"reason\":\"r\"}",
                "{\"report\":{\"status\":\"ON_TRACK\",\"narrative\":\"n\",\"indicatorValues\":{\"X\":1e99999}},"
                        + "\"year\":2022,\"reason\":\"r\"}",
                // invalid dates and instants
                "{\"newEnd\":\"2021-02-30\",\"deadline\":\"yesterday\",\"term\":{\"start\":\"2021-13-01\"},"
                        + "\"details\":{\"start\":\"30/06/2021\",\"end\":\"2021-06-31\"},\"reason\":\"r\"}",
                "{\"year\":2022,\"deadline\":\"2023-03-31T25:00:00Z\"}",
                // structurally plausible but empty and inconsistent
                "{\"details\":{},\"makerId\":\"\",\"changes\":{},\"report\":{},\"reason\":\"\",\"year\":0}",
                "{\"reason\":\"" + "x".repeat(30_000) + "\"}",
                // nesting deeper than any parser should follow
                "{\"details\":" + "[".repeat(3000) + "]".repeat(3000) + "}"));
        return bodies;
    }

    @Test
    void garbage_at_every_command_path_is_a_4xx_problem_and_changes_nothing() {
        Map<String, String> paths = paths();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> path : paths.entrySet()) {
            for (String body : garbage()) {
                long head = api.head();
                ResponseEntity<String> response = send(path.getValue(), path.getKey(), MediaType.APPLICATION_JSON,
                        body.getBytes(StandardCharsets.UTF_8));
                check(failures, path.getKey(), abbreviate(body), response, head);
            }
            long head = api.head();
            check(failures, path.getKey(), "invalid UTF-8", send(path.getValue(), path.getKey(),
                    MediaType.APPLICATION_JSON, new byte[] {'{', '"', 'r', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"',
                            '}'}), head);
            check(failures, path.getKey(), "text/plain", send(path.getValue(), path.getKey(), MediaType.TEXT_PLAIN,
                    "{}".getBytes(StandardCharsets.UTF_8)), head);
        }
        // The size limit is the same for every path: three suffice.
        for (String path : List.copyOf(paths.keySet()).subList(0, 3)) {
            long head = api.head();
            check(failures, path, "2 MB body", send(paths.get(path), path, MediaType.APPLICATION_JSON,
                    ("{\"reason\":\"" + "x".repeat(2 << 20) + "\"}").getBytes(StandardCharsets.UTF_8)), head);
        }
        assertThat(failures).isEmpty();
    }

    private void check(List<String> failures, String path, String body, ResponseEntity<String> response, long head) {
        int status = response.getStatusCode().value();
        MediaType type = response.getHeaders().getContentType();
        if (status < 400 || status >= 500) {
            failures.add(path + " <- " + body + ": " + status + " " + response.getBody());
        } else if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
            failures.add(path + " <- " + body + ": " + status + " not a problem document: " + type);
        }
        if (api.head() != head) {
            failures.add(path + " <- " + body + ": the ledger moved from " + head + " to " + api.head());
        }
    }

    private ResponseEntity<String> send(String user, String path, MediaType type, byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return api.as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private static String abbreviate(String body) {
        return body.length() > 80 ? body.substring(0, 80) + "…" : body;
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
