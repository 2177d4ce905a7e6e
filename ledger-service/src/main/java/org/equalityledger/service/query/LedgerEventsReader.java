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
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.equalityledger.core.LedgerEntry;
import org.equalityledger.projections.store.LedgerEvent;
import org.equalityledger.projections.store.LedgerReader;
import org.equalityledger.service.eventstore.LedgerEvents;

/**
 * The read side's direct view of the event store: reads go through the ledger's read port (by
 * aggregate key or by position, both index lookups) and payloads through the same serializer and
 * upcasters as everything else, so 2021's events read the same in 2030.
 */
public final class LedgerEventsReader implements LedgerReader {

    private final LedgerEvents ledger;
    private final Serializer serializer;
    private final EventUpcaster upcasters;

    public LedgerEventsReader(LedgerEvents ledger, Serializer serializer, EventUpcaster upcasters) {
        this.ledger = ledger;
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
        ledger.entriesOf(aggregateIds).forEach((id, entries) -> result.put(id, deserialize(entries)));
        return result;
    }

    @Override
    public Map<String, List<LedgerEvent>> eventsOf(Collection<String> aggregateIds, long before) {
        // Left out before they are deserialized: turning payloads into events is most of the cost.
        Map<String, List<LedgerEvent>> result = new LinkedHashMap<>();
        ledger.entriesOf(aggregateIds).forEach((id, entries) ->
                result.put(id, deserialize(entries.stream().filter(e -> e.position() < before).toList())));
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
        return ledger.lastPositionAt(instant);
    }

    @Override
    public Instant recordedAt(long position) {
        return ledger.recordedAt(position);
    }

    @Override
    public List<LedgerEvent> eventsBetween(long from, long to) {
        List<LedgerEvent> events = new ArrayList<>();
        if (to < from) {
            return events;
        }
        try (Stream<? extends TrackedEventMessage<?>> stream = ledger.eventsFrom(from)) {
            stream.takeWhile(m -> m.trackingToken().position().orElse(Long.MAX_VALUE) <= to)
                    .forEach(m -> events.add(new LedgerEvent(m.trackingToken().position().getAsLong(), m.getTimestamp(), m.getPayload())));
        }
        return events;
    }

    @Override
    public long headPosition() {
        return ledger.headPosition();
    }
}
