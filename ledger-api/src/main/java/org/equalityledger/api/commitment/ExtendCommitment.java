package org.equalityledger.api.commitment;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Checks;

/** Move the end of a commitment later, within the same bounds, with a reason. */
public record ExtendCommitment(
        @TargetAggregateIdentifier String commitmentId,
        LocalDate newEnd,
        String reason,
        Actor actor) {

    public ExtendCommitment {
        Checks checks = new Checks();
        checks.id("commitmentId", commitmentId);
        checks.notNull("newEnd", newEnd);
        checks.text("reason", reason, Checks.TEXT_MAX);
        checks.actor(actor);
        checks.orThrow();
    }
}
