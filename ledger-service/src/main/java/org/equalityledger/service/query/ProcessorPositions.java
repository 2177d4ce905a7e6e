package org.equalityledger.service.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.equalityledger.api.query.LedgerPoint;
import org.equalityledger.projections.query.ReadSideBehind;
import org.equalityledger.projections.store.LedgerReader;
import org.equalityledger.projections.store.ReadModelPositions;

/**
 * How far each projection has applied the ledger, from its streaming processor's token: every event
 * up to that position is in its read models (the processor moves its token once a batch is written).
 */
public final class ProcessorPositions implements ReadModelPositions {

    private final Function<String, Optional<StreamingEventProcessor>> processors;
    private final LedgerReader ledger;
    /** A stopped processor (a rebuild's switch, the demo load) shows no status, but its token has not moved. */
    private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();

    public ProcessorPositions(Function<String, Optional<StreamingEventProcessor>> processors, LedgerReader ledger) {
        this.processors = processors;
        this.ledger = ledger;
    }

    @Override
    public LedgerPoint reached(String projection) {
        return point(position(projection));
    }

    /** The ledger's point at {@code position}: the position and the instant its event was recorded. */
    public LedgerPoint point(long position) {
        if (position < 0) {
            return LedgerPoint.EMPTY;
        }
        // The ledger remembers the instants it read, by position: an event's never changes.
        Instant at = ledger.recordedAt(position);
        return new LedgerPoint(position, at);
    }

    /** The position up to which {@code projection} has applied the ledger (-1 before any event). */
    public long position(String projection) {
        long now = processors.apply(projection)
                .map(p -> p.processingStatus().values().stream().mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1))
                .orElse(-1L);
        return lastSeen.merge(projection, now, Math::max);
    }

    /**
     * Returns once every one of {@code projections} has applied the ledger up to {@code position};
     * after {@code wait}, throws {@link ReadSideBehind} with how far the furthest behind is.
     */
    public void await(Collection<String> projections, long position, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long reached = projections.stream().mapToLong(this::position).min().orElse(Long.MAX_VALUE);
            if (reached >= position) {
                return;
            }
            if (System.nanoTime() >= deadline) {
                throw new ReadSideBehind(position, reached);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReadSideBehind(position, reached);
            }
        }
    }
}
