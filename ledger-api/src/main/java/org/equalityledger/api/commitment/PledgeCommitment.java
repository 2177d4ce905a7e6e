package org.equalityledger.api.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Checks;

/** A maker pledges a commitment; the id is chosen by the caller. */
public record PledgeCommitment(
        @TargetAggregateIdentifier String commitmentId,
        String makerId,
        CommitmentDetails details,
        Actor actor) {

    public PledgeCommitment {
        Checks checks = new Checks();
        checks.id("commitmentId", commitmentId);
        checks.id("makerId", makerId);
        CommitmentDetails.check(checks, "details", details, makerId);
        checks.actor(actor);
        checks.orThrow();
    }
}
