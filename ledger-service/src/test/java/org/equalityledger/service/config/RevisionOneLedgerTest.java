package org.equalityledger.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.support.Api.AUDITOR;
import static org.equalityledger.service.support.Api.SECRETARIAT;
import static org.equalityledger.service.support.Api.assertRule;
import static org.equalityledger.service.support.Api.assertStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.bson.Document;
import org.equalityledger.core.LedgerEntry;
import org.equalityledger.core.checkpoint.LedgerKeys;
import org.equalityledger.core.verify.ExportVerifier;
import org.equalityledger.core.verify.VerificationResult;
import org.equalityledger.embedded.EmbeddedMongoServer;
import org.equalityledger.projections.initiatives.InitiativesProjector;
import org.equalityledger.projections.rebuild.Rebuilds;
import org.equalityledger.service.eventstore.LedgerEvents;
import org.equalityledger.service.support.Api;
import org.equalityledger.service.support.LedgerServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The service started on a ledger written before names came in five languages (the reference set as
 * the service at 250aeea stored it, test resource {@code ledger-rev1/}): it replays. The aggregates
 * load, the read models build from revision-1 events and rebuild from both revisions, the API answers
 * the names recorded then, new events are stored as revision 2, and the audit verifies both.
 */
@LedgerServiceTest
class RevisionOneLedgerTest {

    static final List<Document> STORED = NamesInFiveLanguagesUpcasterTest.revisionOneCommits();

    /** Puts the revision-1 ledger in the store before the service starts, as a restart after an upgrade finds it. */
    @DynamicPropertySource
    static void aLedgerWrittenBeforeRevision2(DynamicPropertyRegistry registry) throws IOException {
        String uri = System.getenv("LEDGER_TEST_MONGODB_URI");
        if (uri != null && !uri.isBlank()) {
            String database = "names_revision_1_" + System.nanoTime();
            try (MongoClient client = MongoClients.create(uri)) {
                client.getDatabase(database).getCollection("ledger_events").insertMany(STORED);
            }
            registry.add("ledger.database", () -> database);
            return;
        }
        Path dataDir = Files.createTempDirectory("ledger-revision-1");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, EmbeddedMongoServer.Options.defaults());
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("equality-ledger").getCollection("ledger_events").insertMany(STORED);
        }
        registry.add("ledger.data-dir", dataDir::toString);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    LedgerEvents ledger;
    @Autowired
    Rebuilds rebuilds;
    @Autowired
    org.axonframework.config.Configuration axon;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http, ledger);
    }

    static Map<Long, Document> storedByPosition() {
        return STORED.stream().flatMap(c -> c.getList("events", Document.class).stream())
                .collect(Collectors.toMap(e -> e.getLong("position"), e -> e));
    }

    static JsonNode storedNames(String initiativeId, String payloadType) throws IOException {
        for (Document e : storedByPosition().values()) {
            if (e.getString("aggregateId").equals(initiativeId) && e.getString("payloadType").endsWith(payloadType)) {
                return Api.JSON.readTree(e.getString("payload")).get("names");
            }
        }
        throw new AssertionError("no stored " + payloadType + " of " + initiativeId);
    }

    @Test
    void axon_reads_the_ledger_through_the_upcaster_bean() {
        Document launch = storedByPosition().get(0L);
        var upcast = axon.upcasterChain().upcast(Stream.of(NamesInFiveLanguagesUpcasterTest.representation(launch,
                launch.getString("payloadRevision")))).toList();
        assertThat(upcast).singleElement().satisfies(e -> assertThat(e.getType().getRevision()).isEqualTo("2"));
    }

    @Test
    void the_stored_events_stay_as_they_were_and_the_reference_set_is_not_loaded_over_them() {
        Map<Long, Document> stored = storedByPosition();
        for (String id : List.of("mx-mcig", "ac-gbv", "gac")) {
            List<LedgerEntry> entries = ledger.entriesOf(id);
            assertThat(entries.get(0).payloadType()).endsWith("InitiativeLaunched");
            assertThat(entries.get(0).payloadRevision()).isEqualTo("1");
            for (LedgerEntry entry : entries.stream().filter(e -> e.position() < stored.size()).toList()) {
                Document original = stored.get(entry.position());
                assertThat(entry.payload()).isEqualTo(original.getString("payload"));
                assertThat(entry.payloadRevision()).isEqualTo(original.getString("payloadRevision"));
                assertThat(entry.hash()).as("the hash recomputed from what is stored").isEqualTo(original.getString("hash"));
            }
            assertThat(entries).filteredOn(e -> e.payloadType().endsWith("InitiativeLaunched")).hasSize(1);
        }
        assertThat(api.head()).as("the rates were loaded after the stored reference set").isGreaterThan(stored.size());
    }

    @Test
    void the_initiatives_answer_the_names_recorded_then_now_and_as_of_an_instant() throws Exception {
        JsonNode now = api.eventually(null, "/api/initiatives/ac-gbv",
                a -> a.path("initiative").path("actions").size() == 4).path("initiative");
        JsonNode past = assertStatus(api.get(null, "/api/initiatives/ac-gbv?asOf=2022-01-01T00:00:00Z"), HttpStatus.OK)
                .path("initiative");

        for (JsonNode view : List.of(now, past)) {
            assertThat(view.path("names")).isEqualTo(storedNames("ac-gbv", "InitiativeLaunched"));
            assertThat(view.path("names").has("ru")).isFalse();
            assertThat(view.path("names").has("ar")).isFalse();
            assertThat(view.path("actions").get(0).path("names")).isEqualTo(storedNames("ac-gbv", "ActionDefined"));
        }
        JsonNode list = api.eventually(null, "/api/initiatives", l -> l.path("initiatives").size() >= 9);
        assertThat(list.path("initiatives").findValues("names")).hasSizeGreaterThanOrEqualTo(9)
                .allMatch(n -> n.path("en").isTextual() && n.path("es").isTextual() && n.path("fr").isTextual());
    }

    @Test
    void the_aggregates_load_from_revision_1_events_and_new_events_are_revision_2_and_rebuild_beside_them()
            throws Exception {
        assertRule(api.post(SECRETARIAT, "/api/initiatives/ac-gbv/actions", Map.of("actionCode", "GBV-5",
                "names", Map.of("en", "Fifth", "es", "Quinta", "fr", "Cinquième"),
                "targets", List.of(Map.of("description", "more")))), "initiative.actions.at-most-four");
        assertRule(api.post(SECRETARIAT, "/api/initiatives", Map.of("id", "gac", "kind", "ALLIANCE", "code", "GAC",
                "names", Map.of("en", "Care", "es", "Cuidados", "fr", "Soins"))), "initiative.already-launched");

        String code = Api.fresh("GAC").toUpperCase();
        assertStatus(api.post(SECRETARIAT, "/api/initiatives/gac/actions", Map.of("actionCode", code,
                "names", Map.of("en", "Care data", "es", "Datos de cuidados", "fr", "Données sur les soins",
                        "ru", "Данные об уходе", "ar", "بيانات الرعاية"),
                "targets", List.of(Map.of("description", "a care data portal")))), HttpStatus.OK);
        LedgerEntry defined = ledger.entriesOf("gac").stream().max(java.util.Comparator.comparingLong(LedgerEntry::sequence))
                .orElseThrow();
        assertThat(defined.payloadRevision()).isEqualTo("2");
        assertThat(defined.payload()).contains("\"ru\":\"Данные об уходе\",\"ar\":\"بيانات الرعاية\"");

        assertThat(rebuilds.start(InitiativesProjector.NAME)).isNotNull();
        assertThat(rebuilds.await(InitiativesProjector.NAME, Duration.ofSeconds(30)).state())
                .isEqualTo(Rebuilds.State.DONE);
        JsonNode gac = api.eventually(null, "/api/initiatives/gac", a -> a.path("initiative").path("actions")
                .findValuesAsText("code").contains(code)).path("initiative");
        assertThat(gac.path("names")).isEqualTo(storedNames("gac", "InitiativeLaunched"));
        JsonNode added = gac.path("actions").get(gac.path("actions").size() - 1);
        assertThat(added.path("names").path("ru").asText()).isEqualTo("Данные об уходе");
        assertThat(added.path("names").path("ar").asText()).isEqualTo("بيانات الرعاية");
        assertThat(gac.path("actions").get(0).path("names").has("ar")).isFalse();
    }

    @Test
    void the_audit_verifies_a_ledger_holding_both_revisions_and_so_does_its_export() throws Exception {
        assertStatus(api.post(SECRETARIAT, "/api/initiatives/mx-mcig/actions", Map.of("actionCode",
                Api.fresh("MCIG").toUpperCase(), "names", Map.of("en", "Care", "es", "Cuidados", "fr", "Soins",
                        "ru", "Уход", "ar", "الرعاية"), "targets", List.of(Map.of("description", "a dialogue")))),
                HttpStatus.OK);
        assertThat(ledger.entriesOf("mx-mcig")).extracting(LedgerEntry::payloadRevision).contains("1", "2");

        JsonNode sealed = api.post(AUDITOR, "/api/audit/checkpoints", null).getBody();
        long size = sealed.path("treeSize").asLong();
        assertThat(size).isGreaterThan(STORED.size());
        JsonNode verified = assertStatus(api.get(AUDITOR, "/api/audit/verify"), HttpStatus.OK);
        assertThat(verified.path("state").asText()).as(verified.toString()).isEqualTo("verified");
        assertThat(verified.path("result").path("ok").asBoolean()).isTrue();

        String pem = api.as(AUDITOR).getForObject("/api/audit/public-key", String.class);
        byte[] export = api.as(AUDITOR).getForObject("/api/audit/export", byte[].class);
        Path file = Files.createTempFile("ledger-both-revisions", ".jsonl");
        Files.write(file, export);
        VerificationResult offline = ExportVerifier.verify(file, LedgerKeys.publicKeyFromPem(pem), List.of(), null);
        assertThat(offline.ok()).as(offline.message()).isTrue();
        assertThat(offline.coveredEntries()).isGreaterThanOrEqualTo(size);
    }
}
