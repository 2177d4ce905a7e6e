package org.equalityledger.core.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link NodeStore} in the heap, for tests and for the offline verifier.
 *
 * <p>Hashes sit in flat chunks rather than one object per node: two and a half million leaves make five
 * million nodes, about 160 MB this way against several times that as boxed map entries.
 */
public final class InMemoryNodeStore implements NodeStore {

    private static final int CHUNK_BITS = 14;
    private static final int CHUNK_SIZE = 1 << CHUNK_BITS;

    private final List<List<Chunk>> levels = new ArrayList<>();

    @Override
    public synchronized byte[] get(int level, long index) {
        Chunk chunk = chunk(level, index, false);
        int slot = (int) (index & (CHUNK_SIZE - 1));
        if (chunk == null || !chunk.has(slot)) {
            return null;
        }
        return Arrays.copyOfRange(chunk.hashes, slot * Merkle.HASH_SIZE, (slot + 1) * Merkle.HASH_SIZE);
    }

    @Override
    public synchronized void put(int level, long index, byte[] hash) {
        if (hash == null || hash.length != Merkle.HASH_SIZE) {
            throw new IllegalArgumentException("a node hash has " + Merkle.HASH_SIZE + " bytes");
        }
        Chunk chunk = chunk(level, index, true);
        int slot = (int) (index & (CHUNK_SIZE - 1));
        int from = slot * Merkle.HASH_SIZE;
        if (chunk.has(slot)) {
            if (!Arrays.equals(chunk.hashes, from, from + Merkle.HASH_SIZE, hash, 0, Merkle.HASH_SIZE)) {
                throw new IllegalStateException("node (" + level + ", " + index + ") already holds another hash");
            }
            return;
        }
        System.arraycopy(hash, 0, chunk.hashes, from, Merkle.HASH_SIZE);
        chunk.present[slot >>> 6] |= 1L << slot;
    }

    private Chunk chunk(int level, long index, boolean create) {
        if (level < 0 || index < 0) {
            throw new IllegalArgumentException("no such node: (" + level + ", " + index + ")");
        }
        long chunkIndex = index >>> CHUNK_BITS;
        if (chunkIndex > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many nodes for memory: " + index);
        }
        while (create && levels.size() <= level) {
            levels.add(new ArrayList<>());
        }
        if (level >= levels.size()) {
            return null;
        }
        List<Chunk> chunks = levels.get(level);
        while (create && chunks.size() <= chunkIndex) {
            chunks.add(null);
        }
        if (chunkIndex >= chunks.size()) {
            return null;
        }
        Chunk chunk = chunks.get((int) chunkIndex);
        if (chunk == null && create) {
            chunk = new Chunk();
            chunks.set((int) chunkIndex, chunk);
        }
        return chunk;
    }

    private static final class Chunk {
        final byte[] hashes = new byte[CHUNK_SIZE * Merkle.HASH_SIZE];
        final long[] present = new long[CHUNK_SIZE / 64];

        boolean has(int slot) {
            return (present[slot >>> 6] & (1L << slot)) != 0;
        }
    }
}
