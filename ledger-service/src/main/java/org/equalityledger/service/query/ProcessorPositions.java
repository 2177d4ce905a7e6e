package org.equalityledger.service.query;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.equalityledger.api.query.LedgerPoint;
import org.equalityledger.projections.store.LedgerEvent;
import org.equalityledger.projections.store.LedgerReader;
import org.equalityledger.projections.store.ReadModelPositions;

/**
 * How far each projection has applied the ledger, from its Axon processor's token (the position of the
 * last event it processed), with the instant that event was recorded. The instant is kept per position:
 * an event's recording instant never changes, so what is kept cannot go stale.
 */
public final class ProcessorPositions implements ReadModelPositions {

    private final EventProcessingConfiguration processing;
    private final LedgerReader ledger;
    private final Map<String, LedgerPoint> last = new ConcurrentHashMap<>();

    public ProcessorPositions(EventProcessingConfiguration processing, LedgerReader ledger) {
        this.processing = processing;
        this.ledger = ledger;
    }

    @Override
    public LedgerPoint reached(String projection) {
        long position = processing.eventProcessor(projection, StreamingEventProcessor.class)
                .map(p -> p.processingStatus().values().stream().mapToLong(s -> s.getCurrentPosition().orElse(-1))
                        .min().orElse(-1))
                .orElse(-1L);
        if (position < 0) {
            return LedgerPoint.EMPTY;
        }
        LedgerPoint known = last.get(projection);
        if (known != null && known.position() == position) {
            return known;
        }
        List<LedgerEvent> event = ledger.eventsBetween(position, position);
        LedgerPoint point = event.isEmpty() ? LedgerPoint.EMPTY : new LedgerPoint(position, event.get(0).recordedAt());
        last.put(projection, point);
        return point;
    }
}
