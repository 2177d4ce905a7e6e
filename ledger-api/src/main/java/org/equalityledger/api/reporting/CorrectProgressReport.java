package org.equalityledger.api.reporting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Checks;

/** Replace the filed report of a year with a corrected one, with a reason. The original stays in the ledger. */
public record CorrectProgressReport(
        @TargetAggregateIdentifier String commitmentId,
        Integer year,
        ProgressReport report,
        String reason,
        Actor actor) {

    public CorrectProgressReport {
        Checks checks = new Checks();
        checks.id("commitmentId", commitmentId);
        checks.year("year", year);
        ProgressReport.check(checks, "report", report);
        checks.text("reason", reason, Checks.TEXT_MAX);
        checks.actor(actor);
        checks.orThrow();
    }
}
