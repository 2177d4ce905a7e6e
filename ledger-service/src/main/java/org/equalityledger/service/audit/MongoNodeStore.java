package org.equalityledger.service.audit;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Binary;
import org.equalityledger.core.merkle.Merkle;
import org.equalityledger.core.merkle.NodeStore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;

/**
 * The Merkle log's complete subtrees in MongoDB, in tiles of {@value #TILE} nodes of one level:
 *
 * <pre>{_id: "level:tile", hashes: BinData(128 × 32 bytes), present: BinData(16 bytes, one bit per node)}</pre>
 *
 * Node {@code (level, index)} sits in tile {@code index / 128} of its level, at slot {@code index % 128}.
 * A tile rather than a document per node: two and a half million events make five million nodes, but
 * only some forty thousand tiles, and an append writes a handful of them.
 *
 * <p>Reads and writes are on {@code _id} equality or {@code $in}, which every server answers from its
 * primary index. A node is written once: writing the same hash again (an append retried after a crash
 * or by the next lease holder) is accepted, a different hash is refused. A write reads its tiles,
 * checks them and replaces them: one writer at a time, which the sealer's lease sees to.
 */
public final class MongoNodeStore implements NodeStore {

    public static final String COLLECTION = "ledger_merkle_nodes";
    static final int TILE = 128;
    private static final int HASH = Merkle.HASH_SIZE;
    private static final int MAX_IDS = 2_000;

    private final MongoCollection<Document> tiles;

    public MongoNodeStore(MongoDatabase database) {
        this.tiles = database.getCollection(COLLECTION);
    }

    static String tileId(int level, long index) {
        return level + ":" + index / TILE;
    }

    @Override
    public byte[] get(int level, long index) {
        return getAll(List.of(new NodeId(level, index))).get(0);
    }

    @Override
    public void put(int level, long index, byte[] hash) {
        putAll(Map.of(new NodeId(level, index), hash));
    }

    @Override
    public List<byte[]> getAll(List<NodeId> wanted) {
        Map<String, Tile> found = read(wanted.stream().map(n -> tileId(n.level(), n.index())).distinct().toList());
        List<byte[]> hashes = new ArrayList<>(wanted.size());
        for (NodeId node : wanted) {
            Tile tile = found.get(tileId(node.level(), node.index()));
            hashes.add(tile == null ? null : tile.get((int) (node.index() % TILE)));
        }
        return hashes;
    }

    @Override
    public void putAll(Map<NodeId, byte[]> written) {
        Map<String, Map<Integer, byte[]>> byTile = new HashMap<>();
        for (Map.Entry<NodeId, byte[]> node : written.entrySet()) {
            byte[] hash = node.getValue();
            if (hash == null || hash.length != HASH) {
                throw new IllegalArgumentException("a node hash has " + HASH + " bytes");
            }
            NodeId id = node.getKey();
            byTile.computeIfAbsent(tileId(id.level(), id.index()), t -> new HashMap<>())
                    .put((int) (id.index() % TILE), hash);
        }
        write(byTile);
    }

    private void write(Map<String, Map<Integer, byte[]>> byTile) {
        Map<String, Tile> existing = read(new ArrayList<>(byTile.keySet()));
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, byte[]>> entry : byTile.entrySet()) {
            String id = entry.getKey();
            Tile before = existing.get(id);
            Tile after = before == null ? new Tile() : before.copy();
            boolean changed = false;
            for (Map.Entry<Integer, byte[]> node : entry.getValue().entrySet()) {
                byte[] stored = after.get(node.getKey());
                if (stored == null) {
                    after.set(node.getKey(), node.getValue());
                    changed = true;
                } else if (!Arrays.equals(stored, node.getValue())) {
                    String level = id.substring(0, id.indexOf(':'));
                    long index = Long.parseLong(id.substring(id.indexOf(':') + 1)) * TILE + node.getKey();
                    throw new IllegalStateException("Merkle node (" + level + ", " + index
                            + ") already holds another hash: the stored tree disagrees with the ledger");
                }
            }
            if (changed) {
                // On _id alone: any other condition would make the embedded server scan the collection.
                writes.add(new ReplaceOneModel<>(eq("_id", id), after.toDocument(id), new ReplaceOptions().upsert(true)));
            }
        }
        if (!writes.isEmpty()) {
            tiles.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    private Map<String, Tile> read(List<String> ids) {
        Map<String, Tile> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += MAX_IDS) {
            for (Document doc : tiles.find(in("_id", ids.subList(from, Math.min(ids.size(), from + MAX_IDS))))) {
                found.put(doc.getString("_id"), Tile.of(doc));
            }
        }
        return found;
    }

    private static final class Tile {
        final byte[] hashes;
        final byte[] present;

        Tile() {
            this(new byte[TILE * HASH], new byte[TILE / 8]);
        }

        private Tile(byte[] hashes, byte[] present) {
            this.hashes = hashes;
            this.present = present;
        }

        static Tile of(Document doc) {
            Object hashes = doc.get("hashes");
            Object present = doc.get("present");
            if (!(hashes instanceof Binary h) || !(present instanceof Binary p)
                    || h.getData().length != TILE * HASH || p.getData().length != TILE / 8) {
                throw new IllegalStateException("the Merkle node tile " + doc.get("_id") + " is malformed");
            }
            return new Tile(h.getData(), p.getData());
        }

        Tile copy() {
            return new Tile(hashes.clone(), present.clone());
        }

        byte[] get(int slot) {
            if ((present[slot >>> 3] & (1 << (slot & 7))) == 0) {
                return null;
            }
            return Arrays.copyOfRange(hashes, slot * HASH, (slot + 1) * HASH);
        }

        void set(int slot, byte[] hash) {
            System.arraycopy(hash, 0, hashes, slot * HASH, HASH);
            present[slot >>> 3] |= (byte) (1 << (slot & 7));
        }

        Document toDocument(String id) {
            return new Document("_id", id).append("hashes", new Binary(hashes)).append("present", new Binary(present));
        }
    }
}
