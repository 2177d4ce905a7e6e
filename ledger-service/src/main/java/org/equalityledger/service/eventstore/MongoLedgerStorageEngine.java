package org.equalityledger.service.eventstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Queue;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.equalityledger.core.LedgerEntry;
import org.equalityledger.core.Unicode;
import org.equalityledger.core.json.Json;
import org.equalityledger.core.json.JsonException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoDatabase;

/**
 * The ledger's Axon event storage engine on MongoDB.
 *
 * <p>Positions are dense: a writer takes the first free position by inserting a commit whose
 * {@code _id} is that position, and a writer only learns a position is free after seeing the commit
 * before it. So no position is ever reserved and left empty, a reader never sees position
 * {@code p + 1} before {@code p}, and a plain {@link GlobalSequenceTrackingToken} is enough to track
 * without missing or repeating an event, whatever number of instances append at once.
 *
 * <p>Every stored event carries the SHA-256 of its canonical form, chained to the previous event of
 * its aggregate ({@link LedgerEntry}).
 */
public class MongoLedgerStorageEngine extends BatchingEventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(MongoLedgerStorageEngine.class);
    private static final String RECORDED_AT = "recordedAt";
    private static final int MAX_POSITION_RACES = 1_000;
    private static final int HEAD_HINT_EVERY = 64;
    private static final int CHAIN_CACHE_SIZE = 10_000;

    private final LedgerCommitStore store;
    private static final int MAX_EVENTS_PER_COMMIT = 1_000;

    private final ReentrantLock appendLock = new ReentrantLock();
    private final Queue<UnitOfWork> queue = new ConcurrentLinkedQueue<>();
    private final Map<String, ChainLink> lastLinks = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ChainLink> eldest) {
            return size() > CHAIN_CACHE_SIZE;
        }
    };
    private long nextPosition = -1;
    private long commitsSinceHint;

    protected MongoLedgerStorageEngine(Builder builder) {
        super(builder);
        this.store = new LedgerCommitStore(builder.database, builder.collectionPrefix);
        store.ensureIndexes();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The last event of an aggregate that this instance has seen: what its next event links to. */
    private record ChainLink(long sequence, String hash) {
    }

    /**
     * Stores the events of one unit of work. Units of work appending at the same time are stored
     * together in one commit (group commit): one insert and one sync for all of them, each still all
     * or nothing, since a unit whose sequence is taken is left out and the rest are stored again.
     */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        UnitOfWork unit = new UnitOfWork(events.stream().map(e -> Pending.of(e, serializer)).toList());
        queue.add(unit);
        appendLock.lock();
        try {
            if (!unit.outcome.isDone()) {
                storeQueued();
            }
        } finally {
            appendLock.unlock();
        }
        RuntimeException failure = unit.outcome.join();
        if (failure != null) {
            throw failure;
        }
    }

    private void storeQueued() {
        List<UnitOfWork> batch = drainQueue();
        try {
            storeBatch(batch);
        } catch (RuntimeException e) {
            // Whatever went wrong, no writer may be left waiting for an answer.
            fail(batch, e);
        }
    }

    private void storeBatch(List<UnitOfWork> batch) {
        if (nextPosition < 0) {
            nextPosition = store.walkFrom(store.headHint());
        }
        int races = 0;
        while (!batch.isEmpty()) {
            LedgerCommit commit;
            try {
                commit = commitAt(nextPosition, batch);
            } catch (UnitRefused refused) {
                refused.unit.outcome.complete(refused.failure);
                batch.remove(refused.unit);
                continue;
            }
            try {
                store.insert(commit);
            } catch (LedgerCommitStore.Conflict conflict) {
                if (conflict.kind == LedgerCommitStore.Conflict.Kind.AGGREGATE_SEQUENCE) {
                    refuseTakenSequences(batch, conflict);
                } else if (++races > MAX_POSITION_RACES) {
                    fail(batch, new EventStoreException("No free position found after " + MAX_POSITION_RACES + " tries", conflict));
                    return;
                } else {
                    // Another instance took the position first: move past its commits and try again.
                    nextPosition = store.walkFrom(nextPosition);
                }
                continue;
            }
            nextPosition = commit.nextPosition();
            batch.forEach(unit -> unit.outcome.complete(null));
            remember(commit.entries());
            if (++commitsSinceHint >= HEAD_HINT_EVERY) {
                commitsSinceHint = 0;
                try {
                    store.advanceHeadHint(nextPosition);
                } catch (RuntimeException e) {
                    log.warn("Could not record the position hint; the next start walks a little further", e);
                }
            }
            return;
        }
    }

    private List<UnitOfWork> drainQueue() {
        List<UnitOfWork> batch = new ArrayList<>();
        int events = 0;
        for (UnitOfWork unit = queue.peek(); unit != null && (batch.isEmpty() || events + unit.events.size() <= MAX_EVENTS_PER_COMMIT);
             unit = queue.peek()) {
            batch.add(queue.poll());
            events += unit.events.size();
        }
        return batch;
    }

    /** Leaves out of the batch every unit whose (aggregate, sequence) is already stored. */
    private void refuseTakenSequences(List<UnitOfWork> batch, RuntimeException conflict) {
        List<String> keys = batch.stream().flatMap(u -> u.keys().stream()).toList();
        Set<String> taken = new HashSet<>();
        store.commitsWithKeys(keys).forEach(c -> c.entries().stream()
                .filter(e -> e.aggregateId() != null)
                .forEach(e -> taken.add(LedgerCommit.key(e.aggregateId(), e.sequence()))));
        boolean refusedAny = false;
        for (Iterator<UnitOfWork> it = batch.iterator(); it.hasNext(); ) {
            UnitOfWork unit = it.next();
            Optional<Pending> clash = unit.events.stream()
                    .filter(e -> e.aggregateId != null && taken.contains(LedgerCommit.key(e.aggregateId, e.sequence)))
                    .findFirst();
            if (clash.isPresent()) {
                forgetLinks(unit.events);
                unit.outcome.complete(concurrencyFailure(clash.get(), conflict));
                it.remove();
                refusedAny = true;
            }
        }
        if (!refusedAny) {
            // The clashing commit is not visible to this read: refuse all rather than loop.
            batch.forEach(unit -> unit.outcome.complete(concurrencyFailure(unit.events.get(0), conflict)));
            batch.clear();
        }
    }

    private static void fail(List<UnitOfWork> batch, RuntimeException failure) {
        batch.forEach(unit -> unit.outcome.complete(failure));
        batch.clear();
    }

    private static ConcurrencyException concurrencyFailure(Pending event, RuntimeException cause) {
        return new ConcurrencyException(String.format(
                "Aggregate %s already has an event at sequence %d: another change was stored first",
                event.aggregateId, event.sequence), cause);
    }

    /**
     * The commit of a batch at a position. Each event links to the previous event of its aggregate:
     * in this commit if there is one, else in the store.
     */
    private LedgerCommit commitAt(long firstPosition, List<UnitOfWork> batch) {
        List<LedgerEntry> entries = new ArrayList<>();
        Map<String, ChainLink> chainInCommit = new HashMap<>();
        for (UnitOfWork unit : batch) {
            Map<String, ChainLink> unitChain = new HashMap<>(chainInCommit);
            List<LedgerEntry> unitEntries = new ArrayList<>();
            for (Pending p : unit.events) {
                String previous = null;
                if (p.aggregateId != null) {
                    ChainLink link = unitChain.get(p.aggregateId);
                    if (link != null && link.sequence() >= p.sequence) {
                        throw new UnitRefused(unit, concurrencyFailure(p, null));
                    }
                    previous = link != null && link.sequence() == p.sequence - 1 ? link.hash()
                            : p.sequence == 0 ? null : storedHash(unit, p.aggregateId, p.sequence - 1);
                }
                LedgerEntry entry = p.entry(firstPosition + entries.size() + unitEntries.size(), previous);
                if (p.aggregateId != null) {
                    unitChain.put(p.aggregateId, new ChainLink(p.sequence, entry.hash()));
                }
                unitEntries.add(entry);
            }
            entries.addAll(unitEntries);
            chainInCommit = unitChain;
        }
        return new LedgerCommit(firstPosition, entries);
    }

    private String storedHash(UnitOfWork unit, String aggregateId, long sequence) {
        synchronized (lastLinks) {
            ChainLink link = lastLinks.get(aggregateId);
            if (link != null && link.sequence() == sequence) {
                return link.hash();
            }
        }
        return store.commitsWithKeys(List.of(LedgerCommit.key(aggregateId, sequence))).stream()
                .flatMap(c -> c.entries().stream())
                .filter(e -> aggregateId.equals(e.aggregateId()) && e.sequence() == sequence)
                .map(LedgerEntry::hash)
                .findFirst()
                .orElseThrow(() -> new UnitRefused(unit, new EventStoreException(String.format(
                        "Aggregate %s has no event at sequence %d to follow", aggregateId, sequence))));
    }

    /** The events of one unit of work, waiting to be stored, and what became of them. */
    private static final class UnitOfWork {
        final List<Pending> events;
        final CompletableFuture<RuntimeException> outcome = new CompletableFuture<>();

        UnitOfWork(List<Pending> events) {
            this.events = events;
        }

        List<String> keys() {
            return events.stream().filter(e -> e.aggregateId != null)
                    .map(e -> LedgerCommit.key(e.aggregateId, e.sequence)).toList();
        }
    }

    /** A unit that cannot be stored whatever the others do; the rest of its batch goes on. */
    private static final class UnitRefused extends RuntimeException {
        final transient UnitOfWork unit;
        final RuntimeException failure;

        UnitRefused(UnitOfWork unit, RuntimeException failure) {
            super(failure.getMessage(), null, false, false);
            this.unit = unit;
            this.failure = failure;
        }
    }

    private void remember(List<LedgerEntry> entries) {
        synchronized (lastLinks) {
            for (LedgerEntry e : entries) {
                if (e.aggregateId() != null) {
                    ChainLink known = lastLinks.get(e.aggregateId());
                    if (known == null || known.sequence() < e.sequence()) {
                        lastLinks.put(e.aggregateId(), new ChainLink(e.sequence(), e.hash()));
                    }
                }
            }
        }
    }

    private void forgetLinks(List<Pending> pending) {
        synchronized (lastLinks) {
            pending.forEach(p -> {
                if (p.aggregateId != null) {
                    lastLinks.remove(p.aggregateId);
                }
            });
        }
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
            remember(List.of(events.get(events.size() - 1).entry));
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
     * over positions finds it in a logarithmic number of reads.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        long end = store.walkFrom(store.headHint());
        long low = 0;
        long high = end;
        while (low < high) {
            long middle = (low + high) >>> 1;
            Instant recorded = store.commitContaining(middle)
                    .map(c -> Instant.parse(c.entries().get((int) (middle - c.firstPosition())).recordedAt()))
                    .orElseThrow(() -> new EventStoreException("No event at position " + middle));
            if (recorded.isBefore(dateTime)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low == 0 ? null : new GlobalSequenceTrackingToken(low - 1);
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Optional<Document> existing = store.snapshot(snapshot.getAggregateIdentifier());
        if (existing.isPresent() && existing.get().get("sequence", Number.class).longValue() >= snapshot.getSequenceNumber()) {
            return;
        }
        SerializedObject<String> payload = snapshot.serializePayload(serializer, String.class);
        SerializedObject<String> metadata = snapshot.serializeMetaData(serializer, String.class);
        store.putSnapshot(storableName(snapshot.getAggregateIdentifier(), "aggregate id"), new Document()
                .append("aggregateType", storableName(snapshot.getType(), "aggregate type"))
                .append("sequence", snapshot.getSequenceNumber())
                .append("eventId", storableName(snapshot.getIdentifier(), "event id"))
                .append("recordedAt", snapshot.getTimestamp().toString())
                .append("payloadType", storableName(payload.getType().getName(), "payload type"))
                .append("payloadRevision", storableName(payload.getType().getRevision(), "payload revision"))
                .append("payload", storableJson(payload.getData(), "payload"))
                .append("metadata", storableJson(metadata.getData(), "metadata")));
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
        appendLock.lock();
        try {
            if (nextPosition > 0) {
                store.advanceHeadHint(nextPosition);
            }
        } finally {
            appendLock.unlock();
        }
    }

    /**
     * Every stored event of an aggregate as the ledger holds it, with its position and hashes, for
     * histories an auditor can check against a proof.
     */
    public List<LedgerEntry> entriesOf(String aggregateId) {
        List<LedgerEntry> entries = new ArrayList<>();
        int window = batchSize();
        for (long from = 0; ; from += window) {
            long first = from;
            List<String> keys = LongStream.range(from, from + window)
                    .mapToObj(sequence -> LedgerCommit.key(aggregateId, sequence)).toList();
            List<LedgerEntry> batch = store.commitsWithKeys(keys).stream()
                    .flatMap(c -> c.entries().stream())
                    .filter(e -> aggregateId.equals(e.aggregateId()) && e.sequence() >= first && e.sequence() < first + window)
                    .toList();
            entries.addAll(batch);
            if (batch.size() < window) {
                return entries;
            }
        }
    }

    /**
     * The hash stored with each of these events, by position: what the store holds, which differs from
     * {@link LedgerEntry#hash()} (computed from the stored fields) once an event was altered.
     */
    public Map<Long, String> storedHashesOf(List<LedgerEntry> entries) {
        return store.storedHashesWithKeys(entries.stream().filter(e -> e.aggregateId() != null)
                .map(e -> LedgerCommit.key(e.aggregateId(), e.sequence())).toList());
    }

    /**
     * Every stored event of each of the aggregates, in as few {@code $in} queries on the unique
     * {@code keys} index as their lengths allow: 32 sequences per aggregate a round, a further round
     * only for the aggregates that filled the previous one. For reading many short streams at once
     * (the read side's answers as of an instant).
     */
    public Map<String, List<LedgerEntry>> entriesOf(java.util.Collection<String> aggregateIds) {
        final int window = 32;
        final int keysPerQuery = 4_096;
        Map<String, List<LedgerEntry>> entries = new LinkedHashMap<>();
        aggregateIds.forEach(id -> entries.put(id, new ArrayList<>()));
        List<String> open = new ArrayList<>(entries.keySet());
        for (long from = 0; !open.isEmpty(); from += window) {
            long first = from;
            List<String> stillOpen = new ArrayList<>();
            for (int i = 0; i < open.size(); i += keysPerQuery / window) {
                List<String> ids = open.subList(i, Math.min(open.size(), i + keysPerQuery / window));
                Set<String> wanted = new HashSet<>(ids);
                List<String> keys = new ArrayList<>(ids.size() * window);
                for (String id : ids) {
                    for (long sequence = first; sequence < first + window; sequence++) {
                        keys.add(LedgerCommit.key(id, sequence));
                    }
                }
                Map<String, Integer> found = new HashMap<>();
                for (LedgerCommit commit : store.commitsWithKeys(keys)) {
                    for (LedgerEntry e : commit.entries()) {
                        if (e.aggregateId() != null && wanted.contains(e.aggregateId())
                                && e.sequence() >= first && e.sequence() < first + window) {
                            entries.get(e.aggregateId()).add(e);
                            found.merge(e.aggregateId(), 1, Integer::sum);
                        }
                    }
                }
                found.forEach((id, count) -> {
                    if (count == window) {
                        stillOpen.add(id);
                    }
                });
            }
            open = stillOpen;
        }
        entries.values().forEach(list -> list.sort(java.util.Comparator.comparingLong(LedgerEntry::sequence)));
        return entries;
    }

    LedgerCommitStore store() {
        return store;
    }

    /** An event serialised once, before positions are known, so that a lost position race costs no re-serialisation. */
    private record Pending(String eventId, String aggregateType, String aggregateId, long sequence,
                           String payloadType, String payloadRevision, String recordedAt,
                           String payload, String metadata) {

        static Pending of(EventMessage<?> event, Serializer serializer) {
            String recordedAt = event.getTimestamp().toString();
            EventMessage<?> stamped = event.getMetaData().containsKey(RECORDED_AT)
                    ? event : event.andMetaData(Map.of(RECORDED_AT, recordedAt));
            SerializedObject<String> payload = event.serializePayload(serializer, String.class);
            SerializedObject<String> metadata = stamped.serializeMetaData(serializer, String.class);
            String aggregateType = null;
            String aggregateId = null;
            long sequence = -1;
            if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
                aggregateType = domain.getType();
                aggregateId = domain.getAggregateIdentifier();
                sequence = domain.getSequenceNumber();
            }
            return new Pending(storableName(event.getIdentifier(), "event id"),
                    storableName(aggregateType, "aggregate type"), storableName(aggregateId, "aggregate id"), sequence,
                    storableName(payload.getType().getName(), "payload type"),
                    storableName(payload.getType().getRevision(), "payload revision"), recordedAt,
                    storableJson(payload.getData(), "payload"), storableJson(metadata.getData(), "metadata"));
        }

        LedgerEntry entry(long position, String previousHash) {
            return new LedgerEntry(position, eventId, aggregateType, aggregateId, sequence, payloadType,
                    payloadRevision, recordedAt, payload, metadata, previousHash);
        }
    }

    /**
     * JSON text the store gives back exactly as it was hashed. A Java string may hold a surrogate
     * without its partner; MongoDB's driver writes it as bytes that are not UTF-8 and reads those back
     * as U+FFFD, so an event holding one would be stored with a hash of other text than it holds, and
     * fail every verification from then on. In payload and metadata, JSON from Jackson, such a
     * surrogate can only stand inside a string: it is stored as its JSON escape, which reads back as
     * the same value.
     */
    private static String storableJson(String json, String field) {
        try {
            return Json.escapeLoneSurrogates(json);
        } catch (JsonException e) {
            throw new EventStoreException("The " + field + " cannot be stored: " + e.getMessage(), e);
        }
    }

    /** A name or identifier has no escape to keep a lone surrogate in, and the API never lets one through. */
    private static String storableName(String name, String field) {
        if (name != null && !Unicode.isWellFormed(name)) {
            throw new EventStoreException("The " + field + " is not valid Unicode text (a lone surrogate at "
                    + Unicode.firstLoneSurrogate(name) + "); it cannot be stored");
        }
        return name;
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
