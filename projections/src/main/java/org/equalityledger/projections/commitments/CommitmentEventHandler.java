package org.equalityledger.projections.commitments;

import org.axonframework.config.ProcessingGroup;
import org.equalityledger.projections.store.AxonProjection;

/** The "commitments" projection on its own streaming processor. */
@ProcessingGroup(CommitmentProjector.NAME)
public class CommitmentEventHandler extends AxonProjection {

    public CommitmentEventHandler(CommitmentProjector projector) {
        super(projector);
    }
}
