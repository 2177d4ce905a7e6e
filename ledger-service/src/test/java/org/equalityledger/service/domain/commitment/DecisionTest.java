package org.equalityledger.service.domain.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.domain.BadInput.fieldsNamedBy;
import static org.equalityledger.service.domain.Refusals.brokenRule;
import static org.equalityledger.service.domain.Refusals.notPermitted;
import static org.equalityledger.service.domain.commitment.Pledges.*;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.equalityledger.api.commitment.CommitmentDetails;
import org.equalityledger.api.commitment.CommitmentStatus;
import org.equalityledger.api.commitment.CommitmentWithdrawn;
import org.equalityledger.api.commitment.DecideOnPledge;
import org.equalityledger.api.commitment.PledgeAccepted;
import org.equalityledger.api.commitment.PledgeRejected;
import org.equalityledger.api.commitment.TargetAction;
import org.equalityledger.api.commitment.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The leadership of each targeted initiative accepts or rejects a pledge, within four weeks. */
class DecisionTest {

    static final Instant A_WEEK_LATER = PLEDGED_AT.plusSeconds(7 * 86_400);
    static final CommitmentDetails TWO_INITIATIVES = details()
            .targets(new TargetAction("ac-ejr", "EJR-1"), new TargetAction("ac-facj", "FACJ-3")).build();

    FixtureConfiguration<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
        fixture.registerInjectableResource(referenceData());
    }

    static PledgeRejected rejected(String initiativeId, Instant at, CommitmentStatus after, String by) {
        return new PledgeRejected(ID, initiativeId, "outside our blueprint", at, DUE_BY, false, after, by);
    }

    @Test
    void the_leadership_of_a_targeted_initiative_accepts_a_pledge_and_it_becomes_active() {
        fixture.given(pledged(details().build()))
                .andGivenCurrentTime(A_WEEK_LATER)
                .when(new DecideOnPledge(ID, "ac-ejr", Verdict.ACCEPT, "a strong care commitment", EJR_LEADER))
                .expectEvents(new PledgeAccepted(ID, "ac-ejr", "a strong care commitment", A_WEEK_LATER, DUE_BY, false,
                        CommitmentStatus.ACTIVE, "u-ejr-lead"));
    }

    @Test
    void only_the_leadership_of_the_initiative_decides_on_pledges_to_it() {
        fixture.given(pledged(details().build()))
                .andGivenCurrentTime(A_WEEK_LATER)
                .when(new DecideOnPledge(ID, "ac-ejr", Verdict.ACCEPT, null, FACJ_LEADER))
                .expectException(notPermitted())
                .expectNoEvents();
    }

    @Test
    void the_maker_s_ally_does_not_decide() {
        fixture.given(pledged(details().build()))
                .when(new DecideOnPledge(ID, "ac-ejr", Verdict.ACCEPT, null, ANA))
                .expectException(notPermitted());
    }

    @Test
    void a_leader_decides_only_for_an_initiative_the_pledge_targets() {
        fixture.given(pledged(details().build()))
                .andGivenCurrentTime(A_WEEK_LATER)
                .when(new DecideOnPledge(ID, "ac-facj", Verdict.ACCEPT, null, FACJ_LEADER))
                .expectException(brokenRule("commitment.decision.not-targeted"));
    }

    @Test
    void a_rejection_needs_a_reason() {
        assertThat(fieldsNamedBy(() -> new DecideOnPledge(ID, "ac-ejr", Verdict.REJECT, " ", EJR_LEADER)))
                .containsExactly("reason");
        new DecideOnPledge(ID, "ac-ejr", Verdict.ACCEPT, null, EJR_LEADER);
    }

    @Test
    void one_decision_per_initiative() {
        fixture.given(pledged(details().build()), accepted())
                .andGivenCurrentTime(A_WEEK_LATER)
                .when(new DecideOnPledge(ID, "ac-ejr", Verdict.REJECT, "changed our mind", EJR_LEADER))
                .expectException(brokenRule("commitment.decision.already-decided"));
    }

    @Test
    void a_decision_after_four_weeks_is_recorded_as_overdue() {
        Instant late = DUE_BY.plusSeconds(1);
        fixture.given(pledged(details().build()))
                .andGivenCurrentTime(late)
                .when(new DecideOnPledge(ID, "ac-ejr", Verdict.ACCEPT, null, EJR_LEADER))
                .expectEvents(new PledgeAccepted(ID, "ac-ejr", null, late, DUE_BY, true, CommitmentStatus.ACTIVE,
                        "u-ejr-lead"));
    }

    @Test
    void a_pledge_stays_pledged_while_another_targeted_initiative_has_not_answered() {
        fixture.given(pledged(TWO_INITIATIVES))
                .andGivenCurrentTime(A_WEEK_LATER)
                .when(new DecideOnPledge(ID, "ac-ejr", Verdict.REJECT, "outside our blueprint", EJR_LEADER))
                .expectEvents(rejected("ac-ejr", A_WEEK_LATER, CommitmentStatus.PLEDGED, "u-ejr-lead"));
    }

    @Test
    void a_pledge_is_rejected_once_every_targeted_initiative_rejected_it() {
        fixture.given(pledged(TWO_INITIATIVES),
                        rejected("ac-ejr", A_WEEK_LATER, CommitmentStatus.PLEDGED, "u-ejr-lead"))
                .andGivenCurrentTime(A_WEEK_LATER)
                .when(new DecideOnPledge(ID, "ac-facj", Verdict.REJECT, "outside our blueprint", FACJ_LEADER))
                .expectEvents(rejected("ac-facj", A_WEEK_LATER, CommitmentStatus.REJECTED, "u-facj-lead"));
    }

    @Test
    void a_pledge_is_active_once_any_targeted_initiative_accepts_it() {
        fixture.given(pledged(TWO_INITIATIVES),
                        rejected("ac-ejr", A_WEEK_LATER, CommitmentStatus.PLEDGED, "u-ejr-lead"))
                .andGivenCurrentTime(A_WEEK_LATER)
                .when(new DecideOnPledge(ID, "ac-facj", Verdict.ACCEPT, null, FACJ_LEADER))
                .expectEvents(new PledgeAccepted(ID, "ac-facj", null, A_WEEK_LATER, DUE_BY, false,
                        CommitmentStatus.ACTIVE, "u-facj-lead"));
    }

    @Test
    void a_rejection_after_an_acceptance_leaves_the_commitment_active() {
        fixture.given(pledged(TWO_INITIATIVES), accepted())
                .andGivenCurrentTime(A_WEEK_LATER)
                .when(new DecideOnPledge(ID, "ac-facj", Verdict.REJECT, "outside our blueprint", FACJ_LEADER))
                .expectEvents(rejected("ac-facj", A_WEEK_LATER, CommitmentStatus.ACTIVE, "u-facj-lead"));
    }

    @Test
    void no_decision_on_a_withdrawn_commitment() {
        fixture.given(pledged(details().build()), new CommitmentWithdrawn(ID, "merged into another", "u-ana"))
                .andGivenCurrentTime(A_WEEK_LATER)
                .when(new DecideOnPledge(ID, "ac-ejr", Verdict.ACCEPT, null, EJR_LEADER))
                .expectException(brokenRule("commitment.decision.closed"));
    }
}
