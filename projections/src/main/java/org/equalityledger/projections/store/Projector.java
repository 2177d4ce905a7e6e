package org.equalityledger.projections.store;

import java.util.List;

import com.mongodb.client.MongoDatabase;

/**
 * Builds one projection's read models from events, one batch at a time: {@link #begin} with the
 * batch (so that its documents are read in a few {@code $in} queries), {@link #apply} each event in
 * position order, {@link #flush} once. Live processing, a rebuild and a test all drive it this way.
 */
public interface Projector {

    String name();

    /** The read models this projection owns: a rebuild builds a new generation of them ({@link ReadModelGenerations}). */
    List<String> collections();

    void begin(List<LedgerEvent> batch);

    /**
     * Adds events to the batch begun (reads the documents they need that it does not hold yet), so
     * that a rebuild can stream events through one batch as they are read and write it once.
     */
    void extend(List<LedgerEvent> more);

    void apply(LedgerEvent event);

    /**
     * How many commitments the batch holds in memory (their states and the documents derived from
     * them): a rebuild writes the batch when this reaches its limit, so that memory stays bounded
     * however long the ledger, and each commitment is written once a batch.
     */
    int held();

    void flush();

    /**
     * Drops those of the collections that exist: the embedded server logs dropping a missing one as
     * an error with its stack trace, which a first rebuild would print for every collection.
     */
    static void dropExisting(MongoDatabase database, List<String> collections) {
        java.util.Set<String> existing = database.listCollectionNames().into(new java.util.HashSet<>());
        collections.stream().filter(existing::contains).forEach(c -> database.getCollection(c).drop());
    }
}
