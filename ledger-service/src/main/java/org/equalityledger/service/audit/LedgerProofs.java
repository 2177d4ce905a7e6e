package org.equalityledger.service.audit;

import java.security.MessageDigest;
import java.util.HexFormat;

import org.equalityledger.core.checkpoint.Checkpoint;
import org.equalityledger.core.merkle.ConsistencyProof;
import org.equalityledger.core.merkle.InclusionProof;
import org.equalityledger.core.merkle.Merkle;
import org.equalityledger.core.merkle.MerkleLog;
import org.equalityledger.service.eventstore.StoredLedger;

/**
 * Inclusion and consistency proofs from the stored Merkle tree, in ledger-core's JSON form, so that an
 * auditor checks them with the offline verifier against checkpoints they hold.
 */
public final class LedgerProofs {

    private final LedgerSealer sealer;
    private final StoredLedger reader;

    public LedgerProofs(LedgerSealer sealer, StoredLedger reader) {
        this.sealer = sealer;
        this.reader = reader;
    }

    /** That the event at {@code position} is in the tree of {@code treeSize} entries (default: the latest checkpoint's). */
    public InclusionProof inclusion(long position, Long treeSize) {
        long size = treeSize != null ? treeSize : latestSize();
        MerkleLog tree = treeHolding(size);
        if (position < 0 || position >= size) {
            throw AuditProblem.badRequest("position " + position + " is not in a tree of " + size + " entries");
        }
        byte[] leaf = tree.leafHash(position);
        StoredLedger.StoredEntry stored = reader.entryAt(position).orElse(null);
        String entryHash = stored == null ? null : stored.storedHash();
        // The stored event must still be what was sealed: its hash the leaf's, and its fields that hash.
        if (entryHash == null || !entryHash.matches("[0-9a-f]{64}") || stored.entry() == null
                || !stored.entry().hash().equals(entryHash)
                || !MessageDigest.isEqual(Merkle.leafHash(HexFormat.of().parseHex(entryHash)), leaf)) {
            throw AuditProblem.conflict("the event stored at position " + position + " no longer matches the sealed "
                    + "tree: the ledger was altered; run GET /api/audit/verify");
        }
        return InclusionProof.of(tree, position, size, entryHash);
    }

    /** That the tree of {@code from} entries is the start of the tree of {@code to} (default: the latest checkpoint's). */
    public ConsistencyProof consistency(long from, Long to) {
        long n = to != null ? to : latestSize();
        MerkleLog tree = treeHolding(n);
        if (from < 1 || from > n) {
            throw AuditProblem.badRequest("from must be between 1 and " + n + ", the size of the larger tree: " + from);
        }
        return ConsistencyProof.of(tree, from, n);
    }

    private long latestSize() {
        return sealer.latest().map(Checkpoint::treeSize)
                .orElseThrow(() -> AuditProblem.notFound("no checkpoint yet: nothing is sealed"));
    }

    private MerkleLog treeHolding(long size) {
        MerkleLog tree = sealer.tree();
        if (size < 1) {
            throw AuditProblem.badRequest("a tree size is at least 1: " + size);
        }
        if (size > tree.size()) {
            throw AuditProblem.notFound("the sealed tree holds " + tree.size() + " entries, not " + size
                    + "; POST /api/audit/checkpoints seals the newer ones");
        }
        return tree;
    }
}
