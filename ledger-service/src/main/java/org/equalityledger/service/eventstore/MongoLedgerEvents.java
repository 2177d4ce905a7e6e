package org.equalityledger.service.eventstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.equalityledger.core.LedgerEntry;

/**
 * {@link LedgerEvents} on what a {@link MongoLedgerStorageEngine} stores: an aggregate's events by
 * {@code $in} on the unique {@code keys} index of its (aggregate, sequence) pairs; positions, tokens
 * and the event stream through the engine, so that upcasters apply as they do for event handlers.
 */
public final class MongoLedgerEvents implements LedgerEvents {

    /** Sequence keys asked for in one query when reading one aggregate: the engine's batch size. */
    private static final int AGGREGATE_WINDOW = 256;

    private final MongoLedgerStorageEngine engine;
    private final LedgerCommitStore store;

    public MongoLedgerEvents(MongoLedgerStorageEngine engine) {
        this.engine = engine;
        this.store = engine.store();
    }

    @Override
    public long headPosition() {
        return position(engine.createHeadToken());
    }

    @Override
    public long positionAfter(Runnable command) {
        MongoLedgerStorageEngine.forgetAppendedByThisThread();
        try {
            command.run();
            long last = MongoLedgerStorageEngine.lastAppendedByThisThread();
            return last >= 0 ? last : headPosition();
        } finally {
            MongoLedgerStorageEngine.forgetAppendedByThisThread();
        }
    }

    @Override
    public long lastPositionAt(Instant instant) {
        return position(engine.createTokenAt(instant.plusNanos(1)));
    }

    @Override
    public Instant recordedAt(long position) {
        return engine.recordedAt(position);
    }

    @Override
    public boolean holds(String aggregateId) {
        return engine.lastSequenceNumberFor(aggregateId).isPresent();
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> eventsFrom(long position) {
        return engine.readEvents(position <= 0 ? null : new GlobalSequenceTrackingToken(position - 1), false);
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    @Override
    public List<LedgerEntry> entriesOf(String aggregateId) {
        List<LedgerEntry> entries = new ArrayList<>();
        final int window = AGGREGATE_WINDOW;
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

    @Override
    public Map<Long, String> storedHashesOf(List<LedgerEntry> entries) {
        return store.storedHashesWithKeys(entries.stream().filter(e -> e.aggregateId() != null)
                .map(e -> LedgerCommit.key(e.aggregateId(), e.sequence())).toList());
    }

    @Override
    public Map<String, List<LedgerEntry>> entriesOf(Collection<String> aggregateIds) {
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
        entries.values().forEach(list -> list.sort(Comparator.comparingLong(LedgerEntry::sequence)));
        return entries;
    }
}
