package org.equalityledger.projections.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads the event store directly, for answers as of an instant and for rebuild progress. */
public interface LedgerReader {

    /** Every event of one aggregate, in order. */
    List<LedgerEvent> eventsOf(String aggregateId);

    /** Every event of each aggregate, in order, read in as few queries as the store allows. */
    Map<String, List<LedgerEvent>> eventsOf(Collection<String> aggregateIds);

    /**
     * The events of each aggregate at positions before {@code before}, in order: what a fold needs to
     * rebuild a state as it stood at that position (a store may leave the later ones unread).
     */
    default Map<String, List<LedgerEvent>> eventsOf(Collection<String> aggregateIds, long before) {
        Map<String, List<LedgerEvent>> events = new java.util.LinkedHashMap<>();
        eventsOf(aggregateIds).forEach((id, all) -> events.put(id, all.stream().filter(e -> e.position() < before).toList()));
        return events;
    }

    /** The position of the last event recorded at or before {@code instant}; -1 when there is none. */
    long lastPositionAt(Instant instant);

    /** When the event at {@code position} was recorded; null when the ledger holds no event there. */
    Instant recordedAt(long position);

    /** The events at positions {@code from} to {@code to}, both inclusive, in order. */
    List<LedgerEvent> eventsBetween(long from, long to);

    /** The position of the last stored event; -1 when the ledger is empty. */
    long headPosition();
}
