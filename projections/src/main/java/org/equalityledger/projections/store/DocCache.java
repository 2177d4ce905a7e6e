package org.equalityledger.projections.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;

/**
 * The documents of one read-model collection that a batch of events reads and changes. Every read
 * is by {@code _id} (one id, or {@code $in} for a batch), the only reads the embedded server answers
 * from an index; changed documents are written back at the end of the batch, in ordered bulk writes of
 * {@value #WRITE_CHUNK}.
 * Each document carries {@value #POSITION}, the position of the last event applied to it, so that an
 * event replayed after a crash between two writes changes nothing twice.
 */
public final class DocCache {

    public static final String POSITION = "_pos";
    private static final int CHUNK = 1_000;
    /**
     * Documents per write command: the embedded server took a batch of 1,000 commitment states (a few
     * MB in one message) at half the rate of batches of a few hundred.
     */
    private static final int WRITE_CHUNK = 250;

    private final MongoCollection<Document> collection;
    private final Map<String, Document> docs = new HashMap<>();
    private final Set<String> absent = new java.util.HashSet<>();
    private final Set<String> dirty = new LinkedHashSet<>();
    /** Dirty documents the store was seen not to hold: inserted, which costs the server no lookup. */
    private final Set<String> fresh = new java.util.HashSet<>();
    /** Documents read from the store (so known to be there). */
    private final Set<String> stored = new java.util.HashSet<>();

    public DocCache(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /** Reads the documents not yet known, in {@code $in} queries of up to 1,000 ids. */
    public void preload(Collection<String> ids) {
        List<String> missing = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            if (!docs.containsKey(id) && !absent.contains(id)) {
                missing.add(id);
            }
        }
        for (int from = 0; from < missing.size(); from += CHUNK) {
            List<String> chunk = missing.subList(from, Math.min(missing.size(), from + CHUNK));
            Set<String> notFound = new java.util.HashSet<>(chunk);
            for (Document doc : collection.find(in("_id", chunk))) {
                String id = doc.getString("_id");
                docs.put(id, doc);
                stored.add(id);
                notFound.remove(id);
            }
            absent.addAll(notFound);
        }
    }

    /** The document, or null when there is none. */
    public Document get(String id) {
        Document doc = docs.get(id);
        if (doc != null || absent.contains(id)) {
            return doc;
        }
        doc = collection.find(eq("_id", id)).first();
        if (doc == null) {
            absent.add(id);
        } else {
            docs.put(id, doc);
            stored.add(id);
        }
        return doc;
    }

    public void put(String id, Document doc) {
        doc.put("_id", id);
        docs.put(id, doc);
        if (absent.remove(id)) {
            fresh.add(id);
        }
        dirty.add(id);
    }

    /**
     * For changed documents never read (written blind, like snapshots): asks the store in one
     * {@code $in} query which of them it holds, so that the others are inserted by {@link #flush}.
     */
    public void checkWhichAreNew() {
        List<String> unknown = new ArrayList<>();
        for (String id : dirty) {
            if (!fresh.contains(id) && !stored.contains(id)) {
                unknown.add(id);
            }
        }
        for (int from = 0; from < unknown.size(); from += CHUNK) {
            List<String> chunk = unknown.subList(from, Math.min(unknown.size(), from + CHUNK));
            Set<String> found = new java.util.HashSet<>();
            for (Document doc : collection.find(in("_id", chunk)).projection(new Document("_id", 1))) {
                found.add(doc.getString("_id"));
            }
            for (String id : chunk) {
                (found.contains(id) ? stored : fresh).add(id);
            }
        }
    }

    public boolean isDirty() {
        return !dirty.isEmpty();
    }

    public Set<String> dirtyIds() {
        return dirty;
    }

    /**
     * Writes the changed documents: those the store did not hold are inserted, the others replaced.
     * A document inserted here and the batch then failing is found by the retry's reads and replaced.
     */
    public void flush() {
        if (dirty.isEmpty()) {
            return;
        }
        List<Document> inserts = new ArrayList<>(Math.min(fresh.size(), WRITE_CHUNK));
        List<WriteModel<Document>> replaces = new ArrayList<>(Math.min(dirty.size(), WRITE_CHUNK));
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        for (String id : dirty) {
            if (fresh.contains(id)) {
                inserts.add(docs.get(id));
                if (inserts.size() == WRITE_CHUNK) {
                    collection.insertMany(inserts, new InsertManyOptions().ordered(true));
                    inserts.clear();
                }
            } else {
                replaces.add(new ReplaceOneModel<>(eq("_id", id), docs.get(id), upsert));
                if (replaces.size() == WRITE_CHUNK) {
                    collection.bulkWrite(replaces, new BulkWriteOptions().ordered(true));
                    replaces.clear();
                }
            }
        }
        if (!inserts.isEmpty()) {
            collection.insertMany(inserts, new InsertManyOptions().ordered(true));
        }
        if (!replaces.isEmpty()) {
            collection.bulkWrite(replaces, new BulkWriteOptions().ordered(true));
        }
        stored.addAll(dirty);
        dirty.clear();
        fresh.clear();
    }

    /** The position of the last event applied to the document; -1 for none or no document. */
    public static long position(Document doc) {
        if (doc == null) {
            return -1;
        }
        Object p = doc.get(POSITION);
        return p instanceof Number n ? n.longValue() : -1;
    }
}
