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

    /** The position of the last event recorded at or before {@code instant}; -1 when there is none. */
    long lastPositionAt(Instant instant);

    /** The events at positions {@code from} to {@code to}, both inclusive, in order. */
    List<LedgerEvent> eventsBetween(long from, long to);

    /** The position of the last stored event; -1 when the ledger is empty. */
    long headPosition();
}
