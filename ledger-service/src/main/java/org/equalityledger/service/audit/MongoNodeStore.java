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

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;

/**
 * The Merkle log's complete subtrees in MongoDB, one document per node:
 * {@code {_id: "level:index", hash: BinData(32 bytes)}}.
 *
 * <p>Reads are {@code _id} equality or {@code $in}, which every server answers from its primary index.
 * A node is written once: writing the same hash again (an append retried after a crash or by the next
 * lease holder) is accepted, a different hash is refused.
 */
public final class MongoNodeStore implements NodeStore {

    public static final String COLLECTION = "ledger_merkle_nodes";
    private static final String HASH = "hash";
    private static final int MAX_BATCH = 10_000;

    private final MongoCollection<Document> nodes;

    public MongoNodeStore(MongoDatabase database) {
        this(database.getCollection(COLLECTION));
    }

    MongoNodeStore(MongoCollection<Document> nodes) {
        this.nodes = nodes;
    }

    static String id(int level, long index) {
        return level + ":" + index;
    }

    @Override
    public byte[] get(int level, long index) {
        Document doc = nodes.find(eq("_id", id(level, index))).first();
        return doc == null ? null : hash(doc);
    }

    @Override
    public void put(int level, long index, byte[] hash) {
        putAll(Map.of(new NodeId(level, index), hash));
    }

    @Override
    public List<byte[]> getAll(List<NodeId> wanted) {
        Map<String, byte[]> found = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += MAX_BATCH) {
            List<String> ids = wanted.subList(from, Math.min(wanted.size(), from + MAX_BATCH)).stream()
                    .map(n -> id(n.level(), n.index())).toList();
            for (Document doc : nodes.find(in("_id", ids))) {
                found.put(doc.getString("_id"), hash(doc));
            }
        }
        List<byte[]> hashes = new ArrayList<>(wanted.size());
        for (NodeId node : wanted) {
            hashes.add(found.get(id(node.level(), node.index())));
        }
        return hashes;
    }

    @Override
    public void putAll(Map<NodeId, byte[]> written) {
        List<Map.Entry<NodeId, byte[]>> all = new ArrayList<>(written.entrySet());
        for (int from = 0; from < all.size(); from += MAX_BATCH) {
            insert(all.subList(from, Math.min(all.size(), from + MAX_BATCH)));
        }
    }

    private void insert(List<Map.Entry<NodeId, byte[]>> batch) {
        List<Document> docs = new ArrayList<>(batch.size());
        for (Map.Entry<NodeId, byte[]> node : batch) {
            byte[] hash = node.getValue();
            if (hash == null || hash.length != Merkle.HASH_SIZE) {
                throw new IllegalArgumentException("a node hash has " + Merkle.HASH_SIZE + " bytes");
            }
            docs.add(new Document("_id", id(node.getKey().level(), node.getKey().index())).append(HASH, new Binary(hash)));
        }
        if (docs.isEmpty()) {
            return;
        }
        List<Integer> duplicates = new ArrayList<>();
        try {
            nodes.insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                duplicates.add(error.getIndex());
            }
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY || docs.size() != 1) {
                throw e;
            }
            duplicates.add(0);
        }
        if (duplicates.isEmpty()) {
            return;
        }
        // Already there: fine if it is the same hash, an append done twice; anything else is refused.
        List<NodeId> again = duplicates.stream().map(i -> batch.get(i).getKey()).toList();
        List<byte[]> stored = getAll(again);
        for (int i = 0; i < again.size(); i++) {
            byte[] wanted = batch.get(duplicates.get(i)).getValue();
            if (!Arrays.equals(stored.get(i), wanted)) {
                throw new IllegalStateException("Merkle node (" + again.get(i).level() + ", " + again.get(i).index()
                        + ") already holds another hash: the stored tree disagrees with the ledger");
            }
        }
    }

    private static byte[] hash(Document doc) {
        Object value = doc.get(HASH);
        return value instanceof Binary binary ? binary.getData() : null;
    }
}
