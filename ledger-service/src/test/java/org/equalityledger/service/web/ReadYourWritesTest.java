package org.equalityledger.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.support.Api.ALLY;
import static org.equalityledger.service.support.Api.SECRETARIAT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.equalityledger.core.LedgerEntry;
import org.equalityledger.service.eventstore.LedgerEvents;
import org.equalityledger.service.support.Api;
import org.equalityledger.service.support.LedgerServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Read your writes, through HTTP: a command's answer says the ledger position of its own last event;
 * a read may ask for at least that position and waits for it (bounded, then 503 with Retry-After);
 * the Location of what a client created is readable at once.
 */
@LedgerServiceTest
class ReadYourWritesTest {

    private static final String MIN_POSITION = "Ledger-Min-Position";

    @Autowired
    TestRestTemplate http;
    @Autowired
    LedgerEvents ledger;
    @Autowired
    EventProcessingConfiguration processing;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http, ledger);
    }

    @Test
    void each_command_answer_carries_the_position_of_its_own_last_event_however_many_run_at_once() throws Exception {
        Set<Long> positions = ConcurrentHashMap.newKeySet();
        inParallel(8, () -> {
            for (int i = 0; i < 10; i++) {
                ResponseEntity<JsonNode> registered = api.post(ALLY, "/api/commitment-makers", Api.maker(Api.fresh("Red"), "CIVIL_SOCIETY", "MX"));
                String maker = Api.assertStatus(registered, HttpStatus.CREATED).path("id").asText();
                assertOwnPosition(registered, maker, positions);
                ResponseEntity<JsonNode> pledged = api.post(ALLY, "/api/commitments", Api.pledge(maker, Api.details()));
                String commitment = Api.assertStatus(pledged, HttpStatus.CREATED).path("id").asText();
                assertOwnPosition(pledged, commitment, positions);
            }
        });
        assertThat(positions).hasSize(160);
    }

    /** Runs {@code client} on {@code threads} threads at once; fails if any of them failed. */
    private static void inParallel(int threads, Runnable client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                runs.add(pool.submit(client));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertOwnPosition(ResponseEntity<JsonNode> answer, String id, Set<Long> positions) {
        List<LedgerEntry> entries = ledger.entriesOf(id);
        long last = entries.get(entries.size() - 1).position();
        assertThat(answer.getHeaders().getFirst(CommandDispatcher.POSITION_HEADER)).isEqualTo(String.valueOf(last));
        assertThat(answer.getBody().path("position").asLong()).isEqualTo(last);
        assertThat(positions.add(last)).as("a position answered twice").isTrue();
    }

    @Test
    void a_thousand_pledges_each_followed_at_once_by_a_get_of_its_location_never_answer_404() throws Exception {
        int threads = 8;
        int each = 125;
        AtomicInteger notFound = new AtomicInteger();
        AtomicInteger read = new AtomicInteger();
        long t0 = System.nanoTime();
        inParallel(threads, () -> {
            ResponseEntity<JsonNode> registered = api.post(ALLY, "/api/commitment-makers",
                    Api.maker(Api.fresh("Colectiva"), "CIVIL_SOCIETY", "MX"));
            String maker = Api.assertStatus(registered, HttpStatus.CREATED).path("id").asText();
            followLocation(registered, notFound, read);
            for (int i = 0; i < each; i++) {
                ResponseEntity<JsonNode> pledged = api.post(ALLY, "/api/commitments", Api.pledge(maker, Api.details()));
                Api.assertStatus(pledged, HttpStatus.CREATED);
                followLocation(pledged, notFound, read);
            }
        });
        System.out.printf("read-your-writes: %d creations each followed by a GET of its Location in %d ms%n", read.get(),
                (System.nanoTime() - t0) / 1_000_000);
        assertThat(read.get()).isEqualTo(threads * (each + 1));
        assertThat(notFound.get()).isZero();
    }

    private void followLocation(ResponseEntity<JsonNode> created, AtomicInteger notFound, AtomicInteger read) {
        String location = created.getHeaders().getLocation().getPath();
        ResponseEntity<JsonNode> view = api.get(ALLY, location);
        if (view.getStatusCode() == HttpStatus.NOT_FOUND) {
            notFound.incrementAndGet();
        } else {
            assertThat(view.getStatusCode()).as(location).isEqualTo(HttpStatus.OK);
            assertThat(view.getBody().path("commitmentId").asText(view.getBody().path("makerId").asText())).isNotEmpty();
        }
        read.incrementAndGet();
    }

    @Test
    void a_read_asking_for_a_position_waits_for_it_and_says_so_when_the_read_side_is_behind() {
        Map<String, Object> details = new java.util.LinkedHashMap<>(Api.details());
        String title = Api.fresh("Care counts");
        details.put("title", title);
        ResponseEntity<JsonNode> pledged = api.post(ALLY, "/api/commitments", Api.pledge(api.registerMaker(ALLY), details));
        String commitment = Api.assertStatus(pledged, HttpStatus.CREATED).path("id").asText();
        long position = pledged.getBody().path("position").asLong();
        JsonNode page = Api.assertStatus(api.get(ALLY, "/api/commitments?text=" + title + "&minPosition=" + position), HttpStatus.OK);
        List<String> listed = new ArrayList<>();
        page.path("items").forEach(i -> listed.add(i.path("commitmentId").asText()));
        assertThat(listed).contains(commitment);
        Api.assertStatus(api.exchange(null, HttpMethod.GET, "/api/dashboards/global", null,
                Map.of(MIN_POSITION, String.valueOf(position))), HttpStatus.OK);

        EventProcessor commitments = processing.eventProcessor("commitments").orElseThrow();
        commitments.shutDown();
        try {
            ResponseEntity<JsonNode> withdrawn = api.post(ALLY, "/api/commitments/" + commitment + "/withdrawal",
                    Map.of("reason", "The campaign ended"));
            Api.assertStatus(withdrawn, HttpStatus.OK);
            long after = Long.parseLong(withdrawn.getHeaders().getFirst(CommandDispatcher.POSITION_HEADER));

            long t0 = System.nanoTime();
            ResponseEntity<JsonNode> behind = api.get(ALLY, "/api/commitments/" + commitment + "?minPosition=" + after);
            long waited = (System.nanoTime() - t0) / 1_000_000;
            Api.assertProblem(behind, HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(behind.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
            assertThat(behind.getBody().path("behind").asLong()).isPositive();
            assertThat(waited).as("waited ms, ledger.read-side.min-position-wait being 5 s").isBetween(4_900L, 30_000L);
            // Without asking for it, the read answers what the read model holds: still pledged.
            assertThat(Api.assertStatus(api.get(ALLY, "/api/commitments/" + commitment), HttpStatus.OK).path("status").asText())
                    .isEqualTo("PLEDGED");

            JsonNode health = Api.assertStatus(api.get(SECRETARIAT, "/actuator/health"), HttpStatus.OK);
            JsonNode lag = health.path("components").path("readSide").path("details").path("commitments");
            assertThat(lag.path("behindEvents").asLong()).as(health.toString()).isPositive();
            assertThat(lag.has("behindSeconds")).isTrue();
            assertThat(Api.assertStatus(api.get(null, "/actuator/health/readiness"), HttpStatus.OK).path("status").asText())
                    .as("ready while catching up").isEqualTo("UP");
        } finally {
            commitments.start();
        }
        ResponseEntity<JsonNode> caughtUp = api.get(ALLY, "/api/commitments/" + commitment + "?minPosition="
                + ledger.headPosition());
        assertThat(Api.assertStatus(caughtUp, HttpStatus.OK).path("status").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void a_malformed_negative_or_unreachable_position_is_refused_naming_it() {
        for (String bad : new String[] {"abc", "-1", "1.5", "99999999999999999999", ""}) {
            Api.assertBadFields(api.get(ALLY, "/api/commitments?minPosition=" + bad), "minPosition");
            Api.assertBadFields(api.exchange(SECRETARIAT, HttpMethod.GET, "/api/validation-queue", null,
                    Map.of(MIN_POSITION, bad.isEmpty() ? " " : bad)), MIN_POSITION);
        }
        long beyond = ledger.headPosition() + 1_000;
        long t0 = System.nanoTime();
        Api.assertBadFields(api.get(ALLY, "/api/dashboards/global?minPosition=" + beyond), "minPosition");
        assertThat((System.nanoTime() - t0) / 1_000_000).as("refused without waiting").isLessThan(4_000);
        // Only the read side's reads take it.
        Api.assertProblem(api.get(SECRETARIAT, "/api/projections?minPosition=0"), HttpStatus.BAD_REQUEST);
    }

    @Test
    void the_service_is_live_and_ready_and_the_secretariat_sees_how_far_behind_each_processor_is() {
        assertThat(Api.assertStatus(api.get(null, "/actuator/health/liveness"), HttpStatus.OK).path("status").asText()).isEqualTo("UP");
        assertThat(Api.assertStatus(api.get(null, "/actuator/health/readiness"), HttpStatus.OK).path("status").asText()).isEqualTo("UP");
        JsonNode health = Api.assertStatus(api.get(SECRETARIAT, "/actuator/health"), HttpStatus.OK);
        JsonNode readSide = health.path("components").path("readSide");
        assertThat(readSide.path("status").asText()).isEqualTo("UP");
        for (String processor : List.of("commitments", "dashboards")) {
            assertThat(readSide.path("details").path(processor).has("behindEvents")).as(processor).isTrue();
            assertThat(readSide.path("details").path(processor).path("behindEvents").asLong()).isGreaterThanOrEqualTo(0);
        }
        assertThat(api.get(ALLY, "/actuator/health").getBody().toString()).doesNotContain("readSide", "behindEvents");
    }
}
