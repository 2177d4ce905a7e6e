package org.equalityledger.api.commitment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.equalityledger.api.commitment.CommitmentPeriodPolicy.TargetedInitiative;
import org.equalityledger.api.common.RuleViolationException;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.junit.jupiter.api.Test;

class CommitmentPeriodPolicyTest {

    static final ImplementationPeriod GENERATION_EQUALITY = new ImplementationPeriod(2021, 2026);
    static final TargetedInitiative CARE = new TargetedInitiative("ac-ejr", GENERATION_EQUALITY, false);
    static final TargetedInitiative LED_BY_THE_MAKER = new TargetedInitiative("ac-ejr", GENERATION_EQUALITY, true);
    static final TargetedInitiative LATE_STARTER = new TargetedInitiative("late-starter",
            new ImplementationPeriod(2023, 2026), false);

    static void accepted(String start, String end, TargetedInitiative... initiatives) {
        assertThatCode(() -> CommitmentPeriodPolicy.check("mk-fundacion", LocalDate.parse(start), LocalDate.parse(end),
                List.of(initiatives))).doesNotThrowAnyException();
    }

    static AbstractThrowableAssert<?, ?> refused(String rule, String start, String end,
                                                  TargetedInitiative... initiatives) {
        return assertThatThrownBy(() -> CommitmentPeriodPolicy.check("mk-fundacion", LocalDate.parse(start),
                LocalDate.parse(end), List.of(initiatives)))
                .isInstanceOf(RuleViolationException.class)
                .matches(e -> ((RuleViolationException) e).rule().equals(rule), "rule " + rule);
    }

    @Test
    void a_commitment_runs_at_least_one_year_both_days_counted() {
        accepted("2022-03-01", "2023-02-28", CARE);
        refused("commitment.period.too-short", "2022-03-01", "2023-02-27", CARE)
                .hasMessageContaining("must end on 2023-02-28 or later");
    }

    @Test
    void a_commitment_runs_at_most_five_years() {
        accepted("2021-07-01", "2026-06-30", CARE);
        refused("commitment.period.too-long", "2021-07-01", "2026-07-01", CARE)
                .hasMessageContaining("must end on 2026-06-30 or earlier");
    }

    @Test
    void the_length_is_judged_before_the_implementation_period() {
        refused("commitment.period.too-long", "2020-01-01", "2026-12-31", CARE);
    }

    @Test
    void a_commitment_lies_inside_the_period_of_every_initiative_it_targets() {
        accepted("2023-01-01", "2024-12-31", CARE, LATE_STARTER);
        refused("commitment.period.outside-implementation-period", "2022-01-01", "2023-12-31", CARE, LATE_STARTER)
                .hasMessageContaining("late-starter runs from 2023 to 2026");
        refused("commitment.period.outside-implementation-period", "2026-01-01", "2027-12-31", CARE);
    }

    @Test
    void a_leader_commits_for_exactly_five_years() {
        accepted("2022-01-01", "2026-12-31", LED_BY_THE_MAKER);
        refused("commitment.period.leader-five-years", "2022-01-01", "2023-12-31", LED_BY_THE_MAKER)
                .hasMessageContaining("maker mk-fundacion leads initiative ac-ejr")
                .hasMessageContaining("it ends on 2026-12-31");
    }

    @Test
    void an_extension_moves_the_end_later_and_never_beyond_the_bounds() {
        LocalDate start = LocalDate.parse("2022-01-01");
        LocalDate end = LocalDate.parse("2023-12-31");
        assertThatCode(() -> CommitmentPeriodPolicy.checkExtension("mk-fundacion", start, end,
                LocalDate.parse("2025-12-31"), List.of(CARE))).doesNotThrowAnyException();
        assertThatThrownBy(() -> CommitmentPeriodPolicy.checkExtension("mk-fundacion", start, end, end, List.of(CARE)))
                .matches(e -> ((RuleViolationException) e).rule().equals("commitment.extend.not-later"));
        assertThatThrownBy(() -> CommitmentPeriodPolicy.checkExtension("mk-fundacion", start, end,
                LocalDate.parse("2027-01-01"), List.of(CARE)))
                .matches(e -> ((RuleViolationException) e).rule().equals("commitment.period.too-long"));
        assertThatThrownBy(() -> CommitmentPeriodPolicy.checkExtension("mk-fundacion", LocalDate.parse("2023-01-01"),
                LocalDate.parse("2024-12-31"), LocalDate.parse("2027-06-30"), List.of(CARE)))
                .matches(e -> ((RuleViolationException) e).rule().equals("commitment.period.outside-implementation-period"));
    }
}
