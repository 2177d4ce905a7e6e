package org.equalityledger.api.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Checks;

/** Change any pledged field, always with a reason. The changed details obey the pledge's rules. */
public record AmendCommitment(
        @TargetAggregateIdentifier String commitmentId,
        CommitmentChanges changes,
        String reason,
        Actor actor) {

    public AmendCommitment {
        Checks checks = new Checks();
        checks.id("commitmentId", commitmentId);
        if (checks.notNull("changes", changes)) {
            checks.require(!changes.changeNothing(), "changes", "must change at least one field");
        }
        checks.text("reason", reason, Checks.TEXT_MAX);
        checks.actor(actor);
        checks.orThrow();
    }
}
