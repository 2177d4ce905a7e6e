package org.equalityledger.api.maker;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Checks;

/**
 * Register a commitment maker. {@code country} is an ISO 3166-1 alpha-2 code (upper case).
 */
public record RegisterCommitmentMaker(
        @TargetAggregateIdentifier String makerId,
        String name,
        StakeholderGroup stakeholderGroup,
        Hemisphere hemisphere,
        String country,
        Actor actor) {

    public RegisterCommitmentMaker {
        Checks checks = new Checks();
        checks.id("makerId", makerId);
        checks.line("name", name, Checks.NAME_MAX);
        checks.notNull("stakeholderGroup", stakeholderGroup);
        checks.notNull("hemisphere", hemisphere);
        checks.country("country", country);
        checks.actor(actor);
        checks.orThrow();
    }
}
