package org.equalityledger.service.domain.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.domain.BadInput.fieldsNamedBy;
import static org.equalityledger.service.domain.Refusals.badFields;
import static org.equalityledger.service.domain.Refusals.brokenRule;
import static org.equalityledger.service.domain.Refusals.notPermitted;
import static org.equalityledger.service.domain.commitment.Pledges.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.equalityledger.api.commitment.AmendCommitment;
import org.equalityledger.api.commitment.CommitmentAmended;
import org.equalityledger.api.commitment.CommitmentChanges;
import org.equalityledger.api.commitment.CommitmentCompleted;
import org.equalityledger.api.commitment.CommitmentDetails;
import org.equalityledger.api.commitment.CommitmentExtended;
import org.equalityledger.api.commitment.CommitmentStatus;
import org.equalityledger.api.commitment.CommitmentType;
import org.equalityledger.api.commitment.CommitmentWithdrawn;
import org.equalityledger.api.commitment.CompleteCommitment;
import org.equalityledger.api.commitment.ExtendCommitment;
import org.equalityledger.api.commitment.PledgeRejected;
import org.equalityledger.api.commitment.TargetAction;
import org.equalityledger.api.commitment.WithdrawCommitment;
import org.equalityledger.api.common.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Amending, extending, withdrawing and completing a commitment: always by its allies, always for a reason. */
class LifecycleTest {

    static final Instant LATER = Instant.parse("2022-02-01T09:00:00Z");
    static final CommitmentChanges NEW_TITLE = CommitmentChanges.none().withTitle("Care is work, and work is paid");

    FixtureConfiguration<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
        fixture.registerInjectableResource(referenceData());
    }

    static CommitmentDetails retitled() {
        Pledges.Details d = details();
        d.title = "Care is work, and work is paid";
        return d.build();
    }

    // ---- amend ----

    @Test
    void an_ally_amends_a_commitment_with_a_reason_and_the_event_names_what_changed() {
        fixture.given(pledged(details().build()), accepted())
                .andGivenCurrentTime(LATER)
                .when(new AmendCommitment(ID, NEW_TITLE, "sharper message", ANA))
                .expectEvents(new CommitmentAmended(ID, List.of("title"), retitled(), false, Set.of(), null,
                        "sharper message", LATER, "u-ana"));
    }

    @Test
    void an_amendment_needs_a_reason_and_a_change() {
        assertThat(fieldsNamedBy(() -> new AmendCommitment(ID, CommitmentChanges.none(), "", ANA)))
                .containsExactly("changes", "reason");
    }

    @Test
    void an_amendment_that_changes_nothing_is_refused() {
        fixture.given(pledged(details().build()))
                .when(new AmendCommitment(ID, CommitmentChanges.none().withTitle("Care is work"), "typo", ANA))
                .expectException(brokenRule("commitment.amend.no-change"));
    }

    @Test
    void an_ally_of_a_co_maker_amends_too() {
        fixture.given(pledged(details().coMakers(CO_MAKER).build()))
                .andGivenCurrentTime(LATER)
                .when(new AmendCommitment(ID, NEW_TITLE, "sharper message", YARA))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void an_ally_of_another_maker_does_not_amend() {
        fixture.given(pledged(details().build()))
                .when(new AmendCommitment(ID, NEW_TITLE, "sharper message", STRANGER))
                .expectException(notPermitted());
    }

    @Test
    void an_amendment_obeys_the_period_rules_of_a_pledge() {
        fixture.given(pledged(details().build()))
                .when(new AmendCommitment(ID, CommitmentChanges.none().withPeriod(LocalDate.parse("2021-07-01"),
                        LocalDate.parse("2026-12-31")), "longer", ANA))
                .expectException(brokenRule("commitment.period.too-long"));
    }

    @Test
    void an_amendment_obeys_the_target_rules_of_a_pledge() {
        fixture.given(pledged(details().build()))
                .when(new AmendCommitment(ID, CommitmentChanges.none().withTargets(
                        List.of(new TargetAction("ac-facj", "FACJ-9"))), "refocus", ANA))
                .expectException(brokenRule("commitment.target.unknown-action"));
    }

    @Test
    void an_amended_commitment_is_checked_field_by_field() {
        fixture.given(pledged(details().build()))
                .when(new AmendCommitment(ID, CommitmentChanges.none().withTypes(Set.of(CommitmentType.FINANCIAL)),
                        "money instead", ANA))
                .expectException(badFields("changes.financial"));
    }

    @Test
    void an_initiative_targeted_by_an_amendment_is_to_answer_within_four_weeks_of_it() {
        CommitmentChanges addClimate = CommitmentChanges.none().withTargets(
                List.of(new TargetAction("ac-ejr", "EJR-1"), new TargetAction("ac-facj", "FACJ-1")));
        CommitmentDetails after = details()
                .targets(new TargetAction("ac-ejr", "EJR-1"), new TargetAction("ac-facj", "FACJ-1")).build();
        fixture.given(pledged(details().build()), accepted())
                .andGivenCurrentTime(LATER)
                .when(new AmendCommitment(ID, addClimate, "care and climate", ANA))
                .expectEvents(new CommitmentAmended(ID, List.of("targets"), after, false, Set.of("ac-facj"),
                        LATER.plusSeconds(28 * 86_400), "care and climate", LATER, "u-ana"));
    }

    @Test
    void dropping_the_financial_type_drops_the_money_and_a_government_is_flagged_again() {
        CommitmentDetails withMoney = details().types(CommitmentType.FINANCIAL, CommitmentType.POLICY)
                .financial("1000000", "USD").build();
        CommitmentDetails withoutMoney = details().types(CommitmentType.POLICY).build();
        fixture.given(pledged(GOVERNMENT, withMoney, false))
                .andGivenCurrentTime(LATER)
                .when(new AmendCommitment(ID, CommitmentChanges.none().withTypes(Set.of(CommitmentType.POLICY)),
                        "budget cut", MARCELA))
                .expectEvents(new CommitmentAmended(ID, List.of("types", "financial"), withoutMoney, true, Set.of(),
                        null, "budget cut", LATER, "u-marcela"));
    }

    @Test
    void a_withdrawn_commitment_is_not_amended() {
        fixture.given(pledged(details().build()), new CommitmentWithdrawn(ID, "merged", "u-ana"))
                .when(new AmendCommitment(ID, NEW_TITLE, "sharper message", ANA))
                .expectException(brokenRule("commitment.amend.closed"))
                .expectExceptionMessage("a withdrawn commitment cannot be amended");
    }

    @Test
    void a_completed_commitment_is_not_amended() {
        fixture.given(pledged(details().build()), accepted(), new CommitmentCompleted(ID, null, "u-ana"))
                .when(new AmendCommitment(ID, NEW_TITLE, "sharper message", ANA))
                .expectException(brokenRule("commitment.amend.closed"));
    }

    @Test
    void a_rejected_commitment_is_not_amended() {
        fixture.given(pledged(details().build()), new PledgeRejected(ID, "ac-ejr", "no", PLEDGED_AT, DUE_BY, false,
                        CommitmentStatus.REJECTED, "u-ejr-lead"))
                .when(new AmendCommitment(ID, NEW_TITLE, "sharper message", ANA))
                .expectException(brokenRule("commitment.amend.closed"));
    }

    // ---- extend ----

    @Test
    void an_ally_extends_a_commitment_to_a_later_end_with_a_reason() {
        fixture.given(pledged(details().build()), accepted())
                .when(new ExtendCommitment(ID, LocalDate.parse("2025-12-31"), "second phase funded", ANA))
                .expectEvents(new CommitmentExtended(ID, LocalDate.parse("2023-12-31"), LocalDate.parse("2025-12-31"),
                        "second phase funded", "u-ana"));
    }

    @Test
    void an_extension_moves_the_end_later() {
        fixture.given(pledged(details().build()))
                .when(new ExtendCommitment(ID, LocalDate.parse("2023-12-31"), "same", ANA))
                .expectException(brokenRule("commitment.extend.not-later"));
    }

    @Test
    void an_extension_stays_within_five_years() {
        fixture.given(pledged(details().build()))
                .when(new ExtendCommitment(ID, LocalDate.parse("2027-01-01"), "much longer", ANA))
                .expectException(brokenRule("commitment.period.too-long"));
    }

    @Test
    void an_extension_stays_inside_the_implementation_period() {
        fixture.given(pledged(details().period("2023-01-01", "2024-12-31").build()))
                .when(new ExtendCommitment(ID, LocalDate.parse("2027-06-30"), "longer", ANA))
                .expectException(brokenRule("commitment.period.outside-implementation-period"));
    }

    @Test
    void a_leader_s_five_year_commitment_cannot_be_extended() {
        fixture.given(pledged(LEADING_GOVERNMENT, details().period("2021-07-01", "2026-06-30").build(), true))
                .when(new ExtendCommitment(ID, LocalDate.parse("2026-12-31"), "longer", NADINE))
                .expectException(brokenRule("commitment.period.too-long"));
    }

    @Test
    void an_extension_needs_a_reason_and_an_end() {
        assertThat(fieldsNamedBy(() -> new ExtendCommitment(ID, null, null, ANA))).containsExactly("newEnd", "reason");
    }

    @Test
    void a_withdrawn_commitment_is_not_extended() {
        fixture.given(pledged(details().build()), new CommitmentWithdrawn(ID, "merged", "u-ana"))
                .when(new ExtendCommitment(ID, LocalDate.parse("2024-12-31"), "longer", ANA))
                .expectException(brokenRule("commitment.extend.closed"));
    }

    @Test
    void an_auditor_extends_nothing() {
        fixture.given(pledged(details().build()))
                .when(new ExtendCommitment(ID, LocalDate.parse("2024-12-31"), "longer", AUDITOR))
                .expectException(notPermitted());
    }

    // ---- withdraw ----

    @Test
    void an_ally_withdraws_a_commitment_with_a_reason() {
        fixture.given(pledged(details().build()), accepted())
                .when(new WithdrawCommitment(ID, "the programme lost its funding", ANA))
                .expectEvents(new CommitmentWithdrawn(ID, "the programme lost its funding", "u-ana"));
    }

    @Test
    void a_withdrawal_needs_a_reason() {
        assertThat(fieldsNamedBy(() -> new WithdrawCommitment(ID, " ", ANA))).containsExactly("reason");
    }

    @Test
    void a_commitment_is_withdrawn_once() {
        fixture.given(pledged(details().build()), new CommitmentWithdrawn(ID, "merged", "u-ana"))
                .when(new WithdrawCommitment(ID, "again", ANA))
                .expectException(brokenRule("commitment.withdraw.closed"));
    }

    @Test
    void an_ally_of_another_maker_does_not_withdraw() {
        fixture.given(pledged(details().build()))
                .when(new WithdrawCommitment(ID, "not mine", STRANGER))
                .expectException(notPermitted());
    }

    // ---- complete ----

    @Test
    void an_ally_completes_an_active_commitment() {
        fixture.given(pledged(details().build()), accepted())
                .when(new CompleteCommitment(ID, "all 1000 care jobs created", ANA))
                .expectEvents(new CommitmentCompleted(ID, "all 1000 care jobs created", "u-ana"));
    }

    @Test
    void a_commitment_not_yet_accepted_is_not_completed() {
        fixture.given(pledged(details().build()))
                .when(new CompleteCommitment(ID, null, ANA))
                .expectException(brokenRule("commitment.complete.not-active"));
    }

    @Test
    void a_commitment_is_completed_once() {
        fixture.given(pledged(details().build()), accepted(), new CommitmentCompleted(ID, null, "u-ana"))
                .when(new CompleteCommitment(ID, null, ANA))
                .expectException(brokenRule("commitment.complete.not-active"));
    }

    @Test
    void a_leader_does_not_complete_a_maker_s_commitment() {
        fixture.given(pledged(details().build()), accepted())
                .when(new CompleteCommitment(ID, null, EJR_LEADER))
                .expectException(notPermitted());
    }

    @Test
    void money_in_an_amendment_is_checked_like_money_in_a_pledge() {
        fixture.given(pledged(details().build()))
                .when(new AmendCommitment(ID, CommitmentChanges.none()
                        .withTypes(Set.of(CommitmentType.FINANCIAL)).withFinancial(Money.of("0", "MXN")), "money", ANA))
                .expectException(badFields("changes.financial.amount"));
    }
}
