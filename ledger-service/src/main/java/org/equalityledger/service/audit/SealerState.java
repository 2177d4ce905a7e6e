package org.equalityledger.service.audit;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * The one document in {@code ledger_sealer}: who holds the sealing lease and until when, how many
 * entries the stored Merkle tree holds, and the size of the latest checkpoint.
 *
 * <pre>{_id: "sealer", holder: "…", leaseUntil: epoch millis, treeSize: n, checkpointSize: m}</pre>
 *
 * Every access is on {@code _id} equality; the lease is taken and renewed with one findOneAndUpdate,
 * and the sizes are written only by the holder.
 */
public final class SealerState {

    public static final String COLLECTION = "ledger_sealer";
    private static final String ID = "sealer";

    private final MongoCollection<Document> state;
    private final String holder;
    private final Duration lease;
    private final Clock clock;
    private volatile boolean exists;

    public SealerState(MongoDatabase database, Duration lease, Clock clock) {
        this.state = database.getCollection(COLLECTION);
        this.holder = UUID.randomUUID().toString();
        this.lease = lease;
        this.clock = clock;
    }

    public record Sizes(long treeSize, long checkpointSize) {
    }

    public Sizes sizes() {
        Document doc = state.find(eq("_id", ID)).first();
        if (doc == null) {
            return new Sizes(0, 0);
        }
        return new Sizes(number(doc, "treeSize"), number(doc, "checkpointSize"));
    }

    /** Takes or renews the lease; false if another instance holds it. */
    public boolean acquire() {
        long now = clock.millis();
        if (!exists) {
            // Made once, on _id equality alone, so that the lease below never needs an upsert.
            state.updateOne(eq("_id", ID), Updates.setOnInsert("leaseUntil", 0L), new UpdateOptions().upsert(true));
            exists = true;
        }
        Document doc = state.findOneAndUpdate(
                and(eq("_id", ID), or(eq("holder", holder), lt("leaseUntil", now))),
                Updates.combine(Updates.set("holder", holder), Updates.set("leaseUntil", now + lease.toMillis())),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return doc != null && holder.equals(doc.getString("holder"));
    }

    public void release() {
        state.updateOne(and(eq("_id", ID), eq("holder", holder)), Updates.set("leaseUntil", 0L));
    }

    /** Records the stored tree's size; false if the lease was lost meanwhile. */
    public boolean treeSize(long size) {
        return state.updateOne(and(eq("_id", ID), eq("holder", holder)),
                Updates.combine(Updates.set("treeSize", size), Updates.set("leaseUntil", clock.millis() + lease.toMillis())))
                .getMatchedCount() == 1;
    }

    public boolean checkpointSize(long size) {
        return state.updateOne(and(eq("_id", ID), eq("holder", holder)), Updates.max("checkpointSize", size))
                .getMatchedCount() == 1;
    }

    private static long number(Document doc, String field) {
        Object value = doc.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }
}
