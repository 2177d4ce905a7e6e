package org.equalityledger.service.eventstore;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.LongStream;

import org.bson.Document;
import org.equalityledger.core.LedgerEntry;

import com.mongodb.MongoQueryException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;

/**
 * The stored events exactly as stored, for the audit: each event's fields and the hash stored beside
 * them, in position order, read by {@code _id $in} windows walking forward.
 *
 * <p>Nothing here trusts the store. The walk hands on every commit it finds in a window, also one
 * that starts past a gap or inside the commit before it, and an event whose stored fields cannot make
 * a {@link LedgerEntry} comes out with a defect instead of stopping the read: the verifier, not the
 * reader, decides what is wrong.
 */
public final class StoredLedger {

    /** Positions asked for by one probe: a commit starts at each of them or at none. */
    public static final int DEFAULT_WINDOW = 256;

    private final LedgerCommitStore store;
    private final MongoCollection<Document> commits;
    private final CommitStarts commitStarts;

    public StoredLedger(MongoDatabase database) {
        this(database, "ledger_");
    }

    public StoredLedger(MongoDatabase database, String collectionPrefix) {
        this.store = new LedgerCommitStore(database, collectionPrefix);
        this.commits = store.commitCollection();
        this.commitStarts = new CommitStarts(database, collectionPrefix);
    }

    /**
     * One stored event. {@code entry} is null, and {@code defect} says why, when the stored fields do
     * not make an entry; {@code position} is then where it stands in its commit. {@code commitStart} is
     * the {@code _id} of the commit document it was read from.
     */
    public record StoredEntry(long position, LedgerEntry entry, String storedHash, String defect, long commitStart) {
    }

    /** A forward walk from a position; not thread-safe. */
    public Cursor cursor(long from) {
        return cursor(from, DEFAULT_WINDOW);
    }

    public Cursor cursor(long from, int window) {
        if (from < 0 || window < 1) {
            throw new IllegalArgumentException("from " + from + ", window " + window);
        }
        return new Cursor(from, window);
    }

    /**
     * Where the ledger ends: the first free position walking from the writers' head mark. Cheap, and
     * right on an intact ledger; the audit's verify does not trust it.
     */
    public long endPosition() {
        return store.walkFrom(store.headHint());
    }

    /**
     * The position the writers have marked as reached (advanced every few commits and on shutdown): an
     * end below it means stored events went missing.
     */
    public long headMark() {
        return store.headHint();
    }

    /** The number of commit documents, as the server counts them without a scan. */
    public long commitCount() {
        return commits.estimatedDocumentCount();
    }

    /**
     * The stored event at a position, if a commit holds it: through the commit-start index in two
     * lookups when the sealer has recorded the position, else by probing back from it.
     */
    public Optional<StoredEntry> entryAt(long position) {
        if (position < 0) {
            return Optional.empty();
        }
        OptionalLong start = commitStarts.startOf(position);
        if (start.isPresent() && start.getAsLong() <= position) {
            Optional<StoredEntry> found = entryIn(start.getAsLong(), position);
            if (found.isPresent()) {
                return found;
            }
        }
        List<StoredEntry> batch = cursor(position, 1).next();
        return batch.isEmpty() || batch.get(0).position() != position ? Optional.empty() : Optional.of(batch.get(0));
    }

    /** The event at {@code position} of the commit at {@code start}, reading that one event, if it claims the position. */
    private Optional<StoredEntry> entryIn(long start, long position) {
        long index = position - start;
        if (index >= Integer.MAX_VALUE) {
            return Optional.empty();
        }
        Document commit;
        try {
            commit = commits.find(eq(LedgerCommit.ID, start))
                    .projection(Projections.fields(Projections.include(LedgerCommit.ID),
                            Projections.slice(LedgerCommit.EVENTS, (int) index, 1)))
                    .first();
        } catch (MongoQueryException e) {
            // The embedded server refuses a $slice that starts past the array's end, where MongoDB
            // answers an empty one: either way the hint was wrong, and the probing path decides.
            return Optional.empty();
        }
        List<?> events = commit == null ? null : commit.get(LedgerCommit.EVENTS, List.class);
        if (events == null || events.size() != 1) {
            return Optional.empty();
        }
        StoredEntry stored = entry(position, events.get(0), start);
        // A defect or another position is left to the probing path, which sees the commits around it.
        return stored.entry() != null && stored.entry().position() == position ? Optional.of(stored) : Optional.empty();
    }

    /**
     * Records, for the commit-start index, that position {@code from + i} lies in the commit starting
     * at {@code starts[i]}; the sealer calls it with what its walk read.
     */
    public void recordCommitStarts(long from, long[] starts) {
        commitStarts.record(from, starts);
    }

    public final class Cursor {

        private final long from;
        private final int window;
        private long next;
        private boolean started;
        private boolean done;
        private long commitsRead;

        private Cursor(long from, int window) {
            this.from = from;
            this.window = window;
            this.next = from;
        }

        /** The events of the next window's commits, in position order; empty at the end. */
        public List<StoredEntry> next() {
            if (done) {
                return List.of();
            }
            TreeMap<Long, Document> found = window(next);
            if (!started) {
                started = true;
                if (from > 0 && !found.containsKey(from)) {
                    // Starting inside a commit: take it from its start, and its events from `from` on.
                    store.commitContaining(from).ifPresent(c -> found.putAll(StoredLedger.this.window(c.firstPosition(), 1)));
                }
            }
            if (found.isEmpty()) {
                done = true;
                return List.of();
            }
            List<StoredEntry> entries = new ArrayList<>();
            long reach = next;
            for (Document commit : found.values()) {
                commitsRead++;
                long first = commit.get(LedgerCommit.ID, Number.class).longValue();
                List<?> events = commit.get(LedgerCommit.EVENTS, List.class);
                int size = events == null ? 0 : events.size();
                for (int i = 0; i < size; i++) {
                    if (first + i >= from) {
                        entries.add(entry(first + i, events.get(i), first));
                    }
                }
                reach = Math.max(reach, Math.max(first + 1, first + size));
            }
            next = Math.max(reach, found.lastKey() + 1);
            return entries;
        }

        /** Commits handed on so far. */
        public long commitsRead() {
            return commitsRead;
        }

        /** The position after the last commit seen: where the walk stands. */
        public long position() {
            return next;
        }

        private TreeMap<Long, Document> window(long start) {
            return StoredLedger.this.window(start, window);
        }
    }

    private TreeMap<Long, Document> window(long start, int count) {
        List<Long> ids = LongStream.range(start, start + count).boxed().toList();
        TreeMap<Long, Document> found = new TreeMap<>();
        for (Document doc : commits.find(in(LedgerCommit.ID, ids))) {
            Object id = doc.get(LedgerCommit.ID);
            if (id instanceof Number n) {
                found.put(n.longValue(), doc);
            }
        }
        return found;
    }

    private static StoredEntry entry(long expected, Object stored, long commitStart) {
        if (!(stored instanceof Document event)) {
            return new StoredEntry(expected, null, null, "the stored event is not a document", commitStart);
        }
        Object hash = event.get("hash");
        try {
            LedgerEntry entry = LedgerCommit.entryFromDocument(event);
            return new StoredEntry(entry.position(), entry, hash instanceof String s ? s : null, null, commitStart);
        } catch (RuntimeException e) {
            return new StoredEntry(expected, null, hash instanceof String s ? s : null,
                    "the stored fields do not make an event: " + e.getMessage(), commitStart);
        }
    }
}
