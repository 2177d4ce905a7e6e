package org.equalityledger.service.query;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.equalityledger.api.query.LedgerPoint;
import org.equalityledger.projections.store.LedgerReader;
import org.equalityledger.projections.store.ReadModelPositions;

/**
 * How far each projection has applied the ledger, from its processor's segments: the lowest position
 * any segment has reached (EMPTY when the processor is not running or has applied nothing).
 */
class ProcessorPositions implements ReadModelPositions {

    private final EventProcessingConfiguration processing;
    private final LedgerReader ledger;

    ProcessorPositions(EventProcessingConfiguration processing, LedgerReader ledger) {
        this.processing = processing;
        this.ledger = ledger;
    }

    @Override
    public LedgerPoint reached(String projection) {
        long position = processing.eventProcessor(projection, StreamingEventProcessor.class)
                .map(p -> p.processingStatus().values().stream().map(EventTrackerStatus::getCurrentPosition)
                        .mapToLong(at -> at.orElse(-1)).min().orElse(-1))
                .orElse(-1L);
        return ledger.point(position);
    }
}
