package org.equalityledger.api.reporting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Checks;

public record CloseReportingCycle(Integer year, Actor actor) {

    public CloseReportingCycle {
        Checks checks = new Checks();
        checks.year("year", year);
        checks.actor(actor);
        checks.orThrow();
    }

    /** Routes the command to the year's cycle, e.g. {@code reporting-cycle-2022}. */
    @TargetAggregateIdentifier
    public String cycleId() {
        return ReportingCycleId.of(year);
    }
}
