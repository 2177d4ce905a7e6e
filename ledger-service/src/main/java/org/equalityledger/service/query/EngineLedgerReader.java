package org.equalityledger.service.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.equalityledger.core.LedgerEntry;
import org.equalityledger.projections.store.LedgerEvent;
import org.equalityledger.projections.store.LedgerReader;
import org.equalityledger.service.eventstore.MongoLedgerStorageEngine;

/**
 * The read side's direct view of the event store: reads go through the ledger's engine (by
 * aggregate key or by position, both index lookups) and payloads through the same serializer and
 * upcasters as everything else, so 2021's events read the same in 2030.
 */
public final class EngineLedgerReader implements LedgerReader {

    private final MongoLedgerStorageEngine engine;
    private final Serializer serializer;
    private final EventUpcaster upcasters;

    public EngineLedgerReader(MongoLedgerStorageEngine engine, Serializer serializer, EventUpcaster upcasters) {
        this.engine = engine;
        this.serializer = serializer;
        this.upcasters = upcasters;
    }

    @Override
    public List<LedgerEvent> eventsOf(String aggregateId) {
        return eventsOf(List.of(aggregateId)).get(aggregateId);
    }

    @Override
    public Map<String, List<LedgerEvent>> eventsOf(Collection<String> aggregateIds) {
        Map<String, List<LedgerEvent>> result = new LinkedHashMap<>();
        engine.entriesOf(aggregateIds).forEach((id, entries) -> result.put(id, deserialize(entries)));
        return result;
    }

    private List<LedgerEvent> deserialize(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        Map<String, LedgerEntry> byEventId = new HashMap<>();
        entries.forEach(e -> byEventId.put(e.eventId(), e));
        Stream<GenericDomainEventEntry<String>> data = entries.stream().map(e -> new GenericDomainEventEntry<>(
                e.aggregateType(), e.aggregateId(), e.sequence(), e.eventId(), e.recordedAt(), e.payloadType(),
                e.payloadRevision(), e.payload(), e.metadata()));
        List<LedgerEvent> events = new ArrayList<>(entries.size());
        EventStreamUtils.asStream(EventStreamUtils.upcastAndDeserializeDomainEvents(data, serializer, upcasters))
                .forEach((DomainEventMessage<?> m) -> {
                    LedgerEntry entry = byEventId.get(m.getIdentifier());
                    events.add(new LedgerEvent(entry == null ? -1 : entry.position(), m.getTimestamp(), m.getPayload()));
                });
        return events;
    }

    @Override
    public long lastPositionAt(Instant instant) {
        TrackingToken token = engine.createTokenAt(instant.plusNanos(1));
        return token == null ? -1 : token.position().orElse(-1);
    }

    @Override
    public List<LedgerEvent> eventsBetween(long from, long to) {
        List<LedgerEvent> events = new ArrayList<>();
        if (to < from) {
            return events;
        }
        TrackingToken start = from <= 0 ? null : new GlobalSequenceTrackingToken(from - 1);
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(start, false)) {
            stream.takeWhile(m -> m.trackingToken().position().orElse(Long.MAX_VALUE) <= to)
                    .forEach(m -> events.add(new LedgerEvent(m.trackingToken().position().getAsLong(), m.getTimestamp(), m.getPayload())));
        }
        return events;
    }

    @Override
    public long headPosition() {
        TrackingToken head = engine.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }
}
