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
import org.equalityledger.embedded.EmbeddedMongoServer;

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
    private static final int PRELOAD_COMMIT = 500;

    record Figures(double engineAppend, double rawInsert, double engineRead, double rawRead) {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> scales = args.length == 0 ? List.of(1, 100) : java.util.Arrays.stream(args).map(Integer::valueOf).toList();
        String uri = System.getenv("LEDGER_MONGODB_URI");
        EmbeddedMongoServer embedded = null;
        if (uri == null || uri.isBlank()) {
            Path dir = Files.createTempDirectory("ledger-bench");
            embedded = EmbeddedMongoServer.start(dir, EmbeddedMongoServer.Options.defaults());
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
                Figures figures = run(client, scale, embedded != null);
                print(scale, figures);
                if (embedded != null) {
                    System.out.printf("  embedded store file: %,.0f MB for both copies of the ledger%n%n",
                            Files.size(embedded.file()) / 1e6);
                }
                if (first == null) {
                    first = figures;
                } else {
                    System.out.printf("  change from %d× to %d×: append %+.1f %% (raw insert %+.1f %%), read %+.1f %% (raw read %+.1f %%)%n%n",
                            scales.get(0), scale,
                            100 * (figures.engineAppend() / first.engineAppend() - 1),
                            100 * (figures.rawInsert() / first.rawInsert() - 1),
                            100 * (figures.engineRead() / first.engineRead() - 1),
                            100 * (figures.rawRead() / first.rawRead() - 1));
                }
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static void print(int scale, Figures f) {
        System.out.printf("%d× (%,d events; append measured over the last 25,000, read over all)%n", scale, scale * DEMO_EVENTS);
        System.out.printf("  append  engine %,10.0f events/s   raw insert %,10.0f events/s   ratio %.2f%n",
                f.engineAppend(), f.rawInsert(), f.engineAppend() / f.rawInsert());
        System.out.printf("  read    engine %,10.0f events/s   raw read   %,10.0f events/s   ratio %.2f%n",
                f.engineRead(), f.rawRead(), f.engineRead() / f.rawRead());
    }

    private static Figures run(MongoClient client, int scale, boolean embedded) throws Exception {
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
        AtomicLong rawPosition = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            // The ledger as it stands before the measured events, filled fast in large commits.
            for (int chunk = 0; chunk < scale - 1; chunk++) {
                List<List<EventMessage<?>>> commits = workload(chunk);
                for (int from = 0; from < commits.size(); from += PRELOAD_COMMIT) {
                    List<EventMessage<?>> bulk = commits.subList(from, Math.min(commits.size(), from + PRELOAD_COMMIT))
                            .stream().<EventMessage<?>>map(c -> c.get(0)).toList();
                    engine.appendEvents(bulk);
                    raw.insertOne(rawDocument(bulk, rawPosition));
                }
                if ((chunk + 1) % 10 == 0) {
                    System.out.printf("  … %,d events loaded%n", (chunk + 1L) * DEMO_EVENTS);
                }
            }
            // The measured 25,000 events: one per unit of work, from concurrent writers.
            List<List<EventMessage<?>>> commits = workload(scale - 1);
            long t0 = System.nanoTime();
            inParallel(pool, commits, engine::appendEvents);
            long t1 = System.nanoTime();
            List<Document> documents = commits.stream().map(c -> rawDocument(c, rawPosition)).toList();
            long t2 = System.nanoTime();
            inParallel(pool, documents, raw::insertOne);
            long t3 = System.nanoTime();
            long total = (long) scale * DEMO_EVENTS;

            long r0 = System.nanoTime();
            long read = engine.readEvents(null, false).mapToLong(e -> e.getPayload() == null ? 0 : 1).sum();
            long r1 = System.nanoTime();
            long rawRead = embedded ? rawReadByPositions(raw, rawPosition.get()) : rawReadByCursor(raw);
            long r2 = System.nanoTime();
            if (read != total || rawRead != total) {
                throw new IllegalStateException("read " + read + " and " + rawRead + " events, expected " + total);
            }
            return new Figures(DEMO_EVENTS / seconds(t1 - t0), DEMO_EVENTS / seconds(t3 - t2),
                    total / seconds(r1 - r0), total / seconds(r2 - r1));
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The embedded server answers a plain cursor by first collecting every document of the
     * collection in memory, so its raw sequential read asks for the documents by position windows.
     */
    private static long rawReadByPositions(MongoCollection<Document> raw, long end) {
        long events = 0;
        long position = 0;
        while (position < end) {
            List<Long> ids = java.util.stream.LongStream.range(position, Math.min(end, position + 256)).boxed().toList();
            long next = position;
            for (Document doc : raw.find(com.mongodb.client.model.Filters.in("_id", ids))) {
                int count = doc.getInteger(LedgerCommit.COUNT);
                events += count;
                next = Math.max(next, doc.get("_id", Number.class).longValue() + count);
            }
            position = Math.max(next, position + 256);
        }
        return events;
    }

    private static long rawReadByCursor(MongoCollection<Document> raw) {
        long events = 0;
        for (Document doc : raw.find().sort(Indexes.ascending("_id")).batchSize(1000)) {
            events += doc.getInteger(LedgerCommit.COUNT);
        }
        return events;
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

    /** The document the engine would store for these events, with hashes, at positions of its own. */
    private static Document rawDocument(List<EventMessage<?>> events, AtomicLong position) {
        long first = position.getAndAdd(events.size());
        List<LedgerEntry> entries = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            GenericDomainEventMessage<?> e = (GenericDomainEventMessage<?>) event;
            String payload = e.serializePayload(EngineFixture.SERIALIZER, String.class).getData();
            String metadata = e.serializeMetaData(EngineFixture.SERIALIZER, String.class).getData();
            entries.add(new LedgerEntry(first + entries.size(), e.getIdentifier(), e.getType(),
                    e.getAggregateIdentifier(), e.getSequenceNumber(), e.getPayloadType().getName(), null,
                    e.getTimestamp().toString(), payload, metadata, null));
        }
        return new LedgerCommit(first, entries).toDocument();
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
