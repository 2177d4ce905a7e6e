package org.equalityledger.api.reporting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Checks;

/** File a commitment's progress report for one year (once per year; corrections supersede it). */
public record FileProgressReport(
        @TargetAggregateIdentifier String commitmentId,
        Integer year,
        ProgressReport report,
        Actor actor) {

    public FileProgressReport {
        Checks checks = new Checks();
        checks.id("commitmentId", commitmentId);
        checks.year("year", year);
        ProgressReport.check(checks, "report", report);
        checks.actor(actor);
        checks.orThrow();
    }
}
