package org.equalityledger.service.eventstore;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.equalityledger.core.LedgerEntry;

/**
 * The events of one unit of work, stored as one document so that they are written all or nothing
 * without multi-document transactions. Its {@code _id} is the global position of its first event;
 * the events take the positions after it, with no gap to the next commit. {@code keys} names every
 * (aggregate, sequence) it holds; a unique index on it refuses a second writer of the same sequence.
 */
record LedgerCommit(long firstPosition, List<LedgerEntry> entries) {

    static final String ID = "_id";
    static final String KEYS = "keys";
    static final String COUNT = "count";
    static final String EVENTS = "events";

    LedgerCommit {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a commit holds at least one event");
        }
        entries = List.copyOf(entries);
    }

    long nextPosition() {
        return firstPosition + entries.size();
    }

    /** The unique key of one aggregate sequence; the aggregate id may hold any character but the sequence none. */
    static String key(String aggregateId, long sequence) {
        return aggregateId + ':' + sequence;
    }

    Document toDocument() {
        Document doc = new Document(ID, firstPosition).append(COUNT, entries.size());
        List<String> keys = new ArrayList<>();
        List<Document> events = new ArrayList<>(entries.size());
        for (LedgerEntry e : entries) {
            if (e.aggregateId() != null) {
                keys.add(key(e.aggregateId(), e.sequence()));
            }
            Document event = new Document("position", e.position())
                    .append("eventId", e.eventId())
                    .append("aggregateType", e.aggregateType())
                    .append("aggregateId", e.aggregateId())
                    .append("sequence", e.sequence())
                    .append("payloadType", e.payloadType())
                    .append("payloadRevision", e.payloadRevision())
                    .append("recordedAt", e.recordedAt())
                    .append("payload", e.payload())
                    .append("metadata", e.metadata())
                    .append("previousHash", e.previousHash())
                    .append("hash", e.hash());
            events.add(event);
        }
        // A sparse unique index skips documents without the field; an empty array would be indexed.
        if (!keys.isEmpty()) {
            doc.append(KEYS, keys);
        }
        return doc.append(EVENTS, events);
    }

    static LedgerCommit fromDocument(Document doc) {
        List<Document> events = doc.getList(EVENTS, Document.class);
        List<LedgerEntry> entries = new ArrayList<>(events.size());
        for (Document e : events) {
            entries.add(entryFromDocument(e));
        }
        return new LedgerCommit(doc.get(ID, Number.class).longValue(), entries);
    }

    /** One stored event's fields; throws if a field is missing or of the wrong type. */
    static LedgerEntry entryFromDocument(Document e) {
        return new LedgerEntry(
                e.get("position", Number.class).longValue(),
                e.getString("eventId"),
                e.getString("aggregateType"),
                e.getString("aggregateId"),
                e.get("sequence", Number.class).longValue(),
                e.getString("payloadType"),
                e.getString("payloadRevision"),
                e.getString("recordedAt"),
                e.getString("payload"),
                e.getString("metadata"),
                e.getString("previousHash"));
    }

    /** The hash as stored, which verification compares with the hash recomputed from the fields. */
    static List<String> storedHashes(Document doc) {
        return doc.getList(EVENTS, Document.class).stream().map(e -> e.getString("hash")).toList();
    }
}
