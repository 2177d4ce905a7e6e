package org.equalityledger.service.query;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.bson.Document;
import org.equalityledger.projections.commitments.CommitmentProjector;
import org.equalityledger.api.query.commitments.CommitmentById;
import org.equalityledger.api.query.dashboards.DashboardQuery;
import org.equalityledger.projections.commitments.CommitmentQueries;
import org.equalityledger.projections.dashboards.DashboardQueries;
import org.equalityledger.projections.reference.Recorded;
import org.equalityledger.projections.rebuild.Rebuilds;
import org.equalityledger.projections.store.ReadModelGenerations;
import org.equalityledger.projections.store.LedgerReader;
import org.equalityledger.service.LedgerApplication;
import org.equalityledger.service.query.demo.DemoDataLoader;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * Prints the read side's figures on demo data loaded through the command side: a full rebuild's
 * events/s next to a raw sequential read of the event collection, the heap a rebuild uses,
 * dashboard reads with 100 concurrent readers, and answers as of an instant. Run it with
 * {@code ops/bench/read-side.sh [scales...]}; on the embedded server in a temporary folder (fsync on,
 * as the service runs it), or on the MongoDB in {@code LEDGER_MONGODB_URI}.
 */
public final class ReadSideBenchmark {

    private static final int READERS = 100;
    private static final int READS_PER_READER = 200;

    public static void main(String[] args) throws Exception {
        List<Double> scales = args.length == 0 ? List.of(1.0) : java.util.Arrays.stream(args).map(Double::valueOf).toList();
        for (double scale : scales) {
            run(scale);
        }
        System.exit(0);
    }

    private static void run(double scale) throws Exception {
        String reuse = System.getenv("LEDGER_BENCH_DATA_DIR");
        Path dir = reuse != null && !reuse.isBlank() ? Path.of(reuse) : Files.createTempDirectory("ledger-read-bench");
        String uri = System.getenv("LEDGER_MONGODB_URI");
        boolean fsync = !"off".equalsIgnoreCase(System.getenv("LEDGER_BENCH_FSYNC"));
        SpringApplication app = new SpringApplication(LedgerApplication.class);
        List<String> props = new ArrayList<>(List.of("--server.port=0", "--ledger.data-dir=" + dir, "--spring.main.banner-mode=off",
                "--logging.level.root=WARN", "--logging.level.org.equalityledger=INFO",
                // The demo data records the reference set itself, at its historical instants.
                "--ledger.reference-set.load=false", "--ledger.embedded-fsync=" + fsync));
        if (uri != null && !uri.isBlank()) {
            props.add("--ledger.database=read_bench_" + System.nanoTime());
        }
        try (ConfigurableApplicationContext context = app.run(props.toArray(String[]::new))) {
            System.out.printf("%nstore: %s%n", uri == null || uri.isBlank() ? "embedded MongoDB wire-protocol server, H2 file in " + dir + ", fsync " + (fsync ? "on" : "off")
                    : "MongoDB at " + uri.replaceAll("//[^@]*@", "//***@"));
            DemoDataLoader loader = context.getBean(DemoDataLoader.class);
            Rebuilds rebuilds = context.getBean(Rebuilds.class);
            LedgerReader ledger = context.getBean(LedgerReader.class);
            MongoDatabase database = context.getBean(MongoDatabase.class);
            DashboardQueries read = context.getBean(DashboardQueries.class);
            CommitmentQueries commitments = context.getBean(CommitmentQueries.class);
            Recorded recorded = context.getBean(Recorded.class);

            boolean reused = ledger.headPosition() >= 0;
            if (!reused) {
                DemoDataLoader.Result loaded = loader.load(scale, 2021L);
                System.out.printf("demo data at %.2f×: %,d commands through the command side in %.0f s (%.0f commands/s), %d refused%n",
                        scale, loaded.commands(), loaded.seconds(), loaded.commands() / loaded.seconds(), loaded.refused());
            } else {
                System.out.printf("reusing the ledger in %s%n", dir);
            }
            long events = ledger.headPosition() + 1;
            System.out.printf("ledger: %,d events%n", events);
            long t = System.nanoTime();
            if (reused || scale > 1) {
                // A reused ledger may have been saved before its projections caught up, and a large load
                // leaves them far behind: their catch-up would run beside what is measured (for an hour
                // at 100×), and the rebuilds below build them anyway.
                EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
                for (String name : rebuilds.names()) {
                    if (rebuilds.processed(name) < events - 1) {
                        processing.eventProcessor(name).ifPresent(EventProcessor::shutDown);
                        System.out.printf("projection %s behind (at %,d): left to the rebuilds%n", name, rebuilds.processed(name));
                    }
                }
            } else {
                for (String name : rebuilds.names()) {
                    while (rebuilds.processed(name) < events - 1) {
                        Thread.sleep(20);
                    }
                }
                System.out.printf("projections caught up after the load in %.1f s%n", (System.nanoTime() - t) / 1e9);
            }

            // Raw sequential read of the event collection, by windows of positions (what the embedded server reads fast).
            double raw = 0;
            for (int i = 0; i < 3; i++) {
                raw = Math.max(raw, rawRead(database.getCollection("ledger_events"), events));
            }
            System.out.printf("raw sequential read of ledger_events: %,.0f events/s (best of 3)%n", raw);
            List<Rebuilt> rebuilt = new ArrayList<>();

            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            // Twice each at the demo scale: the first run of a fresh process also pays for compiling the
            // code it runs. Beyond it, once: compiling is a small part of a long rebuild.
            int runs = scale > 1 ? 1 : 2;
            for (int run = 1; run <= runs; run++) {
            for (String name : rebuilds.names()) {
                System.gc();
                long baseline = memory.getHeapMemoryUsage().getUsed();
                AtomicLong peak = new AtomicLong(baseline);
                AtomicLong live = new AtomicLong(afterGc());
                long liveBaseline = live.get();
                Thread sampler = new Thread(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                        live.accumulateAndGet(afterGc(), Math::max);
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                sampler.start();
                long r0 = System.nanoTime();
                long cpu0 = processCpuNanos();
                rebuilds.start(name);
                Rebuilds.Progress done = rebuilds.await(name, Duration.ofHours(6));
                double seconds = (System.nanoTime() - r0) / 1e9;
                double cpu = (processCpuNanos() - cpu0) / 1e9;
                sampler.interrupt();
                sampler.join();
                System.out.printf("full rebuild of %-11s (run %d of %d) %,9.0f events/s (%.1f s, process CPU %.1f s)  ratio to raw read %.2f%n",
                        name, run, runs, events / seconds, seconds, cpu, events / seconds / raw);
                rebuilt.add(new Rebuilt(name, run, events / seconds));
                System.out.printf("  heap during the rebuild: live after GC at most %,d MB (%+,d MB over the %,d MB before); used incl. garbage at most %,d MB; -Xmx %,d MB%n",
                        live.get() >> 20, (live.get() - liveBaseline) >> 20, liveBaseline >> 20, peak.get() >> 20,
                        memory.getHeapMemoryUsage().getMax() >> 20);
                if (done.position() != events - 1) {
                    throw new IllegalStateException("rebuild of " + name + " stopped at " + done.position());
                }
            }
            }

            // Read again once the process is warm: a ledger reused from a folder is first read by
            // code not yet compiled, which would flatter the ratios above.
            double warm = 0;
            for (int i = 0; i < 3; i++) {
                warm = Math.max(warm, rawRead(database.getCollection("ledger_events"), events));
            }
            if (warm > raw) {
                System.out.printf("raw sequential read of ledger_events after the rebuilds: %,.0f events/s (best of 3); the ratios against it:%n", warm);
                for (Rebuilt r : rebuilt) {
                    System.out.printf("  full rebuild of %-25s ratio to raw read %.2f%n", r.name() + " (run " + r.run() + ")", r.eventsPerSecond() / warm);
                }
            }

            List<String> scopes = scopes(recorded);
            // Warm up (every dashboard once), then 100 readers at once.
            for (String scope : scopes) {
                read.handle(new DashboardQuery(scope, null, null));
                for (int year = 2021; year <= 2026; year++) {
                    read.handle(new DashboardQuery(scope, year, null));
                }
            }
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(READERS);
            long d0 = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                int seed = r;
                futures.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < READS_PER_READER; i++) {
                        String scope = scopes.get(random.nextInt(scopes.size()));
                        Integer year = random.nextInt(3) == 0 ? 2021 + random.nextInt(6) : null;
                        long s = System.nanoTime();
                        read.handle(new DashboardQuery(scope, year, null));
                        latencies.add(System.nanoTime() - s);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double wall = (System.nanoTime() - d0) / 1e9;
            pool.shutdown();
            System.out.printf("dashboard reads, %d concurrent readers, %,d reads over %d dashboards: p50 %.1f ms  p99 %.1f ms  max %.1f ms  (%,.0f reads/s)%n",
                    READERS, latencies.size(), scopes.size(), pct(latencies, 50), pct(latencies, 99), pct(latencies, 100), latencies.size() / wall);

            // As of an instant: commitments (replay of its events) and dashboards (snapshot + tail).
            Random random = new Random(42);
            List<String> ids = new ArrayList<>();
            context.getBean(ReadModelGenerations.class).collection(CommitmentProjector.ROWS).find().projection(new Document("_id", 1)).forEach(d -> ids.add(d.getString("_id")));
            List<Long> commitmentAsOf = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                Instant at = randomInstant(random);
                long s = System.nanoTime();
                commitments.handle(new CommitmentById(ids.get(random.nextInt(ids.size())), at));
                commitmentAsOf.add(System.nanoTime() - s);
            }
            System.out.printf("commitment as of an instant (300 random): p50 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                    pct(commitmentAsOf, 50), pct(commitmentAsOf, 99), pct(commitmentAsOf, 100));
            List<Long> dashboardAsOf = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Instant at = randomInstant(random);
                long s = System.nanoTime();
                read.handle(new DashboardQuery(scopes.get(random.nextInt(scopes.size())), null, at));
                dashboardAsOf.add(System.nanoTime() - s);
            }
            System.out.printf("dashboard as of an instant (60 random): p50 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                    pct(dashboardAsOf, 50), pct(dashboardAsOf, 99), pct(dashboardAsOf, 100));
            System.out.printf("global dashboard: %s%n", read.handle(new DashboardQuery("global", null, null)).orElseThrow().figures());
        }
    }

    private record Rebuilt(String name, int run, double eventsPerSecond) {
    }

    /** CPU used by the whole process (all threads, the embedded server's too): the machine may be shared. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    /** Heap occupied after the last collection, summed over the heap pools: what is live, not garbage. */
    private static long afterGc() {
        long used = 0;
        for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used;
    }

    private static List<String> scopes(Recorded recorded) {
        List<String> scopes = new ArrayList<>(List.of("global", "group:GOVERNMENT", "group:CIVIL_SOCIETY", "group:PRIVATE_SECTOR",
                "hemisphere:GLOBAL_SOUTH", "hemisphere:GLOBAL_NORTH", "region:AFRICA", "region:LATIN_AMERICA_CARIBBEAN",
                "region:EUROPE_CENTRAL_ASIA", "country:MX", "country:FR", "country:KE"));
        for (Document initiative : recorded.allInitiatives()) {
            scopes.add("initiative:" + initiative.getString("_id"));
            for (Document a : initiative.getList("actions", Document.class, List.of())) {
                scopes.add("action:" + initiative.getString("_id") + ":" + a.getString("code"));
            }
        }
        return scopes;
    }

    private static Instant randomInstant(Random random) {
        long from = Instant.parse("2021-03-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2026-09-30T00:00:00Z").getEpochSecond();
        return Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)));
    }

    private static double rawRead(MongoCollection<Document> raw, long end) {
        long t0 = System.nanoTime();
        long events = 0;
        long position = 0;
        while (position < end) {
            List<Long> ids = LongStream.range(position, Math.min(end, position + 256)).boxed().toList();
            long next = position;
            for (Document doc : raw.find(Filters.in("_id", ids))) {
                int count = doc.getInteger("count");
                events += count;
                next = Math.max(next, doc.get("_id", Number.class).longValue() + count);
            }
            position = Math.max(next, position + 256);
        }
        if (events != end) {
            throw new IllegalStateException("raw read found " + events + " events, expected " + end);
        }
        return events / ((System.nanoTime() - t0) / 1e9);
    }

    private static double pct(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
