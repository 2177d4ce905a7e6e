package org.equalityledger.service.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;
import org.equalityledger.core.LedgerEntry;
import org.equalityledger.core.checkpoint.Checkpoint;
import org.equalityledger.core.checkpoint.LedgerKeys;
import org.equalityledger.core.export.ExportFormat;
import org.equalityledger.core.json.Json;
import org.equalityledger.core.verify.ExportVerifier;
import org.equalityledger.core.verify.Main;
import org.equalityledger.core.verify.VerificationResult;
import org.equalityledger.service.eventstore.EngineFixtureAccess;
import org.equalityledger.service.eventstore.StoredLedger;
import org.equalityledger.service.store.TestStore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/** The audit's parts on a fresh database of a test store, without Spring, and a ledger to seal. */
final class AuditFixture {

    record Pledged(String commitmentId, String title) {
    }

    record Amended(String commitmentId, String title, String reason) {
    }

    record CycleOpened(int year) {
    }

    static final KeyPair KEYS = LedgerKeys.generate();

    final MongoDatabase database;
    final EventStorageEngine engine;
    final StoredLedger reader;
    final MongoNodeStore nodes;
    final CheckpointStore checkpoints;
    final SealerState state;
    final LedgerSealer sealer;
    final LedgerVerification verification;
    final LedgerProofs proofs;
    final LedgerExport export;
    private final Map<String, Long> sequences = new java.util.HashMap<>();

    private AuditFixture(MongoDatabase database) {
        this.database = database;
        this.engine = EngineFixtureAccess.engine(database);
        this.reader = new StoredLedger(database);
        this.nodes = new MongoNodeStore(database);
        this.checkpoints = new CheckpointStore(database);
        this.state = new SealerState(database, Duration.ofMinutes(2), Clock.systemUTC());
        this.sealer = new LedgerSealer(reader, nodes, checkpoints, state, KEYS, Clock.systemUTC(), Duration.ZERO);
        // A small window, so that the walk takes many steps even on these small ledgers.
        this.verification = new LedgerVerification(reader, checkpoints, nodes, state, KEYS.getPublic(), Clock.systemUTC(), 8);
        this.proofs = new LedgerProofs(sealer, reader);
        this.export = new LedgerExport(reader, checkpoints, KEYS.getPublic());
    }

    static AuditFixture on(TestStore store) {
        return new AuditFixture(store.freshDatabase());
    }

    /** The same database seen by another instance of the service: its own sealer, lease holder and caches. */
    AuditFixture anotherInstance() {
        return new AuditFixture(database);
    }

    /** One unit of work: the next event of each named aggregate ("-" for an event of no aggregate). */
    void append(String... aggregates) {
        List<EventMessage<?>> events = new ArrayList<>();
        for (String id : aggregates) {
            if (id.equals("-")) {
                events.add(GenericEventMessage.asEventMessage(new CycleOpened(2021 + events.size())));
                continue;
            }
            long sequence = sequences.merge(id, 1L, Long::sum) - 1;
            Object payload = sequence == 0 ? new Pledged(id, "Care for all in " + id)
                    : new Amended(id, "Care for all, revision " + sequence, "targets revised é \"q\"");
            events.add(new GenericDomainEventMessage<>("Commitment", id, sequence, payload,
                    Map.of("actor", "ally-" + id, "reason", "because " + sequence)));
        }
        engine.appendEvents(events);
    }

    /**
     * 60 events: 8 commitments and every tenth event of no aggregate, in commits of one to five events
     * (positions 15-19, 35-39 and 55-59 are five-event commits), sealed at 20, 40 and 60.
     */
    AuditFixture sealedLedger() {
        int[] sizes = {1, 2, 3, 4, 5, 5};
        int made = 0;
        for (int round = 0; made < 60; round++) {
            int size = sizes[round % sizes.length];
            String[] ids = new String[size];
            for (int i = 0; i < size; i++) {
                ids[i] = (made + i) % 10 == 9 ? "-" : "c-" + ((made + i) * 7 % 8);
            }
            append(ids);
            made += size;
            if (made % 20 == 0) {
                assertSealed(sealer.seal(), made);
            }
        }
        return this;
    }

    private static void assertSealed(LedgerSealer.Seal seal, long size) {
        if (seal.outcome() != LedgerSealer.Outcome.SEALED || seal.checkpoint().treeSize() != size) {
            throw new AssertionError("expected a checkpoint at " + size + ", got " + seal);
        }
    }

    MongoCollection<Document> commits() {
        return database.getCollection("ledger_events");
    }

    /** The commit document holding a position (a scan: tests only). */
    Document commitHolding(long position) {
        for (Document commit : commits().find()) {
            long first = commit.get("_id", Number.class).longValue();
            if (first <= position && position < first + commit.getList("events", Document.class).size()) {
                return commit;
            }
        }
        throw new AssertionError("no commit holds position " + position);
    }

    static LedgerEntry entryOf(Document e) {
        return new LedgerEntry(e.get("position", Number.class).longValue(), e.getString("eventId"),
                e.getString("aggregateType"), e.getString("aggregateId"), e.get("sequence", Number.class).longValue(),
                e.getString("payloadType"), e.getString("payloadRevision"), e.getString("recordedAt"),
                e.getString("payload"), e.getString("metadata"), e.getString("previousHash"));
    }

    Path exportFile(Path folder) throws IOException {
        Path file = folder.resolve("export-" + System.nanoTime() + ".jsonl");
        try (var out = Files.newOutputStream(file)) {
            export.write(out);
        }
        return file;
    }

    static Path publicKeyFile(Path folder) throws IOException {
        Path file = folder.resolve("ledger-key.pub.pem");
        Files.writeString(file, LedgerKeys.toPem(KEYS.getPublic()));
        return file;
    }

    static Path checkpointFile(Path folder, Checkpoint checkpoint) throws IOException {
        Path file = folder.resolve("checkpoint-" + checkpoint.treeSize() + ".json");
        Files.writeString(file, Json.write(ExportFormat.checkpointJson(checkpoint, false)));
        return file;
    }

    /** The offline verifier on an export of this store, with the ledger's published key. */
    Offline offline(Path folder) throws IOException {
        Path file = exportFile(folder);
        VerificationResult result = ExportVerifier.verify(file, KEYS.getPublic(), List.of(), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"verify", file.toString(), "--public-key", publicKeyFile(folder).toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Offline(result, status, out.toString(StandardCharsets.UTF_8));
    }

    record Offline(VerificationResult result, int exitStatus, String output) {
    }
}
