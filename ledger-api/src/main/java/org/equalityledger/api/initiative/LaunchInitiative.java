package org.equalityledger.api.initiative;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Checks;
import org.equalityledger.api.common.LocalizedName;

/**
 * Launch an initiative. The implementation period defaults to 2021–2026 when its years are not given.
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

    public static final int DEFAULT_PERIOD_START = 2021;
    public static final int DEFAULT_PERIOD_END = 2026;

    public LaunchInitiative {
        periodStartYear = periodStartYear == null ? DEFAULT_PERIOD_START : periodStartYear;
        periodEndYear = periodEndYear == null ? DEFAULT_PERIOD_END : periodEndYear;
        Checks checks = new Checks();
        checks.id("initiativeId", initiativeId);
        checks.notNull("kind", kind);
        checks.code("code", code);
        LocalizedName.check(checks, "names", names);
        boolean years = checks.year("periodStartYear", periodStartYear) & checks.year("periodEndYear", periodEndYear);
        if (years) {
            checks.require(periodEndYear >= periodStartYear, "periodEndYear", "must not be before periodStartYear");
        }
        if (parentInitiativeId != null && checks.id("parentInitiativeId", parentInitiativeId)) {
            checks.require(!parentInitiativeId.equals(initiativeId), "parentInitiativeId",
                    "an initiative cannot be its own parent");
        }
        checks.actor(actor);
        checks.orThrow();
    }
}
