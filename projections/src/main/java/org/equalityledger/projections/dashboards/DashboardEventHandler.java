package org.equalityledger.projections.dashboards;

import org.axonframework.config.ProcessingGroup;
import org.equalityledger.projections.store.AxonProjection;

/** The "dashboards" projection on its own streaming processor. */
@ProcessingGroup(DashboardProjector.NAME)
public class DashboardEventHandler extends AxonProjection {

    public DashboardEventHandler(DashboardProjector projector) {
        super(projector);
    }
}
