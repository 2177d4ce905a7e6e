package org.equalityledger.core.verify;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;
import org.equalityledger.core.LedgerEntry;
import org.equalityledger.core.checkpoint.Checkpoint;
import org.equalityledger.core.checkpoint.LedgerKeys;
import org.equalityledger.core.merkle.Merkle;
import org.equalityledger.core.merkle.MerkleLog;
import org.equalityledger.core.merkle.NodeStore;

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

    private final PublicKey key;
    private final String keyId;
    private final List<Checkpoint> checkpoints;
    private final LongConsumer progress;
    private final Map<String, Link> aggregates = new HashMap<>();
    private final MerkleLog tree = new MerkleLog(FRONTIER_ONLY);

    private int nextCheckpoint;
    private int checkpointsVerified;
    private long covered;
    private long count;
    private long failedPosition = -1;
    private String failure;

    /** The last event seen of an aggregate. */
    private record Link(String type, long sequence, String hash) {
    }

    /**
     * @param key         the ledger's public key, which must have signed every checkpoint
     * @param checkpoints in any order; several may share a size
     * @param progress    told the number of positions done every {@link #PROGRESS_EVERY} entries and once at the end
     */
    public LedgerVerifier(PublicKey key, List<Checkpoint> checkpoints, LongConsumer progress) {
        this.key = Objects.requireNonNull(key, "key");
        this.keyId = LedgerKeys.keyId(key);
        List<Checkpoint> sorted = new ArrayList<>(checkpoints);
        sorted.sort(Comparator.comparingLong(Checkpoint::treeSize));
        this.checkpoints = sorted;
        this.progress = progress == null ? done -> { } : progress;
        checkDueCheckpoints();
    }

    /** Checks the next entry; returns false once a failure is found, after which nothing more is checked. */
    public boolean accept(LedgerEntry entry, String storedHash) {
        if (failure != null) {
            return false;
        }
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
        if (!entry.hash().equals(storedHash)) {
            return failAt(position, "stored hash does not match its content");
        }
        if (!checkChain(entry, storedHash)) {
            return false;
        }
        tree.append(Merkle.leafHash(HexFormat.of().parseHex(storedHash)));
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
        String name = "aggregate " + (entry.aggregateType() == null ? "" : entry.aggregateType() + " ") + id;
        Link last = aggregates.get(id);
        if (last == null) {
            if (entry.sequence() != 0) {
                return failAt(position, name + " starts at sequence " + entry.sequence() + ", not 0");
            }
            if (entry.previousHash() != null) {
                return failAt(position, "previous hash breaks the chain of " + name + ": its first event names one");
            }
        } else {
            if (!Objects.equals(last.type(), entry.aggregateType())) {
                return failAt(position, name + " was of type " + last.type());
            }
            if (entry.sequence() != last.sequence() + 1) {
                return failAt(position, name + " expected sequence " + (last.sequence() + 1) + ", found " + entry.sequence());
            }
            if (!last.hash().equals(entry.previousHash())) {
                return failAt(position, "previous hash breaks the chain of " + name);
            }
        }
        aggregates.put(id, new Link(entry.aggregateType(), entry.sequence(), hash));
        return true;
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

    /** The verifier needs only the tree's root at the current size, which MerkleLog keeps in memory. */
    private static final NodeStore FRONTIER_ONLY = new NodeStore() {
        @Override
        public byte[] get(int level, long index) {
            return null;
        }

        @Override
        public void put(int level, long index, byte[] hash) {
        }

        @Override
        public void putAll(Map<NodeId, byte[]> nodes) {
        }
    };
}
