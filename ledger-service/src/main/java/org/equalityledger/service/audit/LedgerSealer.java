package org.equalityledger.service.audit;

import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.equalityledger.core.checkpoint.Checkpoint;
import org.equalityledger.core.merkle.Merkle;
import org.equalityledger.core.merkle.MerkleLog;
import org.equalityledger.service.eventstore.StoredLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Grows the Merkle log over the stored events and signs checkpoints.
 *
 * <p>A seal appends the stored hash of every event past the tree's size, in position order, to the
 * {@link MerkleLog} kept in {@link MongoNodeStore}, then signs the new root as a {@link Checkpoint} and
 * keeps it. It runs every {@code ledger.audit.checkpoint-interval} when there are new events, and on
 * demand. Across instances one seals at a time, under the lease of {@link SealerState}; a node written
 * twice must hold the same hash, so a seal cut short is simply done again.
 *
 * <p>It refuses to sign over what it can see is wrong: an event whose stored hash does not match its
 * fields, a gap in the positions, or a stored tree that no longer gives the latest checkpoint's root.
 */
public final class LedgerSealer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LedgerSealer.class);
    private static final int LEAVES_PER_WRITE = 4_096;

    private final StoredLedger reader;
    private final MongoNodeStore nodes;
    private final CheckpointStore checkpoints;
    private final SealerState state;
    private final KeyPair keys;
    private final Clock clock;
    private final Duration interval;
    private final ReentrantLock sealing = new ReentrantLock();
    private ScheduledExecutorService schedule;

    public LedgerSealer(StoredLedger reader, MongoNodeStore nodes, CheckpointStore checkpoints, SealerState state,
                        KeyPair keys, Clock clock, Duration interval) {
        this.reader = reader;
        this.nodes = nodes;
        this.checkpoints = checkpoints;
        this.state = state;
        this.keys = keys;
        this.clock = clock;
        this.interval = interval;
    }

    public enum Outcome {
        /** A new checkpoint was signed. */
        SEALED,
        /** No event since the latest checkpoint, which is returned. */
        UP_TO_DATE,
        /** The ledger has no event yet. */
        EMPTY,
        /** Another instance holds the sealing lease. */
        BUSY,
        /** Something stored is wrong; nothing was signed. */
        REFUSED
    }

    /** What a seal did; {@code checkpoint} is the new or latest one, {@code reason} says why when refused or busy. */
    public record Seal(Outcome outcome, Checkpoint checkpoint, String reason) {
    }

    /** Seals now; waits for a seal of this instance already under way, then seals what came since. */
    public Seal seal() {
        sealing.lock();
        try {
            if (!state.acquire()) {
                return new Seal(Outcome.BUSY, null, "another instance is sealing; try again shortly");
            }
            try {
                return sealHoldingLease();
            } finally {
                state.release();
            }
        } finally {
            sealing.unlock();
        }
    }

    private Seal sealHoldingLease() {
        SealerState.Sizes sizes = state.sizes();
        MerkleLog tree;
        Optional<Checkpoint> latest;
        try {
            tree = MerkleLog.open(nodes, sizes.treeSize());
            latest = sizes.checkpointSize() > 0 ? checkpoints.at(sizes.checkpointSize()) : Optional.empty();
            if (sizes.checkpointSize() > 0 && latest.isEmpty()) {
                return refused("the latest checkpoint, at size " + sizes.checkpointSize() + ", is no longer stored");
            }
            if (latest.isPresent() && !MessageDigest.isEqual(tree.root(latest.get().treeSize()),
                    latest.get().rootHashBytes())) {
                return refused("the stored Merkle tree no longer gives the root of the checkpoint at size "
                        + latest.get().treeSize());
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            return refused("the stored Merkle tree cannot be read: " + e.getMessage());
        }

        StoredLedger.Cursor cursor = reader.cursor(tree.size());
        List<byte[]> leaves = new ArrayList<>();
        List<Long> commitStarts = new ArrayList<>();
        String problem = null;
        read:
        for (List<StoredLedger.StoredEntry> batch = cursor.next(); !batch.isEmpty(); batch = cursor.next()) {
            for (StoredLedger.StoredEntry stored : batch) {
                long expected = tree.size() + leaves.size();
                problem = check(stored, expected);
                if (problem != null) {
                    break read;
                }
                leaves.add(Merkle.leafHash(HexFormat.of().parseHex(stored.storedHash())));
                commitStarts.add(stored.commitStart());
            }
            if (leaves.size() >= LEAVES_PER_WRITE && !append(tree, leaves, commitStarts)) {
                return new Seal(Outcome.BUSY, null, "the sealing lease was lost to another instance");
            }
        }
        if (!append(tree, leaves, commitStarts)) {
            return new Seal(Outcome.BUSY, null, "the sealing lease was lost to another instance");
        }
        if (problem != null) {
            return refused(problem);
        }
        if (tree.size() == 0) {
            return new Seal(Outcome.EMPTY, null, "the ledger has no event yet");
        }
        if (latest.isPresent() && latest.get().treeSize() == tree.size()) {
            return new Seal(Outcome.UP_TO_DATE, latest.get(), null);
        }
        if (!state.acquire()) {
            return new Seal(Outcome.BUSY, null, "the sealing lease was lost to another instance");
        }
        Checkpoint checkpoint = checkpoints.add(Checkpoint.sign(tree.size(), tree.root(), clock.instant(), keys));
        state.checkpointSize(checkpoint.treeSize());
        log.info("Checkpoint signed: {} entries, root {}", checkpoint.treeSize(), checkpoint.rootHash());
        return new Seal(Outcome.SEALED, checkpoint, null);
    }

    private static String check(StoredLedger.StoredEntry stored, long expected) {
        if (stored.position() != expected) {
            return "position " + expected + ": the next stored event claims position " + stored.position();
        }
        if (stored.entry() == null) {
            return "position " + expected + ": " + stored.defect();
        }
        if (stored.storedHash() == null || !stored.entry().hash().equals(stored.storedHash())) {
            return "position " + expected + ": stored hash does not match its content";
        }
        return null;
    }

    /** Appends the leaves, and records where their commits start so that proofs find an event in two lookups. */
    private boolean append(MerkleLog tree, List<byte[]> leaves, List<Long> commitStarts) {
        if (leaves.isEmpty()) {
            return true;
        }
        long from = tree.appendAll(leaves);
        reader.recordCommitStarts(from, commitStarts.stream().mapToLong(Long::longValue).toArray());
        leaves.clear();
        commitStarts.clear();
        return state.treeSize(tree.size());
    }

    private Seal refused(String why) {
        log.error("Sealing refused, nothing signed: {}. Run GET /api/audit/verify", why);
        return new Seal(Outcome.REFUSED, null, why);
    }

    /** The stored tree as far as it was sealed, for proofs. */
    public MerkleLog tree() {
        return MerkleLog.open(nodes, state.sizes().treeSize());
    }

    public SealerState.Sizes sizes() {
        return state.sizes();
    }

    /** The latest checkpoint, if any. */
    public Optional<Checkpoint> latest() {
        long size = state.sizes().checkpointSize();
        return size == 0 ? Optional.empty() : checkpoints.at(size);
    }

    private void sealIfNew() {
        try {
            if (reader.endPosition() > state.sizes().checkpointSize()) {
                Seal seal = seal();
                if (seal.outcome() == Outcome.BUSY) {
                    log.debug("Scheduled seal skipped: {}", seal.reason());
                }
            }
        } catch (RuntimeException e) {
            log.warn("Scheduled seal failed; next try in {}", interval, e);
        }
    }

    @Override
    public synchronized void start() {
        if (schedule != null || interval.isZero() || interval.isNegative()) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ledger-sealer");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::sealIfNew, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Sealer: a checkpoint every {} when there are new events", interval);
    }

    @Override
    public synchronized void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
            try {
                schedule.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            schedule = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return schedule != null;
    }
}
