package org.equalityledger.service.eventstore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.equalityledger.core.LedgerEntry;
import org.equalityledger.service.store.EmbeddedMongoServer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * Prints the engine's append and read throughput next to the raw MongoDB driver doing the same
 * work on the same documents, at 1× and 100× of the demo scale (25,000 events).
 *
 * <p>Run it with {@code ops/bench/event-store.sh [scales...]}. With {@code LEDGER_MONGODB_URI} set it
 * runs on that MongoDB, otherwise on the embedded server in a temporary folder, fsync on, as the
 * service runs it.
 */
public final class EventStoreBenchmark {

    private static final int DEMO_EVENTS = 25_000;
    private static final int WRITERS = 8;
    private static final int EVENTS_PER_COMMITMENT = 10;

    record Figures(double engineAppend, double rawInsert, double lastChunkAppend, double lastChunkRaw,
                   double engineRead, double rawRead) {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> scales = args.length == 0 ? List.of(1, 100) : java.util.Arrays.stream(args).map(Integer::valueOf).toList();
        String uri = System.getenv("LEDGER_MONGODB_URI");
        EmbeddedMongoServer embedded = null;
        if (uri == null || uri.isBlank()) {
            Path dir = Files.createTempDirectory("ledger-bench");
            embedded = new EmbeddedMongoServer(dir, 32, true);
            uri = embedded.connectionString();
            System.out.printf("store: embedded MongoDB wire-protocol server, H2 file in %s, fsync on%n", dir);
        } else {
            System.out.printf("store: MongoDB at %s%n", uri.replaceAll("//[^@]*@", "//***@"));
        }
        System.out.printf("workload: commitments of %d events, one event per unit of work, %d concurrent writers%n%n",
                EVENTS_PER_COMMITMENT, WRITERS);
        try (MongoClient client = MongoClients.create(uri)) {
            Figures first = null;
            for (int scale : scales) {
                Figures figures = run(client, scale);
                print(scale, figures);
                if (first == null) {
                    first = figures;
                } else {
                    System.out.printf("  fall from %d× to %d× (rate over the last 25,000 events): append %.1f %%, raw insert %.1f %%%n%n",
                            scales.get(0), scale,
                            100 * (1 - figures.lastChunkAppend() / first.engineAppend()),
                            100 * (1 - figures.lastChunkRaw() / first.rawInsert()));
                }
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static void print(int scale, Figures f) {
        System.out.printf("%d× (%,d events)%n", scale, scale * DEMO_EVENTS);
        System.out.printf("  append  engine %,10.0f events/s   raw insert %,10.0f events/s   ratio %.2f%n",
                f.engineAppend(), f.rawInsert(), f.engineAppend() / f.rawInsert());
        System.out.printf("  append over the last 25,000 events: engine %,10.0f events/s   raw %,10.0f events/s%n",
                f.lastChunkAppend(), f.lastChunkRaw());
        System.out.printf("  read    engine %,10.0f events/s   raw read   %,10.0f events/s   ratio %.2f%n%n",
                f.engineRead(), f.rawRead(), f.engineRead() / f.rawRead());
    }

    private static Figures run(MongoClient client, int scale) throws Exception {
        String suffix = scale + "x_" + System.nanoTime();
        MongoDatabase engineDb = client.getDatabase("bench_engine_" + suffix);
        MongoDatabase rawDb = client.getDatabase("bench_raw_" + suffix);
        MongoLedgerStorageEngine engine = MongoLedgerStorageEngine.builder()
                .database(engineDb)
                .eventSerializer(EngineFixture.SERIALIZER)
                .snapshotSerializer(EngineFixture.SERIALIZER)
                .batchSize(256) // as the service runs it
                .build();
        MongoCollection<Document> raw = rawDb.getCollection("ledger_events");
        raw.createIndex(Indexes.ascending(LedgerCommit.KEYS), new IndexOptions().unique(true).sparse(true));

        int chunks = scale;
        long engineNanos = 0;
        long rawNanos = 0;
        double lastChunkAppend = 0;
        double lastChunkRaw = 0;
        AtomicLong rawPosition = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            for (int chunk = 0; chunk < chunks; chunk++) {
                List<List<EventMessage<?>>> commits = workload(chunk);
                long t0 = System.nanoTime();
                inParallel(pool, commits, engine::appendEvents);
                long t1 = System.nanoTime();
                List<Document> documents = rawDocuments(commits, rawPosition);
                long t2 = System.nanoTime();
                inParallel(pool, documents, raw::insertOne);
                long t3 = System.nanoTime();
                engineNanos += t1 - t0;
                rawNanos += t3 - t2;
                lastChunkAppend = DEMO_EVENTS / seconds(t1 - t0);
                lastChunkRaw = DEMO_EVENTS / seconds(t3 - t2);
                if (scale > 1 && (chunk + 1) % 10 == 0) {
                    System.out.printf("  … %,d events appended (engine %,.0f/s, raw %,.0f/s for the last 25,000)%n",
                            (chunk + 1L) * DEMO_EVENTS, lastChunkAppend, lastChunkRaw);
                }
            }
        } finally {
            pool.shutdown();
        }
        long total = (long) chunks * DEMO_EVENTS;

        long r0 = System.nanoTime();
        long read = engine.readEvents(null, false).mapToLong(e -> e.getPayload() == null ? 0 : 1).sum();
        long r1 = System.nanoTime();
        long rawRead = 0;
        for (Document doc : raw.find().batchSize(1000)) {
            rawRead += doc.getInteger(LedgerCommit.COUNT);
        }
        long r2 = System.nanoTime();
        if (read != total || rawRead != total) {
            throw new IllegalStateException("read " + read + " and " + rawRead + " events, expected " + total);
        }
        engineDb.drop();
        rawDb.drop();
        return new Figures(total / seconds(engineNanos), total / seconds(rawNanos), lastChunkAppend, lastChunkRaw,
                total / seconds(r1 - r0), total / seconds(r2 - r1));
    }

    /** 25,000 events: 2,500 commitments, each a pledge then amendments, each event its own commit. */
    private static List<List<EventMessage<?>>> workload(int chunk) {
        List<List<EventMessage<?>>> commits = new ArrayList<>(DEMO_EVENTS);
        int commitments = DEMO_EVENTS / EVENTS_PER_COMMITMENT;
        for (int sequence = 0; sequence < EVENTS_PER_COMMITMENT; sequence++) {
            for (int c = 0; c < commitments; c++) {
                String id = "commitment-" + chunk + "-" + c;
                Object payload = sequence == 0
                        ? new EngineFixture.Pledged(id, "Invest in care infrastructure and services in 12 countries by 2026")
                        : new EngineFixture.Amended(id, "Invest in care infrastructure, revision " + sequence,
                        "Targets revised after the mid-term review of the Global Alliance for Care");
                commits.add(List.of(new GenericDomainEventMessage<>("Commitment", id, sequence, payload,
                        Map.of("actor", "ally-" + (c % 97), "correlationId", id + "/" + sequence))));
            }
        }
        return commits;
    }

    /** The documents the engine would store for the same commits, with hashes, at positions of their own. */
    private static List<Document> rawDocuments(List<List<EventMessage<?>>> commits, AtomicLong position) {
        List<Document> documents = new ArrayList<>(commits.size());
        for (List<EventMessage<?>> commit : commits) {
            GenericDomainEventMessage<?> e = (GenericDomainEventMessage<?>) commit.get(0);
            long at = position.getAndIncrement();
            String payload = e.serializePayload(EngineFixture.SERIALIZER, String.class).getData();
            String metadata = e.serializeMetaData(EngineFixture.SERIALIZER, String.class).getData();
            LedgerEntry entry = new LedgerEntry(at, e.getIdentifier(), e.getType(), e.getAggregateIdentifier(),
                    e.getSequenceNumber(), e.getPayloadType().getName(), null, e.getTimestamp().toString(),
                    payload, metadata, null);
            documents.add(new LedgerCommit(at, List.of(entry)).toDocument());
        }
        return documents;
    }

    private interface Work<T> {
        void accept(T item);
    }

    private static <T> void inParallel(ExecutorService pool, List<T> items, Work<T> work) throws Exception {
        AtomicLong next = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            futures.add(pool.submit(() -> {
                for (long i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                    work.accept(items.get((int) i));
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
