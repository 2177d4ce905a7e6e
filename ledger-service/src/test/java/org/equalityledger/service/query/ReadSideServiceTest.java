package org.equalityledger.service.query;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.equalityledger.projections.commitments.CommitmentProjector;
import org.equalityledger.projections.dashboards.DashboardProjector;
import org.equalityledger.projections.rebuild.Rebuilds;
import org.equalityledger.projections.store.LedgerEvent;
import org.equalityledger.projections.store.LedgerReader;
import org.equalityledger.projections.store.Projector;
import org.equalityledger.projections.store.ReadModelGenerations;
import org.equalityledger.service.query.demo.DemoDataLoader;
import org.equalityledger.service.support.LedgerServiceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;

/**
 * The read side in the running service over demo data loaded through the command side: the
 * endpoints answer, and a full rebuild of each projection gives exactly what live processing built.
 */
@LedgerServiceTest
// The demo data brings the reference set itself, at its historical instants.
// Rebuilds write a batch once it holds 10 commitments, so that one rebuild goes through hundreds of
// batches, each reading back what the ones before wrote, as at 100×.
@TestPropertySource(properties = {"ledger.read-side-test=demo", "ledger.reference-set.load=false",
        "ledger.rebuild-batch-commitments=10"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadSideServiceTest {

    static final double SCALE = 0.03;

    @Autowired
    TestRestTemplate http;
    @Autowired
    DemoDataLoader loader;
    @Autowired
    Rebuilds rebuilds;
    @Autowired
    LedgerReader ledger;
    @Autowired
    ReadModelGenerations readModels;
    @Autowired
    MongoDatabase database;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    CommitmentProjector commitmentProjector;
    @Autowired
    DashboardProjector dashboardProjector;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    DemoDataLoader.Result loaded;

    @BeforeAll
    void load() throws Exception {
        loaded = loader.load(SCALE, 7L);
        caughtUp();
    }

    private void caughtUp() throws InterruptedException {
        long head = ledger.headPosition();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (String name : rebuilds.names()) {
            while (rebuilds.processed(name) < head && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(rebuilds.processed(name)).as(name + " caught up").isEqualTo(head);
        }
    }

    @Test
    @Order(1)
    void demo_data_goes_through_the_command_side_with_few_refusals() {
        assertThat(loaded.commands()).isGreaterThan(500);
        assertThat(loaded.refused()).as("refused: %s", loaded.refusals()).isLessThan(loaded.commands() / 50);
        assertThat(ledger.headPosition()).isGreaterThan(400);
    }

    @Test
    @Order(2)
    void dashboards_lists_cycles_makers_and_the_queue_answer() {
        JsonNode global = http.getForObject("/api/dashboards/global", JsonNode.class);
        assertThat(global.path("figures").path("commitments").asLong()).isEqualTo(Math.round(2_700 * SCALE));
        assertThat(global.path("rates").path("source").asText()).contains("IMF");
        assertThat(global.path("byYear").path("2023").path("reportsExpected").asLong()).isPositive();
        assertThat(http.getForObject("/api/dashboards/initiatives/ac-gbv?year=2022", JsonNode.class).path("name").asText())
                .isNotBlank();
        assertThat(http.getForObject("/api/dashboards/initiatives", JsonNode.class).path("initiatives").size()).isEqualTo(9);
        assertThat(http.getForEntity("/api/dashboards/stakeholder-groups/government", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/api/dashboards/regions/moon", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/dashboards/global?year=1999", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.getForEntity("/api/dashboards/global?asOf=yesterday", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        JsonNode page = http.getForObject("/api/commitments?initiative=ac-gbv&size=5", JsonNode.class);
        assertThat(page.path("items").size()).isLessThanOrEqualTo(5);
        String id = page.path("items").get(0).path("commitmentId").asText();
        ResponseEntity<String> csv = http.getForEntity("/api/commitments/export.csv?initiative=ac-gbv", String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).startsWith("Commitment,Title,Commitment maker").contains("Gender-Based Violence");

        JsonNode view = http.getForObject("/api/commitments/" + id, JsonNode.class);
        // The demo's ids are in the API's forms, so the command side's endpoints take them too.
        ResponseEntity<JsonNode> history = http.withBasicAuth("auditor", "demo").getForEntity("/api/commitments/" + id + "/history", JsonNode.class);
        assertThat(history.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(history.getBody().path("events").size()).isPositive();
        assertThat(view.path("reportingStatus").path("status").asText()).isNotBlank();
        String makerId = view.path("maker").path("makerId").asText();
        assertThat(http.getForObject("/api/commitment-makers/" + makerId, JsonNode.class).path("commitments").size()).isPositive();
        assertThat(http.getForEntity("/api/commitments/nope", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // A misspelt parameter is refused, not ignored (which would answer every commitment, or today's figures).
        ResponseEntity<JsonNode> misspelt = http.getForEntity("/api/commitments?initative=ac-gbv", JsonNode.class);
        assertThat(misspelt.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(misspelt.getBody().path("detail").asText()).contains("'initative'").contains("initiative, action");
        assertThat(http.getForEntity("/api/commitments/export.csv?page=2", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.getForEntity("/api/dashboards/global?asof=2022-01-01T00:00:00Z", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        JsonNode cycle = http.getForObject("/api/reporting-cycles/2023", JsonNode.class);
        assertThat(cycle.path("counts").path("expected").asInt()).isPositive();
        assertThat(http.getForEntity("/api/reporting-cycles/2023/export.csv", String.class).getBody()).contains("Reported");
        assertThat(http.withBasicAuth("secretariat", "demo").getForObject("/api/validation-queue", JsonNode.class).path("items").isArray()).isTrue();
    }

    @Test
    @Order(3)
    void as_of_answers_a_commitment_and_a_dashboard_as_recorded_then() {
        JsonNode page = http.getForObject("/api/commitments?size=1", JsonNode.class);
        String id = page.path("items").get(0).path("commitmentId").asText();
        JsonNode before = http.getForObject("/api/commitments/" + id + "?asOf=2021-03-01T00:00:00Z", JsonNode.class);
        assertThat(before.path("status").asInt()).isEqualTo(404);
        JsonNode asOf = http.getForObject("/api/commitments/" + id + "?asOf=2022-01-01T00:00:00Z", JsonNode.class);
        assertThat(asOf.path("commitmentId").asText()).isEqualTo(id);

        JsonNode early = http.getForObject("/api/dashboards/global?asOf=2021-04-15T00:00:00Z", JsonNode.class);
        JsonNode now = http.getForObject("/api/dashboards/global", JsonNode.class);
        assertThat(early.path("figures").path("commitments").asLong()).isLessThan(now.path("figures").path("commitments").asLong());
        JsonNode future = http.getForObject("/api/dashboards/global?asOf=2100-01-01T00:00:00Z", JsonNode.class);
        assertThat(future.path("figures")).isEqualTo(now.path("figures"));
    }

    @Test
    @Order(4)
    void a_full_rebuild_gives_exactly_the_read_models_live_processing_built() throws Exception {
        Map<String, List<Document>> live = dump();
        for (String name : rebuilds.names()) {
            ResponseEntity<JsonNode> started = http.withBasicAuth("secretariat", "demo").postForEntity("/api/projections/" + name + "/rebuild", null, JsonNode.class);
            assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            Rebuilds.Progress done = rebuilds.await(name, Duration.ofSeconds(60));
            assertThat(done.state()).isEqualTo(Rebuilds.State.DONE);
            JsonNode progress = http.withBasicAuth("secretariat", "demo").getForObject("/api/projections/" + name, JsonNode.class);
            assertThat(progress.path("state").asText()).isEqualTo("DONE");
            assertThat(progress.path("position").asLong()).isEqualTo(progress.path("of").asLong());
        }
        Map<String, List<Document>> rebuilt = dump();
        assertThat(rebuilt.keySet()).isEqualTo(live.keySet());
        live.forEach((collection, docs) -> assertThat(rebuilt.get(collection).equals(docs)).as(collection).isTrue());
        assertThat(meters.find("ledger.projection.rebuild.position").tag("projection", "dashboards").gauge().value())
                .isEqualTo((double) ledger.headPosition());
    }

    @Test
    @Order(5)
    void reads_answer_the_old_figures_throughout_a_rebuild_then_the_rebuilt_ones() throws Exception {
        JsonNode page = http.getForObject("/api/commitments?size=2", JsonNode.class);
        long total = page.path("total").asLong();
        String id = page.path("items").get(0).path("commitmentId").asText();
        String title = http.getForObject("/api/commitments/" + id, JsonNode.class).path("title").asText();
        // A fault of the live read models that a rebuild mends: a list row lost, a title garbled.
        readModels.collection(CommitmentProjector.ROWS).deleteOne(eq("_id", page.path("items").get(1).path("commitmentId").asText()));
        String state = readModels.collection(CommitmentProjector.COMMITMENTS).find(eq("_id", id)).first().getString("state");
        String quoted = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(title);
        assertThat(state).contains("\"title\":" + quoted);
        readModels.collection(CommitmentProjector.COMMITMENTS).updateOne(eq("_id", id), set("state",
                state.replace("\"title\":" + quoted, "\"title\":\"garbled\"")));
        assertThat(http.getForObject("/api/commitments?size=1", JsonNode.class).path("total").asLong()).isEqualTo(total - 1);

        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> totals = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> titles = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean over = new java.util.concurrent.atomic.AtomicBoolean();
        Thread reader = new Thread(() -> {
            while (!over.get()) {
                ResponseEntity<JsonNode> one = http.getForEntity("/api/commitments/" + id, JsonNode.class);
                ResponseEntity<JsonNode> list = http.getForEntity("/api/commitments?size=1", JsonNode.class);
                ResponseEntity<JsonNode> global = http.getForEntity("/api/dashboards/global", JsonNode.class);
                if (one.getStatusCode() != HttpStatus.OK || list.getStatusCode() != HttpStatus.OK
                        || global.getStatusCode() != HttpStatus.OK) {
                    failures.add(one.getStatusCode() + " " + list.getStatusCode() + " " + global.getStatusCode());
                    continue;
                }
                titles.add(one.getBody().path("title").asText());
                totals.add(list.getBody().path("total").asLong());
                if (global.getBody().path("figures").path("commitments").asLong() != Math.round(2_700 * SCALE)) {
                    failures.add("global dashboard: " + global.getBody().path("figures"));
                }
            }
        });
        int generation = readModels.generation(CommitmentProjector.NAME);
        reader.start();
        try {
            for (String name : List.of(CommitmentProjector.NAME, DashboardProjector.NAME)) {
                rebuilds.start(name);
                assertThat(rebuilds.await(name, Duration.ofSeconds(120)).state()).isEqualTo(Rebuilds.State.DONE);
            }
            Thread.sleep(300);
        } finally {
            over.set(true);
            reader.join();
        }

        assertThat(failures).isEmpty();
        assertThat(totals.size()).as("reads during the rebuild").isGreaterThan(3);
        // The old figures, then the rebuilt ones: switched in one step, never back.
        assertThat(totals.get(0)).isEqualTo(total - 1);
        assertThat(totals.get(totals.size() - 1)).isEqualTo(total);
        assertThat(totals.subList(totals.indexOf(total), totals.size())).containsOnly(total);
        assertThat(titles.get(0)).isEqualTo("garbled");
        assertThat(titles.subList(titles.indexOf(title), titles.size())).containsOnly(title);
        assertThat(readModels.generation(CommitmentProjector.NAME)).isEqualTo(generation + 1);
        String replaced = generation == 1 ? CommitmentProjector.COMMITMENTS : CommitmentProjector.COMMITMENTS + "__g" + generation;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (database.listCollectionNames().into(new ArrayList<>()).contains(replaced) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(database.listCollectionNames().into(new ArrayList<>())).as("the replaced generation is dropped")
                .doesNotContain(replaced).contains(CommitmentProjector.COMMITMENTS + "__g" + (generation + 1));
    }

    @Test
    @Order(6)
    void a_rebuild_that_fails_midway_leaves_the_generation_being_read_serving() throws Exception {
        int generation = readModels.generation(CommitmentProjector.NAME);
        Map<String, List<Document>> before = dump();
        long failAt = ledger.headPosition() / 2;
        try (Rebuilds failing = new Rebuilds(List.of(CommitmentProjector.NAME),
                name -> processing.eventProcessor(name, StreamingEventProcessor.class),
                (name, models) -> new FailingAt(failAt, new CommitmentProjector(models)), readModels,
                name -> ReadSideConfiguration.storedToken(processing.tokenStore(name), name), ledger, java.time.Clock.systemUTC(), 10)) {
            failing.start(CommitmentProjector.NAME);
            Rebuilds.Progress failed = failing.await(CommitmentProjector.NAME, Duration.ofSeconds(120));
            assertThat(failed.state()).isEqualTo(Rebuilds.State.FAILED);
            assertThat(failed.position()).isLessThan(failAt);
        }
        assertThat(readModels.generation(CommitmentProjector.NAME)).isEqualTo(generation);
        assertThat(dump()).isEqualTo(before);
        String halfBuilt = CommitmentProjector.COMMITMENTS + "__g" + (generation + 1);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (database.listCollectionNames().into(new ArrayList<>()).contains(halfBuilt) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(database.listCollectionNames().into(new ArrayList<>())).doesNotContain(halfBuilt);
        assertThat(processing.eventProcessor(CommitmentProjector.NAME).orElseThrow().isRunning()).as("live processor restarted").isTrue();
    }

    /** A projector that fails at an event, as a bug or a full disk would, halfway through a rebuild. */
    private record FailingAt(long position, Projector projector) implements Projector {
        public String name() { return projector.name(); }
        public List<String> collections() { return projector.collections(); }
        public void begin(List<LedgerEvent> batch) { projector.begin(batch); }
        public void extend(List<LedgerEvent> more) { projector.extend(more); }
        public int held() { return projector.held(); }
        public void flush() { projector.flush(); }
        public void apply(LedgerEvent event) {
            if (event.position() >= position) {
                throw new IllegalStateException("injected failure at position " + event.position());
            }
            projector.apply(event);
        }
    }

    private Map<String, List<Document>> dump() {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        List<String> collections = new ArrayList<>(commitmentProjector.collections());
        collections.addAll(dashboardProjector.collections());
        for (String c : collections) {
            List<Document> docs = new ArrayList<>();
            readModels.collection(c).find().forEach(docs::add);
            docs.sort(java.util.Comparator.comparing(d -> d.getString("_id")));
            all.put(c, docs);
        }
        assertThat(all.get(CommitmentProjector.COMMITMENTS)).isNotEmpty();
        assertThat(all.get(DashboardProjector.DASHBOARDS)).isNotEmpty();
        return all;
    }

    static Instant at(String s) {
        return Instant.parse(s);
    }
}
