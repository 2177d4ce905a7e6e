package org.equalityledger.core.verify;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.equalityledger.core.LedgerEntry;
import org.equalityledger.core.checkpoint.Checkpoint;
import org.equalityledger.core.checkpoint.LedgerKeys;
import org.equalityledger.core.merkle.Merkle;
import org.equalityledger.core.merkle.MerkleFrontier;

/**
 * Checks a ledger fed to it entry by entry in position order, in one pass: each stored hash against the
 * entry's content, dense positions, each aggregate's chain and sequence, and the Merkle root and
 * signature of every checkpoint as the entries reach its size. It stops at the first failure.
 *
 * <p>Memory is the last hash of each aggregate plus O(log n) for the tree: the checkpoints must be
 * known before the entries (the service has them; {@link ExportVerifier} reads them from the export's
 * tail first).
 */
public final class LedgerVerifier {

    public static final int PROGRESS_EVERY = 10_000;
    /** Entries one hashing task takes: enough that handing it to another thread costs little next to the hashing. */
    static final int CHUNK = 128;

    private final PublicKey key;
    private final String keyId;
    private final List<Checkpoint> checkpoints;
    private final LongConsumer progress;
    private final Executor hashing;
    private final Map<String, Link> aggregates = new HashMap<>();
    private final MerkleFrontier tree = new MerkleFrontier();

    private int nextCheckpoint;
    private int checkpointsVerified;
    private long covered;
    private long count;
    private long failedPosition = -1;
    private String failure;

    /** The last event seen of an aggregate; updated in place, as most events extend a chain already seen. */
    private static final class Link {
        final String type;
        long sequence;
        String hash;

        Link(String type, long sequence, String hash) {
            this.type = type;
            this.sequence = sequence;
            this.hash = hash;
        }
    }

    /**
     * A verifier that hashes in the calling thread.
     *
     * @param key         the ledger's public key, which must have signed every checkpoint
     * @param checkpoints in any order; several may share a size
     * @param progress    told the number of positions done every {@link #PROGRESS_EVERY} entries and once at the end
     */
    public LedgerVerifier(PublicKey key, List<Checkpoint> checkpoints, LongConsumer progress) {
        this(key, checkpoints, progress, null);
    }

    /**
     * @param hashing where {@link #acceptAll} hashes the entries' contents, a chunk per task, while the
     *                calling thread checks order, chains, tree and checkpoints in position order; null to
     *                hash in the calling thread. The caller owns it.
     */
    public LedgerVerifier(PublicKey key, List<Checkpoint> checkpoints, LongConsumer progress, Executor hashing) {
        this.key = Objects.requireNonNull(key, "key");
        this.keyId = LedgerKeys.keyId(key);
        List<Checkpoint> sorted = new ArrayList<>(checkpoints);
        sorted.sort(Comparator.comparingLong(Checkpoint::treeSize));
        this.checkpoints = sorted;
        this.progress = progress == null ? done -> { } : progress;
        this.hashing = hashing;
        checkDueCheckpoints();
    }

    /**
     * Daemon threads for {@link #acceptAll}'s hashing; the caller shuts them down. One per core keeps
     * the cores busy, as the thread that checks in order mostly waits for them.
     */
    public static ExecutorService hashingThreads(int threads) {
        AtomicInteger number = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "ledger-verify-hashing-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Checks the next entry; returns false once a failure is found, after which nothing more is checked. */
    public boolean accept(LedgerEntry entry, String storedHash) {
        if (failure != null || !checkPosition(entry)) {
            return false;
        }
        return checkHashed(entry, storedHash, leafIfStoredHashMatches(entry, storedHash));
    }

    /**
     * Checks the next entries as {@link #accept} would one by one, with the same first failure and
     * result, hashing their contents on the executor given to the constructor.
     *
     * @param storedHashes the hash stored beside each entry, in the same order
     */
    public boolean acceptAll(List<LedgerEntry> entries, List<String> storedHashes) {
        if (entries.size() != storedHashes.size()) {
            throw new IllegalArgumentException(entries.size() + " entries but " + storedHashes.size() + " stored hashes");
        }
        int size = entries.size();
        if (hashing == null || size <= CHUNK) {
            for (int i = 0; i < size; i++) {
                if (!accept(entries.get(i), storedHashes.get(i))) {
                    return false;
                }
            }
            return failure == null;
        }
        if (failure != null) {
            return false;
        }
        List<Chunk> chunks = new ArrayList<>((size + CHUNK - 1) / CHUNK);
        for (int from = 0; from < size; from += CHUNK) {
            chunks.add(new Chunk(from, Math.min(size, from + CHUNK)));
        }
        // The pool takes chunks from the back while this thread hashes and checks from the front, so
        // they meet in the middle; a pool thread slow to wake or descheduled then only costs its share.
        for (int c = chunks.size() - 1; c > 0; c--) {
            Chunk chunk = chunks.get(c);
            hashing.execute(() -> chunk.hashIfUnclaimed(entries, storedHashes));
        }
        try {
            for (Chunk chunk : chunks) {
                byte[][] leaves = chunk.leaves(entries, storedHashes);
                for (int i = 0; i < leaves.length; i++) {
                    LedgerEntry entry = entries.get(chunk.from + i);
                    if (!checkPosition(entry) || !checkHashed(entry, storedHashes.get(chunk.from + i), leaves[i])) {
                        return false;
                    }
                }
            }
            return true;
        } finally {
            // After a failure the hashes of the rest are not wanted; tasks not yet started skip them.
            chunks.forEach(Chunk::claim);
        }
    }

    /** Entries [from, to) of a batch, hashed by whichever thread claims them first. */
    private static final class Chunk {
        final int from;
        final int to;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private volatile byte[][] leaves;

        Chunk(int from, int to) {
            this.from = from;
            this.to = to;
        }

        void claim() {
            claimed.set(true);
        }

        void hashIfUnclaimed(List<LedgerEntry> entries, List<String> storedHashes) {
            if (claimed.compareAndSet(false, true)) {
                try {
                    leaves = LedgerVerifier.leaves(entries, storedHashes, from, to);
                } catch (RuntimeException e) {
                    // The checking thread hashes this chunk itself and meets the same exception there,
                    // unless it has already moved on and its caller reuses the lists, which is no failure.
                }
            }
        }

        /**
         * The chunk's leaves for the checking thread, which never waits: a chunk a pool thread is still
         * hashing is hashed again here (the result is the same), and a pool thread's failure shows up
         * here as the same exception.
         */
        byte[][] leaves(List<LedgerEntry> entries, List<String> storedHashes) {
            byte[][] done = leaves;
            if (done != null) {
                return done;
            }
            claimed.set(true);
            done = leaves;
            return done != null ? done : LedgerVerifier.leaves(entries, storedHashes, from, to);
        }
    }

    /** The Merkle leaf of each entry whose stored hash matches its content, null for one whose does not. */
    private static byte[][] leaves(List<LedgerEntry> entries, List<String> storedHashes, int from, int to) {
        byte[][] leaves = new byte[to - from][];
        for (int i = from; i < to; i++) {
            leaves[i - from] = leafIfStoredHashMatches(entries.get(i), storedHashes.get(i));
        }
        return leaves;
    }

    /** The leaf data are the 32 raw hash bytes, which equal the recomputed hash wherever the stored one matches. */
    private static byte[] leafIfStoredHashMatches(LedgerEntry entry, String storedHash) {
        byte[] hash = entry.hashBytes();
        return LedgerEntry.isHexOf(hash, storedHash) ? Merkle.leafHash(hash) : null;
    }

    private boolean checkPosition(LedgerEntry entry) {
        long expected = count;
        long position = entry.position();
        if (position > expected) {
            return failAt(expected, "the next entry claims position " + position
                    + ": an entry is missing here or the order was changed");
        }
        if (position < expected) {
            return failAt(position, "claimed a second time, by the entry after position " + (expected - 1)
                    + ": an entry was inserted, duplicated or moved");
        }
        return true;
    }

    /** The checks after the position's, given the entry's leaf or null when its stored hash does not match. */
    private boolean checkHashed(LedgerEntry entry, String storedHash, byte[] leaf) {
        if (leaf == null) {
            return failAt(entry.position(), "stored hash does not match its content");
        }
        if (!checkChain(entry, storedHash)) {
            return false;
        }
        tree.append(leaf);
        count++;
        if (count % PROGRESS_EVERY == 0) {
            progress.accept(count);
        }
        return checkDueCheckpoints();
    }

    /** Records a failure found outside this class, such as an unreadable line, at the next position. */
    public void failNext(String reason) {
        if (failure == null) {
            failAt(count, reason);
        }
    }

    /** Ends the pass: any checkpoint larger than the ledger means entries are missing at its end. */
    public VerificationResult finish() {
        if (failure == null && nextCheckpoint < checkpoints.size()) {
            Checkpoint beyond = checkpoints.get(nextCheckpoint);
            fail(count, "checkpoint at size " + beyond.treeSize() + ": the ledger ends after " + count
                    + " entries, so the entries from position " + count + " on are missing");
        }
        if (count % PROGRESS_EVERY != 0 || count == 0) {
            progress.accept(count);
        }
        return new VerificationResult(count, checkpointsVerified, covered, HexFormat.of().formatHex(tree.root()),
                failedPosition, failure);
    }

    private boolean checkChain(LedgerEntry entry, String hash) {
        long position = entry.position();
        String id = entry.aggregateId();
        if (id == null) {
            if (entry.previousHash() != null) {
                return failAt(position, "an event of no aggregate names a previous hash");
            }
            return true;
        }
        Link last = aggregates.get(id);
        if (last == null) {
            if (entry.sequence() != 0) {
                return failAt(position, name(entry) + " starts at sequence " + entry.sequence() + ", not 0");
            }
            if (entry.previousHash() != null) {
                return failAt(position, "previous hash breaks the chain of " + name(entry) + ": its first event names one");
            }
            aggregates.put(id, new Link(entry.aggregateType(), entry.sequence(), hash));
            return true;
        }
        if (!Objects.equals(last.type, entry.aggregateType())) {
            return failAt(position, name(entry) + " was of type " + last.type);
        }
        if (entry.sequence() != last.sequence + 1) {
            return failAt(position, name(entry) + " expected sequence " + (last.sequence + 1) + ", found " + entry.sequence());
        }
        if (!last.hash.equals(entry.previousHash())) {
            return failAt(position, "previous hash breaks the chain of " + name(entry));
        }
        last.sequence = entry.sequence();
        last.hash = hash;
        return true;
    }

    private static String name(LedgerEntry entry) {
        return "aggregate " + (entry.aggregateType() == null ? "" : entry.aggregateType() + " ") + entry.aggregateId();
    }

    private boolean checkDueCheckpoints() {
        while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).treeSize() == count) {
            Checkpoint checkpoint = checkpoints.get(nextCheckpoint);
            String at = "checkpoint at size " + checkpoint.treeSize() + ": ";
            if (!checkpoint.keyId().equals(keyId)) {
                return fail(covered, at + "signed by key " + checkpoint.keyId() + ", not by key " + keyId
                        + " that this verification trusts");
            }
            if (!checkpoint.verify(key)) {
                return fail(covered, at + "signature does not verify with key " + keyId);
            }
            if (!checkpoint.rootHash().equals(HexFormat.of().formatHex(tree.root()))) {
                return fail(covered, at + "root differs; the first " + covered + " entries match a signed checkpoint, "
                        + "so an entry from position " + covered + " to " + (count - 1)
                        + " was changed, removed, inserted or moved since it was signed");
            }
            checkpointsVerified++;
            covered = count;
            nextCheckpoint++;
        }
        return true;
    }

    private boolean failAt(long position, String reason) {
        return fail(position, "position " + position + ": " + reason);
    }

    private boolean fail(long position, String message) {
        failedPosition = position;
        failure = message;
        return false;
    }
}
