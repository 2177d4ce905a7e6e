package org.equalityledger.core.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a {@link MerkleLog} keeps the hashes of its complete subtrees.
 *
 * <p>The node at {@code (level, index)} is the root of the perfect subtree over leaves
 * {@code [index * 2^level, (index + 1) * 2^level)}; level 0 holds the leaf hashes. A node never changes
 * once written: {@code put} must accept the same hash again (an append retried after a crash) and
 * should refuse a different one.
 */
public interface NodeStore {

    /** The hash of the node, or {@code null} if it was never written. */
    byte[] get(int level, long index);

    void put(int level, long index, byte[] hash);

    /** The hashes of {@code nodes}, in their order, {@code null} where absent; a store may do one round trip. */
    default List<byte[]> getAll(List<NodeId> nodes) {
        List<byte[]> hashes = new ArrayList<>(nodes.size());
        for (NodeId node : nodes) {
            hashes.add(get(node.level(), node.index()));
        }
        return hashes;
    }

    /** Writes every node of one append or batch of appends; a store may do one round trip. */
    default void putAll(Map<NodeId, byte[]> nodes) {
        nodes.forEach((node, hash) -> put(node.level(), node.index(), hash));
    }

    record NodeId(int level, long index) {
        public NodeId {
            if (level < 0 || level > 62 || index < 0) {
                throw new IllegalArgumentException("no such node: (" + level + ", " + index + ")");
            }
        }
    }
}
