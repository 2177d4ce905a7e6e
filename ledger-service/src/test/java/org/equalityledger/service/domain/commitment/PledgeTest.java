package org.equalityledger.service.domain.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.domain.BadInput.fieldsNamedBy;
import static org.equalityledger.service.domain.Refusals.brokenRule;
import static org.equalityledger.service.domain.Refusals.notPermitted;
import static org.equalityledger.service.domain.commitment.Pledges.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.equalityledger.api.commitment.CommitmentDetails;
import org.equalityledger.api.commitment.CommitmentPledged;
import org.equalityledger.api.commitment.CommitmentType;
import org.equalityledger.api.commitment.Origin;
import org.equalityledger.api.commitment.OriginKind;
import org.equalityledger.api.commitment.PledgeCommitment;
import org.equalityledger.api.commitment.TargetAction;
import org.equalityledger.api.common.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pledging a commitment: who may, what it must say, when and for how long. */
class PledgeTest {

    FixtureConfiguration<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
        fixture.registerInjectableResource(referenceData());
    }

    PledgeCommitment pledge(CommitmentDetails details) {
        return new PledgeCommitment(ID, MAKER, details, ANA);
    }

    @Test
    void an_ally_pledges_for_its_maker_and_the_leadership_is_to_answer_within_four_weeks() {
        CommitmentDetails details = details().build();
        fixture.givenCurrentTime(PLEDGED_AT)
                .when(pledge(details))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CommitmentPledged(ID, MAKER, details, false, PLEDGED_AT,
                        Instant.parse("2021-07-28T10:00:00Z"), "u-ana"));
    }

    @Test
    void an_ally_does_not_pledge_for_another_maker() {
        fixture.givenCurrentTime(PLEDGED_AT)
                .when(new PledgeCommitment(ID, MAKER, details().build(), STRANGER))
                .expectException(notPermitted())
                .expectNoEvents();
    }

    @Test
    void a_leader_or_secretariat_does_not_pledge_for_a_maker() {
        fixture.givenCurrentTime(PLEDGED_AT)
                .when(new PledgeCommitment(ID, MAKER, details().build(), EJR_LEADER))
                .expectException(notPermitted());
    }

    @Test
    void an_auditor_pledges_nothing() {
        fixture.givenCurrentTime(PLEDGED_AT)
                .when(new PledgeCommitment(ID, MAKER, details().build(), AUDITOR))
                .expectException(notPermitted());
    }

    @Test
    void a_commitment_is_pledged_once() {
        fixture.given(pledged(details().build()))
                .andGivenCurrentTime(PLEDGED_AT)
                .when(pledge(details().build()))
                .expectException(brokenRule("commitment.already-pledged"));
    }

    @Test
    void pledges_open_at_the_mexico_city_forum_on_30_march_2021() {
        fixture.givenCurrentTime(Instant.parse("2021-03-30T00:00:00Z"))
                .when(pledge(details().origin(Origin.forum("Generation Equality Forum, Mexico City")).build()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void no_pledge_before_the_mexico_city_forum() {
        fixture.givenCurrentTime(Instant.parse("2021-03-29T23:59:59Z"))
                .when(pledge(details().build()))
                .expectException(brokenRule("commitment.pledge.window-not-open"));
    }

    @Test
    void the_maker_must_be_registered() {
        fixture.givenCurrentTime(PLEDGED_AT)
                .when(new PledgeCommitment(ID, "mk-unknown", details().build(),
                        org.equalityledger.api.common.Actor.allyOf("u-x", "mk-unknown")))
                .expectException(brokenRule("commitment.maker.unknown"));
    }

    @Test
    void a_collaborative_commitment_names_registered_co_makers() {
        fixture.givenCurrentTime(PLEDGED_AT)
                .when(pledge(details().coMakers(CO_MAKER).build()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_co_maker_must_be_registered() {
        fixture.givenCurrentTime(PLEDGED_AT)
                .when(pledge(details().coMakers("mk-ghost").build()))
                .expectException(brokenRule("commitment.co-maker.unknown"));
    }

    @Test
    void a_commitment_targets_actions_across_initiatives() {
        fixture.givenCurrentTime(PLEDGED_AT)
                .when(pledge(details().targets(new TargetAction("ac-ejr", "EJR-1"), new TargetAction("ac-ejr", "EJR-3"),
                        new TargetAction("ac-facj", "FACJ-2")).build()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void every_target_action_must_exist_in_its_initiative() {
        fixture.givenCurrentTime(PLEDGED_AT)
                .when(pledge(details().targets(new TargetAction("ac-ejr", "FACJ-2")).build()))
                .expectException(brokenRule("commitment.target.unknown-action"));
    }

    @Test
    void every_targeted_initiative_must_exist() {
        fixture.givenCurrentTime(PLEDGED_AT)
                .when(pledge(details().targets(new TargetAction("ac-nowhere", "X-1")).build()))
                .expectException(brokenRule("commitment.target.unknown-initiative"));
    }

    @Test
    void a_commitment_runs_one_year_at_least() {
        fixture.givenCurrentTime(PLEDGED_AT)
                .when(pledge(details().period("2022-01-01", "2022-12-31").build()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_commitment_shorter_than_one_year_is_refused() {
        fixture.givenCurrentTime(PLEDGED_AT)
                .when(pledge(details().period("2022-01-01", "2022-12-30").build()))
                .expectException(brokenRule("commitment.period.too-short"));
    }

    @Test
    void a_commitment_runs_five_years_at_most() {
        fixture.givenCurrentTime(PLEDGED_AT)
                .when(pledge(details().period("2021-07-01", "2026-06-30").build()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_commitment_longer_than_five_years_is_refused() {
        fixture.givenCurrentTime(PLEDGED_AT)
                .when(pledge(details().period("2021-07-01", "2026-07-01").build()))
                .expectException(brokenRule("commitment.period.too-long"));
    }

    @Test
    void a_commitment_lies_inside_the_implementation_period_of_every_targeted_initiative() {
        fixture.givenCurrentTime(PLEDGED_AT)
                .when(pledge(details().period("2022-01-01", "2023-12-31")
                        .targets(new TargetAction("ac-ejr", "EJR-1"), new TargetAction("late-starter", "L-1")).build()))
                .expectException(brokenRule("commitment.period.outside-implementation-period"));
    }

    @Test
    void a_commitment_may_not_run_past_the_implementation_period() {
        fixture.givenCurrentTime(PLEDGED_AT)
                .when(pledge(details().period("2025-01-01", "2027-12-31").build()))
                .expectException(brokenRule("commitment.period.outside-implementation-period"));
    }

    @Test
    void the_implementation_period_is_the_initiative_s_own() {
        fixture.givenCurrentTime(PLEDGED_AT)
                .when(pledge(details().period("2025-01-01", "2027-12-31")
                        .targets(new TargetAction("long-runner", "R-1")).build()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_leader_s_commitment_runs_five_years() {
        CommitmentDetails fiveYears = details().period("2021-07-01", "2026-06-30").build();
        fixture.givenCurrentTime(PLEDGED_AT)
                .when(new PledgeCommitment(ID, LEADING_GOVERNMENT, fiveYears, NADINE))
                .expectEvents(new CommitmentPledged(ID, LEADING_GOVERNMENT, fiveYears, true, PLEDGED_AT, DUE_BY,
                        "u-nadine"));
    }

    @Test
    void a_leader_s_commitment_is_not_shorter_than_five_years() {
        fixture.givenCurrentTime(PLEDGED_AT)
                .when(new PledgeCommitment(ID, LEADING_GOVERNMENT, details().period("2022-01-01", "2024-12-31").build(),
                        NADINE))
                .expectException(brokenRule("commitment.period.leader-five-years"));
    }

    @Test
    void a_leader_of_another_initiative_commits_like_any_ally_here() {
        fixture.givenCurrentTime(PLEDGED_AT)
                .when(new PledgeCommitment(ID, LEADING_GOVERNMENT, details().period("2022-01-01", "2024-12-31")
                        .targets(new TargetAction("ac-facj", "FACJ-1")).build(), NADINE))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_government_pledge_without_money_is_accepted_and_flagged() {
        CommitmentDetails policy = details().types(CommitmentType.POLICY).build();
        fixture.givenCurrentTime(PLEDGED_AT)
                .when(new PledgeCommitment(ID, GOVERNMENT, policy, MARCELA))
                .expectEvents(new CommitmentPledged(ID, GOVERNMENT, policy, true, PLEDGED_AT, DUE_BY, "u-marcela"));
    }

    @Test
    void a_government_pledge_with_money_is_not_flagged() {
        CommitmentDetails money = details().types(CommitmentType.FINANCIAL, CommitmentType.POLICY)
                .financial("2500000.00", "CRC").build();
        fixture.givenCurrentTime(PLEDGED_AT)
                .when(new PledgeCommitment(ID, GOVERNMENT, money, MARCELA))
                .expectEvents(new CommitmentPledged(ID, GOVERNMENT, money, false, PLEDGED_AT, DUE_BY, "u-marcela"));
    }

    @Test
    void a_civil_society_pledge_without_money_is_not_flagged() {
        fixture.givenCurrentTime(PLEDGED_AT)
                .when(pledge(details().build()))
                .expectEvents(pledged(details().build()));
    }

    // ---- bad input, refused when the command is built (400) ----

    @Test
    void a_commitment_has_at_least_one_type() {
        assertThat(fieldsNamedBy(() -> pledge(details().types().build()))).containsExactly("details.types");
    }

    @Test
    void a_financial_commitment_needs_an_amount() {
        assertThat(fieldsNamedBy(() -> pledge(details().types(CommitmentType.FINANCIAL).build())))
                .containsExactly("details.financial");
    }

    @Test
    void a_financial_amount_is_greater_than_zero_in_an_iso_4217_currency() {
        assertThat(fieldsNamedBy(() -> pledge(details().types(CommitmentType.FINANCIAL).financial("0", "usd").build())))
                .containsExactly("details.financial.amount", "details.financial.currency");
        assertThat(fieldsNamedBy(() -> pledge(details().types(CommitmentType.FINANCIAL).financial("-5", "XYZ").build())))
                .containsExactly("details.financial.amount", "details.financial.currency");
    }

    @Test
    void a_financial_part_comes_only_with_the_financial_type() {
        assertThat(fieldsNamedBy(() -> pledge(details().financial("10", "USD").build())))
                .containsExactly("details.financial");
    }

    @Test
    void a_commitment_targets_at_least_one_action() {
        assertThat(fieldsNamedBy(() -> pledge(details().targets().build()))).containsExactly("details.targets");
    }

    @Test
    void the_same_action_is_targeted_once() {
        assertThat(fieldsNamedBy(() -> pledge(details().targets(new TargetAction("ac-ejr", "EJR-1"),
                new TargetAction("ac-ejr", "EJR-1")).build()))).containsExactly("details.targets[1]");
    }

    @Test
    void a_commitment_ends_after_it_starts() {
        assertThat(fieldsNamedBy(() -> pledge(details().period("2023-01-01", "2022-01-01").build())))
                .containsExactly("details.end");
    }

    @Test
    void the_maker_is_not_its_own_co_maker() {
        assertThat(fieldsNamedBy(() -> pledge(details().coMakers(MAKER).build())))
                .containsExactly("details.coMakerIds[0]");
    }

    @Test
    void an_origin_carries_its_forum_year_or_report_reference() {
        assertThat(fieldsNamedBy(() -> pledge(details().origin(new Origin(OriginKind.FORUM, null, null, null)).build())))
                .containsExactly("details.origin.forumName");
        assertThat(fieldsNamedBy(() -> pledge(details().origin(new Origin(OriginKind.YEARLY_WINDOW, null, null, null))
                .build()))).containsExactly("details.origin.windowYear");
        assertThat(fieldsNamedBy(() -> pledge(details().origin(
                new Origin(OriginKind.PARTICIPATION_REPORT, null, null, " ")).build())))
                .containsExactly("details.origin.reportReference");
        pledge(details().origin(Origin.participationReport("INAMU, Informe de participación, Foro Generación Igualdad "
                + "– Reunión México, 29-31 marzo 2021")).build());
    }

    @Test
    void a_pledge_names_every_bad_field_at_once() {
        CommitmentDetails bad = new CommitmentDetails(Set.of(CommitmentType.FINANCIAL), new Money(new BigDecimal("-1"),
                "EURO"), List.of(new TargetAction("ac-ejr", "")), Set.of(), " ", null,
                List.of(new org.equalityledger.api.commitment.Indicator("X", "", null, null)), Set.of("ZZ"),
                LocalDate.parse("2022-01-01"), null, null);
        assertThat(fieldsNamedBy(() -> new PledgeCommitment("", MAKER, bad, ANA))).containsExactly(
                "commitmentId",
                "details.financial.amount", "details.financial.currency",
                "details.targets[0].actionCode",
                "details.title", "details.description",
                "details.indicators[0].unit", "details.indicators[0].target",
                "details.countries[0]",
                "details.end",
                "details.origin");
    }
}
