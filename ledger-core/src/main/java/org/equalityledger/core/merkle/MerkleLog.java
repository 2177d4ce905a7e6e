package org.equalityledger.core.merkle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An append-only RFC 9162 Merkle tree whose complete subtrees live in a {@link NodeStore}.
 *
 * <p>Every range the RFC's recursion visits starts on a multiple of a power of two at least as long as
 * the range, so it splits into at most one stored perfect subtree per bit of its length. The root at
 * any size and every proof therefore read O(log n) nodes, fetched in a single {@link NodeStore#getAll}.
 *
 * <p>Appends must come from one writer at a time (they are serialised here, but two logs over one store
 * would race); roots and proofs for sizes up to {@link #size()} read only nodes that never change.
 */
public final class MerkleLog {

    private final NodeStore store;
    /** frontier[level] is the perfect subtree of that height at the right edge, present iff bit `level` of size is set. */
    private final byte[][] frontier = new byte[63][];
    private volatile long size;

    /** A new, empty log. */
    public MerkleLog(NodeStore store) {
        this.store = store;
    }

    /** Resumes a log of {@code size} leaves whose nodes are already in {@code store}. */
    public static MerkleLog open(NodeStore store, long size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        MerkleLog log = new MerkleLog(store);
        List<NodeStore.NodeId> edge = perfectSubtrees(0, size);
        List<byte[]> hashes = fetch(store, edge);
        for (int i = 0; i < edge.size(); i++) {
            log.frontier[edge.get(i).level()] = hashes.get(i);
        }
        log.size = size;
        return log;
    }

    public long size() {
        return size;
    }

    /** Appends a Merkle leaf hash (see {@link Merkle#leafHash}) and returns its index. */
    public synchronized long append(byte[] leafHash) {
        return appendAll(List.of(leafHash));
    }

    /** Appends the ledger entry whose hash is {@code entryHashHex}: its leaf data are the 32 raw hash bytes. */
    public long appendEntryHash(String entryHashHex) {
        return append(Merkle.leafHash(HexFormat.of().parseHex(entryHashHex)));
    }

    /** Appends several leaf hashes with one write to the store; returns the index of the first. */
    public synchronized long appendAll(List<byte[]> leafHashes) {
        byte[][] edge = frontier.clone();
        Map<NodeStore.NodeId, byte[]> writes = new LinkedHashMap<>();
        long first = size;
        long index = first;
        for (byte[] leafHash : leafHashes) {
            if (leafHash == null || leafHash.length != Merkle.HASH_SIZE) {
                throw new IllegalArgumentException("a leaf hash has " + Merkle.HASH_SIZE + " bytes");
            }
            writes.put(new NodeStore.NodeId(0, index), leafHash);
            byte[] carry = leafHash;
            int level = 0;
            // Each trailing one bit of the old size is a left sibling that the new leaf now completes.
            for (long i = index; (i & 1) == 1; i >>= 1) {
                carry = Merkle.nodeHash(edge[level], carry);
                edge[level] = null;
                level++;
                writes.put(new NodeStore.NodeId(level, i >> 1), carry);
            }
            edge[level] = carry;
            index++;
        }
        // Memory changes only once the store has everything, so a failed write leaves the log as it was.
        store.putAll(writes);
        System.arraycopy(edge, 0, frontier, 0, edge.length);
        size = index;
        return first;
    }

    /** The root of the whole log, from memory. */
    public synchronized byte[] root() {
        byte[] root = null;
        for (byte[] subtree : frontier) {
            if (subtree != null) {
                root = root == null ? subtree : Merkle.nodeHash(subtree, root);
            }
        }
        return root == null ? Merkle.emptyRoot() : root;
    }

    /** MTH(D[0:treeSize]) for any treeSize up to {@link #size()}. */
    public byte[] root(long treeSize) {
        requireSize(treeSize);
        if (treeSize == 0) {
            return Merkle.emptyRoot();
        }
        return resolve(List.of(new long[] {0, treeSize})).get(0);
    }

    /** The Merkle leaf hash stored at {@code index}. */
    public byte[] leafHash(long index) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("no leaf " + index + " in a log of " + size);
        }
        return fetch(store, List.of(new NodeStore.NodeId(0, index))).get(0);
    }

    /** RFC 9162 section 2.1.3.1: PATH(leafIndex, D[0:treeSize]). */
    public List<byte[]> inclusionProof(long leafIndex, long treeSize) {
        requireSize(treeSize);
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not in a tree of " + treeSize);
        }
        List<long[]> ranges = new ArrayList<>();
        path(leafIndex, 0, treeSize, ranges);
        return resolve(ranges);
    }

    /** RFC 9162 section 2.1.4.1: PROOF(m, D[0:n]); empty for m == n. */
    public List<byte[]> consistencyProof(long m, long n) {
        requireSize(n);
        if (m <= 0 || m > n) {
            throw new IllegalArgumentException("no consistency proof from " + m + " to " + n);
        }
        List<long[]> ranges = new ArrayList<>();
        subproof(m, 0, n, true, ranges);
        return resolve(ranges);
    }

    private static void path(long m, long lo, long hi, List<long[]> out) {
        if (hi - lo == 1) {
            return;
        }
        long k = lo + Merkle.split(hi - lo);
        if (m < k) {
            path(m, lo, k, out);
            out.add(new long[] {k, hi});
        } else {
            path(m, k, hi, out);
            out.add(new long[] {lo, k});
        }
    }

    /** {@code m} is absolute: the old tree is D[0:m] and this call looks at D[lo:hi]. */
    private static void subproof(long m, long lo, long hi, boolean complete, List<long[]> out) {
        if (m == hi) {
            if (!complete) {
                out.add(new long[] {lo, hi});
            }
            return;
        }
        long k = lo + Merkle.split(hi - lo);
        if (m <= k) {
            subproof(m, lo, k, complete, out);
            out.add(new long[] {k, hi});
        } else {
            subproof(m, k, hi, false, out);
            out.add(new long[] {lo, k});
        }
    }

    /** The hash of each range [lo, hi), reading all the stored nodes they need in one batch. */
    private List<byte[]> resolve(List<long[]> ranges) {
        List<List<NodeStore.NodeId>> parts = new ArrayList<>(ranges.size());
        Map<NodeStore.NodeId, Integer> slots = new LinkedHashMap<>();
        for (long[] range : ranges) {
            List<NodeStore.NodeId> subtrees = perfectSubtrees(range[0], range[1]);
            parts.add(subtrees);
            for (NodeStore.NodeId node : subtrees) {
                slots.putIfAbsent(node, slots.size());
            }
        }
        List<NodeStore.NodeId> wanted = new ArrayList<>(slots.keySet());
        List<byte[]> fetched = fetch(store, wanted);
        Map<NodeStore.NodeId, byte[]> hashes = new HashMap<>();
        for (int i = 0; i < wanted.size(); i++) {
            hashes.put(wanted.get(i), fetched.get(i));
        }
        List<byte[]> result = new ArrayList<>(ranges.size());
        for (List<NodeStore.NodeId> subtrees : parts) {
            // MTH splits off the largest perfect subtree on the left, so the hash folds from the right.
            byte[] hash = hashes.get(subtrees.get(subtrees.size() - 1));
            for (int i = subtrees.size() - 2; i >= 0; i--) {
                hash = Merkle.nodeHash(hashes.get(subtrees.get(i)), hash);
            }
            result.add(hash);
        }
        return result;
    }

    /** The perfect subtrees of [lo, hi), left to right; lo must be aligned as RFC 9162's recursion aligns it. */
    private static List<NodeStore.NodeId> perfectSubtrees(long lo, long hi) {
        List<NodeStore.NodeId> nodes = new ArrayList<>(Long.bitCount(hi - lo));
        long at = lo;
        for (long rest = hi - lo; rest != 0; ) {
            long width = Long.highestOneBit(rest);
            int level = Long.numberOfTrailingZeros(width);
            nodes.add(new NodeStore.NodeId(level, at >> level));
            at += width;
            rest -= width;
        }
        return nodes;
    }

    private static List<byte[]> fetch(NodeStore store, List<NodeStore.NodeId> nodes) {
        List<byte[]> hashes = store.getAll(nodes);
        if (hashes.size() != nodes.size()) {
            throw new IllegalStateException("the node store answered " + hashes.size() + " of " + nodes.size() + " nodes");
        }
        for (int i = 0; i < nodes.size(); i++) {
            byte[] hash = hashes.get(i);
            if (hash == null || hash.length != Merkle.HASH_SIZE) {
                throw new IllegalStateException("the node store lacks node " + nodes.get(i));
            }
        }
        return hashes;
    }

    private void requireSize(long treeSize) {
        if (treeSize < 0 || treeSize > size) {
            throw new IllegalArgumentException("tree size " + treeSize + " is not in a log of " + size);
        }
    }
}
