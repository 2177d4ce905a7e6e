package org.equalityledger.service.eventstore;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.equalityledger.core.LedgerEntry;

/**
 * The ledger as the web, the read side and the reference loader read it: an aggregate's stored
 * events with their positions and hashes, where the ledger ends, and its events in position order.
 * The storage engine behind it is the configuration's business; the audit, which trusts nothing the
 * store says, reads through {@link StoredLedger} instead.
 */
public interface LedgerEvents {

    /** The position of the last stored event; -1 when the ledger is empty. */
    long headPosition();

    /**
     * Runs {@code command} (which sends a command and waits for it) and returns the position of the
     * last event it appended on this thread, once durable; the head of the ledger when it appended
     * none (the answer then rests on what was recorded up to there).
     */
    long positionAfter(Runnable command);

    /** The position of the last event recorded at or before {@code instant}; -1 when there is none. */
    long lastPositionAt(Instant instant);

    /** When the event at {@code position} was recorded; null when the ledger holds no event there. */
    Instant recordedAt(long position);

    /** Whether the aggregate has any stored event. */
    boolean holds(String aggregateId);

    /**
     * Every stored event of an aggregate as the ledger holds it, with its position and hashes, for
     * histories an auditor can check against a proof.
     */
    List<LedgerEntry> entriesOf(String aggregateId);

    /**
     * Every stored event of each of the aggregates, in sequence order, read in as few queries as
     * their lengths allow: for reading many short streams at once (the read side's answers as of an
     * instant).
     */
    Map<String, List<LedgerEntry>> entriesOf(Collection<String> aggregateIds);

    /**
     * The hash stored with each of these events, by position: what the store holds, which differs from
     * {@link LedgerEntry#hash()} (computed from the stored fields) once an event was altered.
     */
    Map<Long, String> storedHashesOf(List<LedgerEntry> entries);

    /**
     * The events from {@code position} on, in position order, upcast and deserialized as event
     * handlers see them; read lazily, so the caller closes the stream and may stop early.
     */
    Stream<? extends TrackedEventMessage<?>> eventsFrom(long position);
}
