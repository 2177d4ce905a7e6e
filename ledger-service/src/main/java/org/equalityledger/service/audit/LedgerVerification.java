package org.equalityledger.service.audit;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.equalityledger.core.LedgerEntry;
import org.equalityledger.core.checkpoint.Checkpoint;
import org.equalityledger.core.merkle.MerkleLog;
import org.equalityledger.core.verify.LedgerVerifier;
import org.equalityledger.core.verify.VerificationResult;
import org.equalityledger.service.eventstore.StoredLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies the whole stored ledger: every hash recomputed from the stored fields, dense positions, each
 * aggregate's chain, the Merkle root at every checkpoint and its signature (ledger-core's
 * {@link LedgerVerifier}, the same code as the offline verifier); then that nothing lies past the end
 * the walk found, and that the stored tree the proofs come from agrees with the checkpoints.
 *
 * <p>A verification runs in the caller's thread or in the background; either way its progress is kept
 * and logged. One runs in the background at a time: asking for another meanwhile answers the running
 * one, so requests cannot pile up work. The last few are remembered, in this instance's memory only.
 */
public final class LedgerVerification implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LedgerVerification.class);
    private static final int KEPT = 16;
    private static final long LOG_EVERY_NANOS = 5_000_000_000L;

    private final StoredLedger reader;
    private final CheckpointStore checkpoints;
    private final MongoNodeStore nodes;
    private final SealerState state;
    private final PublicKey key;
    private final Clock clock;
    private final int window;
    private final int hashingThreads = Runtime.getRuntime().availableProcessors();
    private final Map<String, Verification> kept = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Verification> eldest) {
            return size() > KEPT && eldest.getValue().finished();
        }
    };
    /** The latest background verification; guarded by {@link #kept}. */
    private Verification inBackground;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "ledger-verify");
        thread.setDaemon(true);
        return thread;
    });

    public LedgerVerification(StoredLedger reader, CheckpointStore checkpoints, MongoNodeStore nodes, SealerState state,
                              PublicKey key, Clock clock) {
        this(reader, checkpoints, nodes, state, key, clock, StoredLedger.DEFAULT_WINDOW);
    }

    public LedgerVerification(StoredLedger reader, CheckpointStore checkpoints, MongoNodeStore nodes, SealerState state,
                              PublicKey key, Clock clock, int window) {
        this.reader = reader;
        this.checkpoints = checkpoints;
        this.nodes = nodes;
        this.state = state;
        this.key = key;
        this.clock = clock;
        this.window = window;
    }

    /** Verifies now, in this thread. */
    public Verification verify() {
        Verification verification = register();
        run(verification);
        return verification;
    }

    /** A background verification, and whether this request started it or found it running. */
    public record Start(Verification verification, boolean started) {
    }

    /** Starts a verification in the background, unless one is running there: then that one. */
    public Start start() {
        synchronized (kept) {
            if (inBackground != null && !inBackground.finished()) {
                return new Start(inBackground, false);
            }
            Verification verification = register();
            inBackground = verification;
            background.submit(() -> run(verification));
            return new Start(verification, true);
        }
    }

    public Optional<Verification> find(String id) {
        synchronized (kept) {
            return Optional.ofNullable(kept.get(id));
        }
    }

    private Verification register() {
        Verification verification = new Verification(UUID.randomUUID().toString(), clock.instant());
        synchronized (kept) {
            kept.put(verification.id(), verification);
        }
        return verification;
    }

    private void run(Verification job) {
        try {
            job.finish(check(job), clock.instant());
        } catch (RuntimeException e) {
            log.error("Verification {} could not run", job.id(), e);
            job.finish(new VerificationResult(job.done(), 0, 0, null, -1,
                    "the verification could not run: " + e), clock.instant());
        }
        VerificationResult result = job.result();
        if (result.ok()) {
            log.info("Verification {}: {} ({} events/s)", job.id(), result.message(), Math.round(job.eventsPerSecond()));
        } else {
            log.warn("Verification {}: {}", job.id(), result.message());
        }
    }

    private VerificationResult check(Verification job) {
        // Taken before the walk: what the walk must at least reach, however many events come meanwhile.
        long commitsBefore = reader.commitCount();
        long headMark = reader.headMark();
        job.started(reader.endPosition());
        List<Checkpoint> all;
        try {
            all = checkpoints.all();
        } catch (IllegalStateException e) {
            return new VerificationResult(0, 0, 0, null, -1, e.getMessage());
        }
        long lastLog = System.nanoTime();
        ExecutorService hashing = LedgerVerifier.hashingThreads(hashingThreads);
        LedgerVerifier verifier = new LedgerVerifier(key, all, done -> job.progress(done), hashing);
        StoredLedger.Cursor cursor = reader.cursor(0, window);
        long seen = 0;
        List<LedgerEntry> entries = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        try (ReadAhead ahead = new ReadAhead(cursor, "ledger-verify-read-" + job.id())) {
            for (List<StoredLedger.StoredEntry> batch = ahead.next(); !batch.isEmpty(); batch = ahead.next()) {
                entries.clear();
                hashes.clear();
                String defect = null;
                for (StoredLedger.StoredEntry stored : batch) {
                    if (stored.entry() == null) {
                        defect = stored.defect();
                        break;
                    }
                    if (stored.storedHash() == null) {
                        defect = "no stored hash";
                        break;
                    }
                    entries.add(stored.entry());
                    hashes.add(stored.storedHash());
                }
                // The entries before a defect are checked first: one of them may be the first failure.
                if (!verifier.acceptAll(entries, hashes)) {
                    break;
                }
                if (defect != null) {
                    verifier.failNext(defect);
                    break;
                }
                seen += entries.size();
                job.progress(seen);
                if (System.nanoTime() - lastLog > LOG_EVERY_NANOS) {
                    lastLog = System.nanoTime();
                    log.info("Verification {}: {} of {} positions, {} events/s", job.id(), job.done(), job.total(),
                            Math.round(job.eventsPerSecond()));
                }
            }
        } finally {
            hashing.shutdownNow();
        }
        VerificationResult result = verifier.finish();
        if (!result.ok()) {
            return result;
        }
        long end = result.entries();
        if (cursor.commitsRead() < commitsBefore) {
            return failed(result, end, "position " + end + ": the ledger seems to end here, but "
                    + (commitsBefore - cursor.commitsRead()) + " more stored commit(s) lie past a gap: "
                    + "events from position " + end + " on were removed");
        }
        if (headMark > end) {
            return failed(result, end, "position " + end + ": the ledger ends here, but its writers had reached position "
                    + headMark + ": events from position " + end + " on were removed");
        }
        SealerState.Sizes sizes = state.sizes();
        if (sizes.treeSize() > end) {
            return failed(result, end, "position " + end + ": the ledger ends here, but " + sizes.treeSize()
                    + " entries were sealed into the Merkle tree: events from position " + end + " on were removed");
        }
        try {
            MerkleLog tree = MerkleLog.open(nodes, sizes.treeSize());
            for (Checkpoint checkpoint : all) {
                if (checkpoint.treeSize() <= tree.size()
                        && !MessageDigest.isEqual(tree.root(checkpoint.treeSize()), checkpoint.rootHashBytes())) {
                    return failed(result, -1, "checkpoint at size " + checkpoint.treeSize() + ": the events verify, but the "
                            + "stored Merkle tree (" + MongoNodeStore.COLLECTION + ") gives another root, so the proofs "
                            + "the service answers would not verify");
                }
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            return failed(result, -1, "the stored Merkle tree (" + MongoNodeStore.COLLECTION + ") cannot be read: "
                    + e.getMessage());
        }
        return result;
    }

    private static VerificationResult failed(VerificationResult passed, long position, String why) {
        return new VerificationResult(passed.entries(), passed.checkpointsVerified(), passed.coveredEntries(),
                passed.rootHash(), position, why);
    }

    /** Threads that hash the events' contents during a verification, while this thread checks them in order. */
    public int hashingThreads() {
        return hashingThreads;
    }

    @Override
    public void close() {
        background.shutdownNow();
    }

    /**
     * Reads the walk's windows in a thread of its own while the verification checks the ones before:
     * at most {@value #AHEAD} windows wait, so memory stays a few windows whatever the ledger's size.
     */
    private static final class ReadAhead implements AutoCloseable {

        private static final int AHEAD = 2;

        /** A window read, or why reading failed. */
        private record Window(List<StoredLedger.StoredEntry> entries, RuntimeException failure) {
        }

        private final BlockingQueue<Window> windows = new ArrayBlockingQueue<>(AHEAD);
        private volatile boolean closed;

        ReadAhead(StoredLedger.Cursor cursor, String name) {
            Thread thread = new Thread(() -> read(cursor), name);
            thread.setDaemon(true);
            thread.start();
        }

        private void read(StoredLedger.Cursor cursor) {
            try {
                List<StoredLedger.StoredEntry> entries;
                do {
                    Window window;
                    try {
                        entries = cursor.next();
                        window = new Window(entries, null);
                    } catch (RuntimeException e) {
                        entries = List.of();
                        window = new Window(null, e);
                    }
                    windows.put(window);
                } while (!entries.isEmpty() && !closed);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The next window's events, empty at the end of the walk. */
        List<StoredLedger.StoredEntry> next() {
            Window window;
            try {
                window = windows.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the ledger's next events", e);
            }
            if (window.failure() != null) {
                throw window.failure();
            }
            return window.entries();
        }

        /**
         * Lets the reading thread end: it stops after the window it is reading, whose put finds room as
         * the waiting ones are dropped. Not interrupted, as an interrupt would close its connection.
         */
        @Override
        public void close() {
            closed = true;
            windows.clear();
        }
    }

    /** One verification: its progress while it runs, its result once done. */
    public static final class Verification {

        private final String id;
        private final Instant startedAt;
        private volatile long startNanos = System.nanoTime();
        private volatile long total = -1;
        private volatile long done;
        private volatile VerificationResult result;
        private volatile Instant finishedAt;
        private volatile long elapsedNanos;

        Verification(String id, Instant startedAt) {
            this.id = id;
            this.startedAt = startedAt;
        }

        void started(long total) {
            this.total = total;
            this.startNanos = System.nanoTime();
        }

        void progress(long done) {
            this.done = Math.max(this.done, done);
        }

        void finish(VerificationResult result, Instant at) {
            this.elapsedNanos = System.nanoTime() - startNanos;
            this.done = Math.max(done, result.entries());
            this.finishedAt = at;
            this.result = result;
        }

        public String id() {
            return id;
        }

        public boolean finished() {
            return result != null;
        }

        /** Null while it runs. */
        public VerificationResult result() {
            return result;
        }

        public long done() {
            return done;
        }

        /** The ledger's end when the verification started; events appended since are verified too. */
        public long total() {
            return total;
        }

        public double seconds() {
            long nanos = result != null ? elapsedNanos : System.nanoTime() - startNanos;
            return nanos / 1e9;
        }

        public double eventsPerSecond() {
            double seconds = seconds();
            return seconds > 0 ? done / seconds : 0;
        }

        /** As the API shows it. */
        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", id);
            json.put("state", result == null ? "running" : result.ok() ? "verified" : "failed");
            json.put("startedAt", startedAt.toString());
            json.put("finishedAt", finishedAt == null ? null : finishedAt.toString());
            Map<String, Object> progress = new LinkedHashMap<>();
            progress.put("positionsDone", done);
            progress.put("positionsTotal", total < 0 ? null : Math.max(total, done));
            progress.put("seconds", Math.round(seconds() * 1000) / 1000.0);
            progress.put("eventsPerSecond", Math.round(eventsPerSecond()));
            json.put("progress", progress);
            VerificationResult r = result;
            if (r != null) {
                Map<String, Object> outcome = new LinkedHashMap<>();
                outcome.put("ok", r.ok());
                outcome.put("entries", r.entries());
                outcome.put("checkpointsVerified", r.checkpointsVerified());
                outcome.put("coveredEntries", r.coveredEntries());
                outcome.put("rootHash", r.rootHash());
                outcome.put("firstFailedPosition", r.failedPosition() < 0 ? null : r.failedPosition());
                outcome.put("failure", r.failure());
                outcome.put("message", r.message());
                json.put("result", outcome);
            }
            return json;
        }
    }
}
