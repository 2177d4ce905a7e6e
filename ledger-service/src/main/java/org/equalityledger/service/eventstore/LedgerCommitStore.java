package org.equalityledger.service.eventstore;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.LongStream;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * The ledger's collections and every query it sends to them.
 *
 * <p>Every read is an equality or {@code $in} on {@code _id} or on the unique {@code keys} index.
 * The in-process MongoDB server uses an index for nothing else (a range or a sort scans the whole
 * collection), and real MongoDB answers these from its B-trees as well, so no read grows with the
 * size of the ledger.
 */
final class LedgerCommitStore {

    /** How many positions one probe asks for when walking forward or back through commits. */
    static final int WINDOW = 64;
    private static final String HEAD = "head";
    private static final String SEQUENCE_INDEX = "aggregate_sequence_unique";

    private final MongoCollection<Document> commits;
    private final MongoCollection<Document> snapshots;
    private final MongoCollection<Document> meta;

    LedgerCommitStore(MongoDatabase database, String collectionPrefix) {
        this.commits = database.getCollection(collectionPrefix + "events");
        this.snapshots = database.getCollection(collectionPrefix + "snapshots");
        this.meta = database.getCollection(collectionPrefix + "meta");
    }

    void ensureIndexes() {
        commits.createIndex(Indexes.ascending(LedgerCommit.KEYS),
                new IndexOptions().unique(true).sparse(true).name(SEQUENCE_INDEX));
    }

    MongoCollection<Document> commitCollection() {
        return commits;
    }

    /** Inserts the commit, or throws {@link Conflict} saying which unique key refused it. */
    void insert(LedgerCommit commit) {
        try {
            commits.insertOne(commit.toDocument());
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                // Both servers name the refusing index in the message: "... index: <name> dup key: ...".
                boolean sequenceTaken = String.valueOf(e.getError().getMessage()).contains(SEQUENCE_INDEX);
                throw new Conflict(sequenceTaken ? Conflict.Kind.AGGREGATE_SEQUENCE : Conflict.Kind.POSITION, e);
            }
            throw e;
        }
    }

    /** Commits whose first position lies in {@code [from, from + count)}, in position order. */
    List<LedgerCommit> commitsStartingIn(long from, int count) {
        List<Long> ids = LongStream.range(Math.max(0, from), Math.max(0, from + count)).boxed().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return find(in(LedgerCommit.ID, ids));
    }

    /** The commit holding {@code position}: the one starting there, else looking back in windows from it. */
    Optional<LedgerCommit> commitContaining(long position) {
        if (position < 0) {
            return Optional.empty();
        }
        // Most commits hold one command's events, so most positions start one: a single _id lookup.
        List<LedgerCommit> starting = find(eq(LedgerCommit.ID, position));
        if (!starting.isEmpty()) {
            return Optional.of(starting.get(0));
        }
        for (long upTo = position; upTo >= 0; upTo -= WINDOW) {
            List<LedgerCommit> found = commitsStartingIn(upTo - WINDOW + 1, WINDOW);
            if (!found.isEmpty()) {
                LedgerCommit last = found.get(found.size() - 1);
                return last.nextPosition() > position ? Optional.of(last) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Commits holding any of the given (aggregate, sequence) keys, each once, in position order. */
    List<LedgerCommit> commitsWithKeys(List<String> keys) {
        return keys.isEmpty() ? List.of() : find(in(LedgerCommit.KEYS, keys));
    }

    /** The hash stored with each event of the commits holding any of these keys, by position. */
    Map<Long, String> storedHashesWithKeys(List<String> keys) {
        Map<Long, String> hashes = new HashMap<>();
        if (!keys.isEmpty()) {
            for (Document doc : commits.find(in(LedgerCommit.KEYS, keys))) {
                for (Document event : doc.getList(LedgerCommit.EVENTS, Document.class)) {
                    if (event.get("position") instanceof Number position && event.get("hash") instanceof String hash) {
                        hashes.put(position.longValue(), hash);
                    }
                }
            }
        }
        return hashes;
    }

    private List<LedgerCommit> find(Bson filter) {
        // Ordered and de-duplicated here: a multikey $in may name one document once per key it matches.
        TreeMap<Long, LedgerCommit> byPosition = new TreeMap<>();
        for (Document doc : commits.find(filter)) {
            LedgerCommit commit = LedgerCommit.fromDocument(doc);
            byPosition.putIfAbsent(commit.firstPosition(), commit);
        }
        return new ArrayList<>(byPosition.values());
    }

    /**
     * The first free position, walking forward from a position known to start a commit (or to be the
     * end). Any commit end is such a position, so a stale hint only costs a few probes.
     */
    long walkFrom(long boundary) {
        long next = boundary;
        while (true) {
            List<LedgerCommit> window = commitsStartingIn(next, WINDOW);
            long windowEnd = next + WINDOW;
            boolean moved = false;
            for (LedgerCommit commit : window) {
                if (commit.firstPosition() != next) {
                    break;
                }
                next = commit.nextPosition();
                moved = true;
            }
            if (!moved || next < windowEnd) {
                return next;
            }
        }
    }

    /** A position every writer has gone past; kept loosely, since walking forward corrects it. */
    long headHint() {
        Document head = meta.find(eq(LedgerCommit.ID, HEAD)).first();
        return head == null ? 0 : head.get("next", Number.class).longValue();
    }

    void advanceHeadHint(long next) {
        meta.updateOne(eq(LedgerCommit.ID, HEAD), Updates.max("next", next), new UpdateOptions().upsert(true));
    }

    Optional<Document> snapshot(String aggregateId) {
        return Optional.ofNullable(snapshots.find(eq(LedgerCommit.ID, aggregateId)).first());
    }

    void putSnapshot(String aggregateId, Document snapshot) {
        snapshots.replaceOne(eq(LedgerCommit.ID, aggregateId), snapshot.append(LedgerCommit.ID, aggregateId),
                new ReplaceOptions().upsert(true));
    }

    /** A unique key refused an insert; nothing of the commit was stored. */
    static final class Conflict extends RuntimeException {
        enum Kind { POSITION, AGGREGATE_SEQUENCE }

        final Kind kind;

        Conflict(Kind kind, Throwable cause) {
            super(kind + " taken", cause);
            this.kind = kind;
        }
    }
}
