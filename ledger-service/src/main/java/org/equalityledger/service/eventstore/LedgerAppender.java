package org.equalityledger.service.eventstore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.equalityledger.core.LedgerEntry;
import org.equalityledger.core.Unicode;
import org.equalityledger.core.json.Json;
import org.equalityledger.core.json.JsonException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write half of the storage engine: appends units of work to the ledger.
 *
 * <p>Positions are dense: a writer takes the first free position by inserting a commit whose
 * {@code _id} is that position, and a writer only learns a position is free after seeing the commit
 * before it. So no position is ever reserved and left empty, whatever number of instances append at
 * once; a lost race only moves the writer past the winner's commits.
 *
 * <p>Every stored event carries the SHA-256 of its canonical form, chained to the previous event of
 * its aggregate ({@link LedgerEntry}): the previous hash comes from the same commit, from the last
 * links this instance has seen, or from the store.
 */
final class LedgerAppender {

    private static final Logger log = LoggerFactory.getLogger(LedgerAppender.class);
    private static final String RECORDED_AT = "recordedAt";
    private static final int MAX_POSITION_RACES = 1_000;
    private static final int HEAD_HINT_EVERY = 64;
    private static final int CHAIN_CACHE_SIZE = 10_000;
    private static final int MAX_EVENTS_PER_COMMIT = 1_000;

    private final LedgerCommitStore store;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final Queue<QueuedUnit> queue = new ConcurrentLinkedQueue<>();

    private final Map<String, ChainLink> lastLinks = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ChainLink> eldest) {
            return size() > CHAIN_CACHE_SIZE;
        }
    };
    private long nextPosition = -1;
    private long commitsSinceHint;

    LedgerAppender(LedgerCommitStore store) {
        this.store = store;
    }

    /** The last event of an aggregate that this instance has seen: what its next event links to. */
    private record ChainLink(long sequence, String hash) {
    }

    /**
     * Stores the events of one unit of work. Units of work appending at the same time are stored
     * together in one commit (group commit): one insert and one sync for all of them, each still all
     * or nothing, since a unit whose sequence is taken is left out and the rest are stored again.
     * Returns the position of the unit's last event, once it is durable (-1 for no events).
     */
    long append(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return -1;
        }
        QueuedUnit unit = new QueuedUnit(events.stream().map(e -> Pending.of(e, serializer)).toList());
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
        return unit.lastPosition;
    }

    private void storeQueued() {
        List<QueuedUnit> batch = drainQueue();
        try {
            storeBatch(batch);
        } catch (RuntimeException e) {
            // Whatever went wrong, no writer may be left waiting for an answer.
            fail(batch, e);
        }
    }

    private void storeBatch(List<QueuedUnit> batch) {
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

    private List<QueuedUnit> drainQueue() {
        List<QueuedUnit> batch = new ArrayList<>();
        int events = 0;
        for (QueuedUnit unit = queue.peek(); unit != null && (batch.isEmpty() || events + unit.events.size() <= MAX_EVENTS_PER_COMMIT);
             unit = queue.peek()) {
            batch.add(queue.poll());
            events += unit.events.size();
        }
        return batch;
    }

    /** Leaves out of the batch every unit whose (aggregate, sequence) is already stored. */
    private void refuseTakenSequences(List<QueuedUnit> batch, RuntimeException conflict) {
        List<String> keys = batch.stream().flatMap(u -> u.keys().stream()).toList();
        Set<String> taken = new HashSet<>();
        store.commitsWithKeys(keys).forEach(c -> c.entries().stream()
                .filter(e -> e.aggregateId() != null)
                .forEach(e -> taken.add(LedgerCommit.key(e.aggregateId(), e.sequence()))));
        boolean refusedAny = false;
        for (Iterator<QueuedUnit> it = batch.iterator(); it.hasNext(); ) {
            QueuedUnit unit = it.next();
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

    private static void fail(List<QueuedUnit> batch, RuntimeException failure) {
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
    private LedgerCommit commitAt(long firstPosition, List<QueuedUnit> batch) {
        List<LedgerEntry> entries = new ArrayList<>();
        Map<String, ChainLink> chainInCommit = new HashMap<>();
        for (QueuedUnit unit : batch) {
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
            unit.lastPosition = firstPosition + entries.size() + unitEntries.size() - 1;
            entries.addAll(unitEntries);
            chainInCommit = unitChain;
        }
        return new LedgerCommit(firstPosition, entries);
    }

    private String storedHash(QueuedUnit unit, String aggregateId, long sequence) {
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

    /** The events of one of Axon's units of work, queued for the next group commit, and what became of them. */
    private static final class QueuedUnit {
        final List<Pending> events;
        final CompletableFuture<RuntimeException> outcome = new CompletableFuture<>();
        /** Set with the commit that stores the unit; read by its writer after {@link #outcome} completes. */
        long lastPosition = -1;

        QueuedUnit(List<Pending> events) {
            this.events = events;
        }

        List<String> keys() {
            return events.stream().filter(e -> e.aggregateId != null)
                    .map(e -> LedgerCommit.key(e.aggregateId, e.sequence)).toList();
        }
    }

    /** A unit that cannot be stored whatever the others do; the rest of its batch goes on. */
    private static final class UnitRefused extends RuntimeException {
        final transient QueuedUnit unit;
        final RuntimeException failure;

        UnitRefused(QueuedUnit unit, RuntimeException failure) {
            super(failure.getMessage(), null, false, false);
            this.unit = unit;
            this.failure = failure;
        }
    }

    /** Notes the last event of each aggregate among these, for the next event of it to link to. */
    void remember(List<LedgerEntry> entries) {
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

    /** Writes the position hint so that the next start walks only from here. */
    void flushHeadHint() {
        appendLock.lock();
        try {
            if (nextPosition > 0) {
                store.advanceHeadHint(nextPosition);
            }
        } finally {
            appendLock.unlock();
        }
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
    static String storableJson(String json, String field) {
        try {
            return Json.escapeLoneSurrogates(json);
        } catch (JsonException e) {
            throw new EventStoreException("The " + field + " cannot be stored: " + e.getMessage(), e);
        }
    }

    /** A name or identifier has no escape to keep a lone surrogate in, and the API never lets one through. */
    static String storableName(String name, String field) {
        if (name != null && !Unicode.isWellFormed(name)) {
            throw new EventStoreException("The " + field + " is not valid Unicode text (a lone surrogate at "
                    + Unicode.firstLoneSurrogate(name) + "); it cannot be stored");
        }
        return name;
    }

}
