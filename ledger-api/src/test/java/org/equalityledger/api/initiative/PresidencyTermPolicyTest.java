package org.equalityledger.api.initiative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.equalityledger.api.common.RuleViolationException;
import org.junit.jupiter.api.Test;

class PresidencyTermPolicyTest {

    static void refusedTerm(String start, String end) {
        assertThatThrownBy(() -> PresidencyTermPolicy.checkTerm(Term.of(start, end)))
                .isInstanceOf(RuleViolationException.class)
                .matches(e -> ((RuleViolationException) e).rule().equals("initiative.presidency.one-year-term"));
    }

    @Test
    void a_presidency_is_held_for_one_year() {
        assertThatCode(() -> PresidencyTermPolicy.checkTerm(Term.of("2018-07-01", "2019-06-30")))
                .doesNotThrowAnyException();
        assertThatCode(() -> PresidencyTermPolicy.checkTerm(Term.of("2024-02-29", "2025-02-27")))
                .doesNotThrowAnyException();
        refusedTerm("2018-07-01", "2019-07-01");
        refusedTerm("2018-07-01", "2020-06-30");
        refusedTerm("2018-07-01", null);
    }

    @Test
    void a_presidency_is_extended_once_by_a_second_year() {
        LocalDate end = LocalDate.parse("2019-06-30");
        assertThat(PresidencyTermPolicy.extendedEnd("Spain", end, false)).isEqualTo(LocalDate.parse("2020-06-30"));
        assertThatThrownBy(() -> PresidencyTermPolicy.extendedEnd("Spain", end, true))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("Spain's presidency was extended already and ends on 2019-06-30")
                .matches(e -> ((RuleViolationException) e).rule().equals("initiative.presidency.extended-once"));
    }
}
