package org.equalityledger.api.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Checks;

public record WithdrawCommitment(@TargetAggregateIdentifier String commitmentId, String reason, Actor actor) {

    public WithdrawCommitment {
        Checks checks = new Checks();
        checks.id("commitmentId", commitmentId);
        checks.text("reason", reason, Checks.TEXT_MAX);
        checks.actor(actor);
        checks.orThrow();
    }
}
