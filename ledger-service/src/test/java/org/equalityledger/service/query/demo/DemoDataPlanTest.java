package org.equalityledger.service.query.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.equalityledger.api.commitment.PledgeCommitment;
import org.equalityledger.api.commitment.TargetAction;
import org.equalityledger.api.initiative.DefineAction;
import org.equalityledger.api.initiative.LaunchInitiative;
import org.equalityledger.service.domain.initiative.ReferenceSet;
import org.junit.jupiter.api.Test;

/** The demo data's own steps come after the reference data they use, now that it is recorded at its historical instants. */
class DemoDataPlanTest {

    @Test
    void every_pledge_comes_after_the_launch_and_the_actions_it_targets() {
        List<ReferenceSet.Step> reference = ReferenceSet.shipped().steps(DemoDataPlan.SECRETARIAT);
        Map<String, List<String>> actions = new LinkedHashMap<>();
        Map<String, Instant> definedAt = new HashMap<>();
        for (ReferenceSet.Step step : reference) {
            if (step.command() instanceof LaunchInitiative l) {
                definedAt.put(l.initiativeId(), step.at());
            } else if (step.command() instanceof DefineAction d) {
                actions.computeIfAbsent(d.initiativeId(), k -> new ArrayList<>()).add(d.actionCode());
                definedAt.put(d.initiativeId() + ":" + d.actionCode(), step.at());
            }
        }
        List<DemoDataPlan.Step> plan = DemoDataPlan.plan(2021L, 0.05, reference, actions);

        assertThat(plan).extracting(DemoDataPlan.Step::at).isSorted();
        int pledges = 0;
        for (DemoDataPlan.Step step : plan) {
            if (step.command() instanceof PledgeCommitment pledge) {
                pledges++;
                for (TargetAction t : pledge.details().targets()) {
                    // A later hour: the loader runs an hour's steps side by side unless the hour holds reference steps.
                    assertThat(definedAt.get(t.initiativeId()).plusSeconds(3_600)).as(t.toString()).isBefore(step.at());
                    assertThat(definedAt.get(t.initiativeId() + ":" + t.actionCode())).as(t.toString()).isBefore(step.at());
                }
            }
        }
        assertThat(pledges).isGreaterThan(100);
        assertThat(plan.get(0).command()).isEqualTo(reference.get(0).command());
    }
}
