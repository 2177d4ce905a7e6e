package org.equalityledger.service.eventstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.equalityledger.core.LedgerEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoDatabase;

/**
 * The ledger's Axon event storage engine on MongoDB. It appends through {@link LedgerAppender} (group
 * commit, dense positions, the hash chain) and reads back what Axon asks for: tracked events by
 * position, an aggregate's events by its sequence keys, tokens and snapshots.
 *
 * <p>Only the configuration sees this class. The web, the read side and the reference loader read
 * the ledger through {@link LedgerEvents}, the audit through {@link StoredLedger}.
 *
 * <p>Positions are dense, so a reader never sees position {@code p + 1} before {@code p}, and a plain
 * {@link GlobalSequenceTrackingToken} is enough to track without missing or repeating an event,
 * whatever number of instances append at once.
 */
public class MongoLedgerStorageEngine extends BatchingEventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(MongoLedgerStorageEngine.class);

    private final LedgerCommitStore store;
    private final LedgerAppender appender;

    protected MongoLedgerStorageEngine(Builder builder) {
        super(builder);
        this.store = new LedgerCommitStore(builder.database, builder.collectionPrefix);
        store.ensureIndexes();
        this.appender = new LedgerAppender(store);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Stores the events of one unit of work, in a group commit with the units appending beside it. */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        long last = appender.append(events, serializer);
        if (last >= 0) {
            LAST_APPENDED.set(last);
        }
    }

    /**
     * The position of the last event the current thread appended. The command bus handles a command
     * on its sender's thread, and Axon appends a command's events on that thread before it answers,
     * so the sender reads here where its command's events ended (after clearing it before sending).
     */
    private static final ThreadLocal<Long> LAST_APPENDED = new ThreadLocal<>();

    static long lastAppendedByThisThread() {
        Long last = LAST_APPENDED.get();
        return last == null ? -1 : last;
    }

    static void forgetAppendedByThisThread() {
        LAST_APPENDED.remove();
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        long from = nextPositionAfter(lastToken);
        List<LedgerCommit> commits = store.commitsStartingIn(from, batchSize);
        if (commits.isEmpty() || commits.get(0).firstPosition() != from) {
            // A processor may have stored its token in the middle of a commit.
            Optional<LedgerCommit> containing = store.commitContaining(from);
            if (containing.isPresent() && containing.get().firstPosition() < from) {
                List<LedgerCommit> withContaining = new ArrayList<>();
                withContaining.add(containing.get());
                withContaining.addAll(commits);
                commits = withContaining;
            }
        }
        List<StoredEvent> result = new ArrayList<>();
        long expected = -1;
        for (LedgerCommit commit : commits) {
            if (expected >= 0 && commit.firstPosition() != expected) {
                log.error("Position {} holds no event although {} does: the ledger was altered; run the audit verify",
                        expected, commit.firstPosition());
                break;
            }
            for (LedgerEntry entry : commit.entries()) {
                if (entry.position() >= from) {
                    result.add(StoredEvent.of(entry));
                }
            }
            expected = commit.nextPosition();
        }
        return result;
    }

    private static long nextPositionAfter(TrackingToken token) {
        TrackingToken lowerBound = WrappedToken.unwrapLowerBound(token);
        if (lowerBound == null) {
            return 0;
        }
        if (!(lowerBound instanceof GlobalSequenceTrackingToken position)) {
            throw new IllegalArgumentException("This ledger tracks by global position, not by " + lowerBound);
        }
        return position.getGlobalIndex() + 1;
    }

    /**
     * Sequence keys asked for at first when loading an aggregate, doubling while every key is found:
     * each key asked costs the store an index lookup, and most aggregates hold a few events, so asking
     * for a whole batch of keys (256) made loading an aggregate the larger part of handling a command.
     */
    private static final int FIRST_KEY_WINDOW = 16;

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateId, long firstSequenceNumber,
                                                                   int batchSize) {
        List<StoredEvent.Domain> events = new ArrayList<>();
        long end = firstSequenceNumber + batchSize;
        int window = Math.min(batchSize, FIRST_KEY_WINDOW);
        for (long from = firstSequenceNumber; from < end; window *= 2) {
            long to = Math.min(end, from + window);
            List<StoredEvent.Domain> found = domainEvents(aggregateId, from, to);
            events.addAll(found);
            if (found.size() < to - from) {
                break; // sequences are dense: the aggregate's events end in this window
            }
            from = to;
        }
        if (!events.isEmpty()) {
            appender.remember(List.of(events.get(events.size() - 1).entry));
        }
        return events;
    }

    private List<StoredEvent.Domain> domainEvents(String aggregateId, long from, long to) {
        List<String> keys = LongStream.range(from, to)
                .mapToObj(sequence -> LedgerCommit.key(aggregateId, sequence))
                .toList();
        return store.commitsWithKeys(keys).stream()
                .flatMap(c -> c.entries().stream())
                .filter(e -> aggregateId.equals(e.aggregateId()) && e.sequence() >= from && e.sequence() < to)
                .map(e -> (StoredEvent.Domain) StoredEvent.of(e))
                .toList();
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        Long last = null;
        int window = batchSize();
        for (long from = 0; ; from += window) {
            List<? extends DomainEventData<?>> batch = fetchDomainEvents(aggregateIdentifier, from, window);
            if (batch.isEmpty()) {
                return Optional.ofNullable(last);
            }
            last = batch.get(batch.size() - 1).getSequenceNumber();
            if (batch.size() < window) {
                return Optional.of(last);
            }
        }
    }

    @Override
    public TrackingToken createTailToken() {
        return store.commitsStartingIn(0, 1).isEmpty() ? null : new GlobalSequenceTrackingToken(-1);
    }

    @Override
    public TrackingToken createHeadToken() {
        long next = store.walkFrom(store.headHint());
        return next == 0 ? null : new GlobalSequenceTrackingToken(next - 1);
    }

    /**
     * The token just before the first event recorded at or after {@code dateTime}. Recording times
     * follow positions (each writer records after seeing the commit before it), so a binary search
     * over positions finds it in a logarithmic number of reads. It searches below the head hint first
     * (every position there is stored) and walks to the end only when all of them were recorded before.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        long hint = store.headHint();
        long first = firstRecordedFrom(0, hint, dateTime);
        if (first == hint) {
            first = firstRecordedFrom(hint, store.walkFrom(hint), dateTime);
        }
        return first == 0 ? null : new GlobalSequenceTrackingToken(first - 1);
    }

    /**
     * The first position in {@code [low, high)} recorded at or after {@code dateTime}; {@code high} when
     * there is none. Each step probes the position of its range with the most trailing zero bits rather
     * than the middle: every search then starts with the same few positions, whose instants are
     * remembered, and reads the store only for its last steps.
     */
    private long firstRecordedFrom(long low, long high, Instant dateTime) {
        while (low < high) {
            long probe = aligned(low, high - 1);
            Instant recorded = recordedAt(probe);
            if (recorded == null) {
                throw new EventStoreException("No event at position " + probe);
            }
            if (recorded.isBefore(dateTime)) {
                low = probe + 1;
            } else {
                high = probe;
            }
        }
        return low;
    }

    /** The position in {@code [from, to]} with the most trailing zero bits. */
    static long aligned(long from, long to) {
        return from == to ? from : to & -Long.highestOneBit(from ^ to);
    }

    /** Recording instants read so far, by position: a stored event's never changes. Forgotten all at once when full. */
    private final Map<Long, Instant> recordedAt = new ConcurrentHashMap<>();
    private static final int INSTANTS_KEPT = 1 << 16;

    /** When the event at {@code position} was recorded; null when the ledger holds no event there. */
    public Instant recordedAt(long position) {
        Instant known = recordedAt.get(position);
        if (known != null) {
            return known;
        }
        Optional<LedgerCommit> commit = store.commitContaining(position);
        if (commit.isEmpty()) {
            return null;
        }
        Instant at = Instants.parse(commit.get().entries().get((int) (position - commit.get().firstPosition())).recordedAt());
        if (recordedAt.size() >= INSTANTS_KEPT) {
            recordedAt.clear();
        }
        recordedAt.put(position, at);
        return at;
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Optional<Document> existing = store.snapshot(snapshot.getAggregateIdentifier());
        if (existing.isPresent() && existing.get().get("sequence", Number.class).longValue() >= snapshot.getSequenceNumber()) {
            return;
        }
        SerializedObject<String> payload = snapshot.serializePayload(serializer, String.class);
        SerializedObject<String> metadata = snapshot.serializeMetaData(serializer, String.class);
        store.putSnapshot(LedgerAppender.storableName(snapshot.getAggregateIdentifier(), "aggregate id"), new Document()
                .append("aggregateType", LedgerAppender.storableName(snapshot.getType(), "aggregate type"))
                .append("sequence", snapshot.getSequenceNumber())
                .append("eventId", LedgerAppender.storableName(snapshot.getIdentifier(), "event id"))
                .append("recordedAt", snapshot.getTimestamp().toString())
                .append("payloadType", LedgerAppender.storableName(payload.getType().getName(), "payload type"))
                .append("payloadRevision", LedgerAppender.storableName(payload.getType().getRevision(), "payload revision"))
                .append("payload", LedgerAppender.storableJson(payload.getData(), "payload"))
                .append("metadata", LedgerAppender.storableJson(metadata.getData(), "metadata")));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return store.snapshot(aggregateIdentifier).stream().map(doc -> new StoredEvent.Domain(new LedgerEntry(
                0,
                doc.getString("eventId"),
                doc.getString("aggregateType"),
                aggregateIdentifier,
                doc.get("sequence", Number.class).longValue(),
                doc.getString("payloadType"),
                doc.getString("payloadRevision"),
                doc.getString("recordedAt"),
                doc.getString("payload"),
                doc.getString("metadata"),
                null)));
    }

    /** Writes the position hint so that the next start walks only from here. */
    public void flushHeadHint() {
        appender.flushHeadHint();
    }

    LedgerCommitStore store() {
        return store;
    }

    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private String collectionPrefix = "ledger_";

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder collectionPrefix(String collectionPrefix) {
            this.collectionPrefix = collectionPrefix;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            if (database == null) {
                throw new AxonConfigurationException("The ledger storage engine needs a MongoDatabase");
            }
        }

        public MongoLedgerStorageEngine build() {
            validate();
            return new MongoLedgerStorageEngine(this);
        }
    }
}