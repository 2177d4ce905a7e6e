package org.equalityledger.api.initiative;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Checks;

/** Give a governance role of an initiative to a maker or an organisation, for a term. */
public record AssignGovernanceRole(
        @TargetAggregateIdentifier String initiativeId,
        GovernanceRole role,
        RoleHolder holder,
        Term term,
        Actor actor) {

    public AssignGovernanceRole {
        Checks checks = new Checks();
        checks.id("initiativeId", initiativeId);
        checks.notNull("role", role);
        RoleHolder.check(checks, "holder", holder);
        Term.check(checks, "term", term);
        checks.actor(actor);
        checks.orThrow();
    }
}
