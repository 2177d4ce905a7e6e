package org.equalityledger.api.initiative;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Checks;

/** Extend the latest presidency by a second year (allowed once). The reason is optional. */
public record ExtendPresidency(@TargetAggregateIdentifier String initiativeId, String reason, Actor actor) {

    public ExtendPresidency {
        Checks checks = new Checks();
        checks.id("initiativeId", initiativeId);
        checks.optionalText("reason", reason, Checks.TEXT_MAX);
        checks.actor(actor);
        checks.orThrow();
    }
}
