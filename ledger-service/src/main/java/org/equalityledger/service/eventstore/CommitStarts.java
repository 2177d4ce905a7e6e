package org.equalityledger.service.eventstore;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

import org.bson.Document;
import org.bson.types.Binary;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;

/**
 * Where the commit holding a position starts, so that one event is found with two {@code _id} lookups
 * instead of probing back over the up to 1,000 positions a commit can span:
 *
 * <pre>{_id: block, starts: BinData(1,024 bits: a commit starts at block × 1,024 + bit), first: start of the commit
 * holding the block's first position}</pre>
 *
 * <p>The sealer writes it as it walks the ledger. It is a hint, never trusted: the reader checks that
 * the event it finds through it claims the position asked for, and probes as before when it does not
 * (or when a block was sealed before this index existed).
 */
final class CommitStarts {

    static final int BLOCK = 1_024;

    private final MongoCollection<Document> blocks;

    CommitStarts(MongoDatabase database, String collectionPrefix) {
        this.blocks = database.getCollection(collectionPrefix + "commit_starts");
    }

    /** Records that position {@code from + i} lies in the commit starting at {@code starts[i]}. */
    void record(long from, long[] starts) {
        if (starts.length == 0) {
            return;
        }
        long firstBlock = from / BLOCK;
        long lastBlock = (from + starts.length - 1) / BLOCK;
        List<Long> ids = new ArrayList<>();
        for (long b = firstBlock; b <= lastBlock; b++) {
            ids.add(b);
        }
        Map<Long, Block> changed = new TreeMap<>();
        for (Document doc : blocks.find(in("_id", ids))) {
            Block block = Block.of(doc);
            if (block != null) {
                changed.put(block.id, block);
            }
        }
        for (int i = 0; i < starts.length; i++) {
            long position = from + i;
            Block block = changed.computeIfAbsent(position / BLOCK, Block::new);
            int slot = (int) (position % BLOCK);
            if (starts[i] == position) {
                block.starts[slot >>> 3] |= (byte) (1 << (slot & 7));
            }
            if (slot == 0) {
                block.first = starts[i];
            }
        }
        List<WriteModel<Document>> writes = new ArrayList<>(changed.size());
        for (Block block : changed.values()) {
            // On _id alone: any other condition would make the embedded server scan the collection.
            writes.add(new ReplaceOneModel<>(eq("_id", block.id), block.toDocument(), new ReplaceOptions().upsert(true)));
        }
        blocks.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /** The start of the commit holding {@code position} as recorded, if it was. */
    OptionalLong startOf(long position) {
        Document doc = blocks.find(eq("_id", position / BLOCK)).first();
        Block block = doc == null ? null : Block.of(doc);
        if (block == null) {
            return OptionalLong.empty();
        }
        for (int slot = (int) (position % BLOCK); slot >= 0; slot--) {
            if ((block.starts[slot >>> 3] & (1 << (slot & 7))) != 0) {
                return OptionalLong.of(block.id * BLOCK + slot);
            }
        }
        return block.first < 0 ? OptionalLong.empty() : OptionalLong.of(block.first);
    }

    private static final class Block {
        final long id;
        final byte[] starts;
        long first = -1;

        Block(long id) {
            this(id, new byte[BLOCK / 8]);
        }

        private Block(long id, byte[] starts) {
            this.id = id;
            this.starts = starts;
        }

        /** Null for a malformed block, which is then written anew: it is only a hint. */
        static Block of(Document doc) {
            if (!(doc.get("_id") instanceof Number id) || !(doc.get("starts") instanceof Binary starts)
                    || starts.getData().length != BLOCK / 8) {
                return null;
            }
            Block block = new Block(id.longValue(), starts.getData());
            if (doc.get("first") instanceof Number first) {
                block.first = first.longValue();
            }
            return block;
        }

        Document toDocument() {
            Document doc = new Document("_id", id).append("starts", new Binary(starts));
            return first < 0 ? doc : doc.append("first", first);
        }
    }
}
