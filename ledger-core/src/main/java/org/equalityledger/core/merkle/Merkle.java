package org.equalityledger.core.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;

/**
 * The hash functions of RFC 9162 (Certificate Transparency 2.0) with SHA-256, and the verifiers of its
 * inclusion and consistency proofs, written step by step after sections 2.1.3.2 and 2.1.4.2 so that an
 * auditor can check them against the text.
 *
 * <p>Everything here is a pure function of its arguments: the verifiers trust no state of the ledger.
 */
public final class Merkle {

    public static final int HASH_SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private Merkle() {
    }

    /** MTH({}) = SHA-256(""). */
    public static byte[] emptyRoot() {
        return HASHER.get().digest(0);
    }

    /** MTH({d}) = SHA-256(0x00 || d): the prefix keeps a leaf from posing as an interior node. */
    public static byte[] leafHash(byte[] data) {
        Objects.requireNonNull(data, "data");
        MessageDigest sha = HASHER.get().sha;
        sha.update(LEAF_PREFIX);
        sha.update(data);
        return sha.digest();
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        if (left.length != HASH_SIZE || right.length != HASH_SIZE) {
            throw new IllegalArgumentException("a node joins two hashes of " + HASH_SIZE + " bytes");
        }
        Hasher hasher = HASHER.get();
        byte[] input = hasher.input;
        input[0] = NODE_PREFIX;
        System.arraycopy(left, 0, input, 1, HASH_SIZE);
        System.arraycopy(right, 0, input, 1 + HASH_SIZE, HASH_SIZE);
        return hasher.digest(input.length);
    }

    /** The largest power of two strictly smaller than {@code n}, for n &gt; 1: where RFC 9162 splits a tree. */
    public static long split(long n) {
        if (n < 2) {
            throw new IllegalArgumentException("only a tree of two or more leaves splits: " + n);
        }
        return Long.highestOneBit(n - 1);
    }

    /**
     * RFC 9162 section 2.1.3.2: does {@code proof} show that the leaf with Merkle leaf hash
     * {@code leafHash} (already {@code 0x00}-prefixed and hashed) sits at {@code leafIndex} of the tree of
     * {@code treeSize} leaves whose root is {@code root}?
     */
    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof,
                                          byte[] root) {
        if (!wellFormed(leafHash) || !wellFormed(root) || !wellFormed(proof)) {
            return false;
        }
        // 1. leaf_index must lie inside the tree.
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return false;
        }
        // 2.-3.
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        // 4.
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        // 5.
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * RFC 9162 section 2.1.4.2: does {@code proof} show that the tree of {@code m} leaves with root
     * {@code rootM} is a prefix of the tree of {@code n} leaves with root {@code rootN}?
     *
     * <p>The RFC defines proofs for {@code 0 < m < n} only. For {@code m == n} this accepts exactly the
     * empty proof with equal roots, which is what {@code MerkleLog.consistencyProof(n, n)} returns;
     * {@code m == 0} is refused, as a proof from the empty tree proves nothing.
     */
    public static boolean verifyConsistency(long m, long n, byte[] rootM, byte[] rootN, List<byte[]> proof) {
        if (!wellFormed(rootM) || !wellFormed(rootN) || !wellFormed(proof)) {
            return false;
        }
        if (m <= 0 || m > n) {
            return false;
        }
        if (m == n) {
            return proof.isEmpty() && MessageDigest.isEqual(rootM, rootN);
        }
        // 1.
        if (proof.isEmpty()) {
            return false;
        }
        // 2. The first tree is then a complete subtree of the second, whose hash the proof leaves out.
        int next = 0;
        byte[] first;
        if (Long.bitCount(m) == 1) {
            first = rootM;
        } else {
            first = proof.get(next++);
        }
        // 3.
        long fn = m - 1;
        long sn = n - 1;
        // 4.
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        // 5.
        byte[] fr = first;
        byte[] sr = first;
        // 6.
        for (; next < proof.size(); next++) {
            byte[] c = proof.get(next);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        // 7.
        return MessageDigest.isEqual(fr, rootM) && MessageDigest.isEqual(sr, rootN) && sn == 0;
    }

    private static boolean wellFormed(byte[] hash) {
        return hash != null && hash.length == HASH_SIZE;
    }

    private static boolean wellFormed(List<byte[]> path) {
        if (path == null) {
            return false;
        }
        for (byte[] hash : path) {
            if (!wellFormed(hash)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Each thread's SHA-256, as getting a digest from the providers costs more than hashing a node, and a
     * buffer to lay a node's input out in, as one update costs less than one per part. No hash here can
     * throw between its first update and its digest, which would leave the next one a dirty digest.
     */
    private static final ThreadLocal<Hasher> HASHER = ThreadLocal.withInitial(Hasher::new);

    private static final class Hasher {
        final MessageDigest sha;
        final byte[] input = new byte[1 + 2 * HASH_SIZE];

        Hasher() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        byte[] digest(int length) {
            sha.update(input, 0, length);
            return sha.digest();
        }
    }
}
