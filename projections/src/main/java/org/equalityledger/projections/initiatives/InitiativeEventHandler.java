package org.equalityledger.projections.initiatives;

import org.axonframework.config.ProcessingGroup;
import org.equalityledger.projections.store.AxonProjection;

/** The "initiatives" projection on its own streaming processor. */
@ProcessingGroup(InitiativesProjector.NAME)
public class InitiativeEventHandler extends AxonProjection {

    public InitiativeEventHandler(InitiativesProjector projector) {
        super(projector);
    }
}
