package org.equalityledger.api.reporting;

import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Checks;

/**
 * The secretariat opens the reporting cycle for {@code year}: reports on that year filed after
 * {@code deadline} are marked late. The deadline falls in or after the year reported on.
 */
public record OpenReportingCycle(Integer year, Instant deadline, Actor actor) {

    public OpenReportingCycle {
        Checks checks = new Checks();
        boolean yearOk = checks.year("year", year);
        if (checks.notNull("deadline", deadline) && yearOk) {
            checks.require(deadline.atOffset(ZoneOffset.UTC).getYear() >= year, "deadline",
                    "must fall in or after the year reported on");
        }
        checks.actor(actor);
        checks.orThrow();
    }

    /** Routes the command to the year's cycle, e.g. {@code reporting-cycle-2022}. */
    @TargetAggregateIdentifier
    public String cycleId() {
        return ReportingCycleId.of(year);
    }
}
