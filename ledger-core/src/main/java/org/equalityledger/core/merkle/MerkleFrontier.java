package org.equalityledger.core.merkle;

/**
 * The right edge of an RFC 9162 tree and nothing else: the root at the current size in O(log n)
 * memory, for a reader that checks roots as it goes and never answers proofs.
 *
 * <p>It gives the same roots as a {@link MerkleLog} fed the same leaves, without a store, a batch of
 * writes or a lock per leaf, which on a verification of millions of entries cost more than the hashing.
 */
public final class MerkleFrontier {

    /** subtrees[level] is the perfect subtree of that height at the right edge, present iff bit `level` of size is set. */
    private final byte[][] subtrees = new byte[63][];
    private long size;

    public long size() {
        return size;
    }

    /** Appends a Merkle leaf hash (see {@link Merkle#leafHash}). */
    public void append(byte[] leafHash) {
        if (leafHash == null || leafHash.length != Merkle.HASH_SIZE) {
            throw new IllegalArgumentException("a leaf hash has " + Merkle.HASH_SIZE + " bytes");
        }
        byte[] carry = leafHash;
        int level = 0;
        // Each trailing one bit of the old size is a left sibling that the new leaf now completes.
        for (long i = size; (i & 1) == 1; i >>= 1) {
            carry = Merkle.nodeHash(subtrees[level], carry);
            subtrees[level] = null;
            level++;
        }
        subtrees[level] = carry;
        size++;
    }

    /** MTH of the leaves appended so far. */
    public byte[] root() {
        byte[] root = null;
        for (byte[] subtree : subtrees) {
            if (subtree != null) {
                root = root == null ? subtree : Merkle.nodeHash(subtree, root);
            }
        }
        return root == null ? Merkle.emptyRoot() : root;
    }
}
