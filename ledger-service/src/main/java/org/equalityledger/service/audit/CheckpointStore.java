package org.equalityledger.service.audit;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.equalityledger.core.checkpoint.Checkpoint;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * Every signed checkpoint, kept forever in {@code ledger_checkpoints}:
 * {@code {_id: treeSize, rootHash, issuedAt, signature, keyId}}, the fields as signed.
 */
public final class CheckpointStore {

    public static final String COLLECTION = "ledger_checkpoints";

    private final MongoCollection<Document> checkpoints;

    public CheckpointStore(MongoDatabase database) {
        this.checkpoints = database.getCollection(COLLECTION);
    }

    /** Stores it; if one of that size is already there (a seal retried), that one stays and is returned. */
    public Checkpoint add(Checkpoint checkpoint) {
        try {
            checkpoints.insertOne(new Document("_id", checkpoint.treeSize())
                    .append("rootHash", checkpoint.rootHash())
                    .append("issuedAt", checkpoint.issuedAt())
                    .append("signature", checkpoint.signature())
                    .append("keyId", checkpoint.keyId()));
            return checkpoint;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return at(checkpoint.treeSize()).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    public Optional<Checkpoint> at(long treeSize) {
        Document doc = checkpoints.find(eq("_id", treeSize)).first();
        return doc == null ? Optional.empty() : Optional.of(fromDocument(doc));
    }

    /**
     * All of them by tree size. A full read of the collection, which holds one small document per
     * seal; throws {@link IllegalStateException} if a stored document is not a checkpoint.
     */
    public List<Checkpoint> all() {
        List<Checkpoint> all = new ArrayList<>();
        for (Document doc : checkpoints.find()) {
            all.add(fromDocument(doc));
        }
        all.sort(Comparator.comparingLong(Checkpoint::treeSize));
        return all;
    }

    private static Checkpoint fromDocument(Document doc) {
        try {
            Object id = doc.get("_id");
            if (!(id instanceof Number size)) {
                throw new IllegalArgumentException("_id is not a tree size");
            }
            return new Checkpoint(size.longValue(), doc.getString("rootHash"), doc.getString("issuedAt"),
                    doc.getString("signature"), doc.getString("keyId"));
        } catch (RuntimeException e) {
            throw new IllegalStateException("the stored checkpoint " + doc.get("_id") + " is not readable: "
                    + e.getMessage(), e);
        }
    }
}
