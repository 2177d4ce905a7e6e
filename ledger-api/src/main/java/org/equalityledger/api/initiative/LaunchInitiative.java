package org.equalityledger.api.initiative;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Checks;
import org.equalityledger.api.common.LocalizedName;

/**
 * Launch an initiative. A year not given is the configured implementation period's (see
 * {@link ImplementationPeriod}): the initiative aggregate fills it in.
 *
 * @param parentInitiativeId optional, e.g. the Global Alliance for Care sits under the economic
 *                           justice and rights coalition
 */
public record LaunchInitiative(
        @TargetAggregateIdentifier String initiativeId,
        InitiativeKind kind,
        String code,
        LocalizedName names,
        Integer periodStartYear,
        Integer periodEndYear,
        String parentInitiativeId,
        Actor actor) {

    public LaunchInitiative {
        Checks checks = new Checks();
        checks.id("initiativeId", initiativeId);
        checks.notNull("kind", kind);
        checks.code("code", code);
        LocalizedName.check(checks, "names", names);
        ImplementationPeriod.check(checks, periodStartYear, periodEndYear);
        if (parentInitiativeId != null && checks.id("parentInitiativeId", parentInitiativeId)) {
            checks.require(!parentInitiativeId.equals(initiativeId), "parentInitiativeId",
                    "an initiative cannot be its own parent");
        }
        checks.actor(actor);
        checks.orThrow();
    }
}
