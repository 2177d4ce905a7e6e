package org.equalityledger.api.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Checks;

/** Declare an active commitment fulfilled. The note is optional. */
public record CompleteCommitment(@TargetAggregateIdentifier String commitmentId, String note, Actor actor) {

    public CompleteCommitment {
        Checks checks = new Checks();
        checks.id("commitmentId", commitmentId);
        checks.optionalText("note", note, Checks.TEXT_MAX);
        checks.actor(actor);
        checks.orThrow();
    }
}
