package org.equalityledger.api.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Checks;

/** The leadership of one targeted initiative accepts or rejects a pledge. A rejection needs a reason. */
public record DecideOnPledge(
        @TargetAggregateIdentifier String commitmentId,
        String initiativeId,
        Verdict verdict,
        String reason,
        Actor actor) {

    public DecideOnPledge {
        Checks checks = new Checks();
        checks.id("commitmentId", commitmentId);
        checks.id("initiativeId", initiativeId);
        checks.notNull("verdict", verdict);
        if (verdict == Verdict.REJECT) {
            checks.text("reason", reason, Checks.TEXT_MAX);
        } else {
            checks.optionalText("reason", reason, Checks.TEXT_MAX);
        }
        checks.actor(actor);
        checks.orThrow();
    }
}
