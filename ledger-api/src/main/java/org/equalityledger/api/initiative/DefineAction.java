package org.equalityledger.api.initiative;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Checks;
import org.equalityledger.api.common.Copies;
import org.equalityledger.api.common.LocalizedName;

/** Define one action of an initiative's blueprint, with at least one measurable target. */
public record DefineAction(
        @TargetAggregateIdentifier String initiativeId,
        String actionCode,
        LocalizedName names,
        List<MeasurableTarget> targets,
        Actor actor) {

    public DefineAction {
        targets = Copies.list(targets);
        Checks checks = new Checks();
        checks.id("initiativeId", initiativeId);
        checks.code("actionCode", actionCode);
        LocalizedName.check(checks, "names", names);
        if (checks.notEmpty("targets", targets) && checks.atMost("targets", targets, 50)) {
            for (int i = 0; i < targets.size(); i++) {
                MeasurableTarget.check(checks, "targets[" + i + "]", targets.get(i));
            }
        }
        checks.actor(actor);
        checks.orThrow();
    }
}
