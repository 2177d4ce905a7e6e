package org.equalityledger.service.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.equalityledger.service.eventstore.LedgerEvents;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls the API over HTTP as a demo account (password {@code demo}), and the story props every API
 * test needs: fresh makers, pledges, accepted commitments. Every id is fresh, so tests do not depend on
 * one another although they share one application context.
 */
public final class Api {

    public static final String SECRETARIAT = "secretariat";
    public static final String LEADER_GAC = "leader-gac";
    public static final String LEADER_EJR = "leader-ac-ejr";
    public static final String LEADER_GBV = "leader-ac-gbv";
    public static final String ALLY = "ally-demo";
    public static final String PARTNER = "ally-partner";
    public static final String AUDITOR = "auditor";
    public static final String PASSWORD = "demo";

    /** Reporting-cycle years no other test uses: counted down from 2099. */
    private static final AtomicInteger FREE_YEARS = new AtomicInteger(2099);

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final TestRestTemplate http;
    private final LedgerEvents ledger;

    public Api(TestRestTemplate http, LedgerEvents ledger) {
        this.http = http;
        this.ledger = ledger;
    }

    private final Map<String, TestRestTemplate> clients = new java.util.concurrent.ConcurrentHashMap<>();

    /** A client logged in as {@code user} (none when null), reused so that connections are kept alive. */
    public TestRestTemplate as(String user) {
        return user == null ? http : clients.computeIfAbsent(user, u -> http.withBasicAuth(u, PASSWORD));
    }

    public static int freeYear() {
        return FREE_YEARS.getAndDecrement();
    }

    public static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The position of the last stored event, -1 when none. */
    public long head() {
        return ledger.headPosition();
    }

    public ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return exchange(user, HttpMethod.POST, path, body, Map.of());
    }

    public ResponseEntity<JsonNode> post(String user, String path, Object body, Map<String, String> headers) {
        return exchange(user, HttpMethod.POST, path, body, headers);
    }

    /** {@code user}'s GET of {@code path} once the read side shows what {@code done} asks (it applies events shortly after they are recorded). */
    public JsonNode eventually(String user, String path, java.util.function.Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (true) {
            ResponseEntity<JsonNode> response = get(user, path);
            if (response.getStatusCode() == HttpStatus.OK && done.test(response.getBody())) {
                return response.getBody();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " never answered as expected: " + response.getStatusCode() + " " + response.getBody());
            }
            Thread.sleep(50);
        }
    }

    public ResponseEntity<JsonNode> get(String user, String path) {
        return exchange(user, HttpMethod.GET, path, null, Map.of());
    }

    /** A raw body (a string is sent as is, anything else as JSON), with an optional login (null: none). */
    public ResponseEntity<JsonNode> exchange(String user, HttpMethod method, String path, Object body,
                                             Map<String, String> headers) {
        HttpHeaders h = new HttpHeaders();
        h.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        if (body != null) {
            h.setContentType(MediaType.APPLICATION_JSON);
        }
        headers.forEach(h::set);
        Object payload;
        try {
            payload = body == null || body instanceof String ? body : JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
        TestRestTemplate client = as(user);
        ResponseEntity<String> response = client.exchange(path, method, new HttpEntity<>(payload, h), String.class);
        JsonNode json;
        try {
            json = response.getBody() == null || response.getBody().isBlank() ? null : JSON.readTree(response.getBody());
        } catch (Exception e) {
            json = JSON.getNodeFactory().textNode(response.getBody());
        }
        return new ResponseEntity<>(json, response.getHeaders(), response.getStatusCode());
    }

    // ---- assertions ---------------------------------------------------------------------------

    public static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode()).as("status of %s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("problem+json: %s", response.getHeaders().getContentType()).isTrue();
        assertThat(response.getBody().path("status").asInt()).isEqualTo(status.value());
    }

    /** A 400 naming (at least) these fields. */
    public static void assertBadFields(ResponseEntity<JsonNode> response, String... fields) {
        assertProblem(response, HttpStatus.BAD_REQUEST);
        java.util.List<String> named = new java.util.ArrayList<>();
        response.getBody().path("errors").forEach(e -> named.add(e.path("field").asText()));
        assertThat(named).as("errors of %s", response.getBody()).contains(fields);
    }

    public static void assertRule(ResponseEntity<JsonNode> response, String rule) {
        assertProblem(response, HttpStatus.CONFLICT);
        assertThat(response.getBody().path("rule").asText()).isEqualTo(rule);
    }

    public static JsonNode assertStatus(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode()).as("status of %s", response.getBody()).isEqualTo(status);
        return response.getBody();
    }

    // ---- story props --------------------------------------------------------------------------

    public static Map<String, Object> maker(String name, String group, String country) {
        return Map.of("name", name, "stakeholderGroup", group,
                "hemisphere", java.util.Set.of("MX", "CR", "BR", "KE", "IN").contains(country) ? "GLOBAL_SOUTH" : "GLOBAL_NORTH",
                "country", country);
    }

    /** A maker registered by {@code ally} for itself; returns its id. */
    public String registerMaker(String ally, String name, String group, String country) {
        ResponseEntity<JsonNode> response = post(ally, "/api/commitment-makers", maker(name, group, country));
        return assertStatus(response, HttpStatus.CREATED).path("id").asText();
    }

    public String registerMaker(String ally) {
        return registerMaker(ally, fresh("Fundación"), "CIVIL_SOCIETY", "MX");
    }

    /** Details of an advocacy commitment to GAC-1 of the Global Alliance for Care, 2022–2023. */
    public static Map<String, Object> details() {
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("types", java.util.List.of("ADVOCACY"));
        details.put("targets", java.util.List.of(Map.of("initiativeId", "gac", "actionCode", "GAC-1")));
        details.put("title", "Care is work");
        details.put("description", "A campaign for the recognition of unpaid care work.");
        details.put("indicators", java.util.List.of(Map.of("code", "CARE-JOBS", "unit", "jobs", "baseline", 0,
                "target", 1000)));
        details.put("countries", java.util.List.of("MX"));
        details.put("start", "2022-01-01");
        details.put("end", "2023-12-31");
        details.put("origin", Map.of("kind", "FORUM", "forumName", "Generation Equality Forum, Paris"));
        return details;
    }

    public static Map<String, Object> pledge(String makerId, Map<String, Object> details) {
        return Map.of("makerId", makerId, "details", details);
    }

    /** A fresh commitment of a fresh maker of {@code ally}, pledged to GAC-1; returns its id. */
    public String pledged(String ally) {
        String maker = registerMaker(ally);
        return pledged(ally, maker, details());
    }

    public String pledged(String ally, String maker, Map<String, Object> details) {
        ResponseEntity<JsonNode> response = post(ally, "/api/commitments", pledge(maker, details));
        return assertStatus(response, HttpStatus.CREATED).path("id").asText();
    }

    /** A fresh commitment of {@code ally}, accepted by the leadership of the Global Alliance for Care. */
    public String active(String ally) {
        String id = pledged(ally);
        assertStatus(post(LEADER_GAC, "/api/commitments/" + id + "/decisions",
                Map.of("initiativeId", "gac", "verdict", "ACCEPT")), HttpStatus.OK);
        return id;
    }

    public static Map<String, Object> report(String status, String narrative) {
        Map<String, Object> report = new java.util.LinkedHashMap<>();
        report.put("status", status);
        report.put("moneyDisbursed", Map.of("amount", 0, "currency", "USD"));
        report.put("indicatorValues", Map.of("CARE-JOBS", 120));
        report.put("peopleReached", 5000);
        report.put("countries", java.util.List.of("MX"));
        report.put("narrative", narrative);
        report.put("evidenceLinks", java.util.List.of("https://example.org/report"));
        return report;
    }
}
