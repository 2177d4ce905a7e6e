package org.equalityledger.service.web;

import java.time.Instant;
import java.util.Optional;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * The first answer to each idempotent request, keyed by a hash of (user, method, path, key) as
 * {@code _id}; every read and write is an equality match on {@code _id}. A record is first claimed
 * {@code in-progress}, then holds the answer once it succeeded; a request that failed leaves no record
 * (it changed nothing, so running it again is the same as replaying it).
 */
public class IdempotencyStore {

    public static final String COLLECTION = "api_idempotency_keys";

    private final MongoCollection<Document> keys;

    public IdempotencyStore(MongoDatabase database) {
        this.keys = database.getCollection(COLLECTION);
    }

    /** A stored answer; {@code position} is its {@code Ledger-Position} (null for answers stored before it was). */
    public record Answer(int status, String location, String contentType, String body, String position) {
    }

    /** What the store holds for a key: the request's fingerprint and, once done, its answer. */
    public record Claim(String fingerprint, Instant startedAt, Answer answer) {
    }

    /** Claims the key for a request; empty when claimed, else what was there already. */
    public Optional<Claim> claim(String id, String fingerprint, String userId, Instant startedAt) {
        try {
            keys.insertOne(new Document("_id", id)
                    .append("fingerprint", fingerprint)
                    .append("user", userId)
                    .append("state", "in-progress")
                    .append("startedAt", startedAt.toString()));
            return Optional.empty();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document doc = keys.find(Filters.eq("_id", id)).first();
        if (doc == null) {
            // The first request failed and released the key meanwhile: claim it again.
            return claim(id, fingerprint, userId, startedAt);
        }
        Answer answer = "done".equals(doc.getString("state"))
                ? new Answer(doc.getInteger("status"), doc.getString("location"), doc.getString("contentType"),
                doc.getString("body"), doc.getString("position"))
                : null;
        String firstStarted = doc.getString("startedAt");
        return Optional.of(new Claim(doc.getString("fingerprint"),
                firstStarted == null ? null : Instant.parse(firstStarted), answer));
    }

    public void complete(String id, String fingerprint, String userId, Instant startedAt, Answer answer) {
        keys.replaceOne(Filters.eq("_id", id), new Document("_id", id)
                .append("fingerprint", fingerprint)
                .append("user", userId)
                .append("state", "done")
                .append("startedAt", startedAt.toString())
                .append("status", answer.status())
                .append("location", answer.location())
                .append("contentType", answer.contentType())
                .append("body", answer.body())
                .append("position", answer.position())
                .append("completedAt", Instant.now().toString()));
    }

    public void release(String id) {
        keys.deleteOne(Filters.eq("_id", id));
    }
}
