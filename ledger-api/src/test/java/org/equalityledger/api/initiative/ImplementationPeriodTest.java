package org.equalityledger.api.initiative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equalityledger.api.common.FieldError;
import org.equalityledger.api.common.InvalidCommandException;
import org.junit.jupiter.api.Test;

class ImplementationPeriodTest {

    static final ImplementationPeriod GENERATION_EQUALITY = new ImplementationPeriod(2021, 2026);

    @Test
    void the_period_holds_its_years_both_ends_included() {
        assertThat(GENERATION_EQUALITY.years()).containsExactly(2021, 2022, 2023, 2024, 2025, 2026);
        assertThat(GENERATION_EQUALITY.contains(2021)).isTrue();
        assertThat(GENERATION_EQUALITY.contains(2026)).isTrue();
        assertThat(GENERATION_EQUALITY.contains(2020)).isFalse();
        assertThat(GENERATION_EQUALITY.contains(2027)).isFalse();
        assertThat(GENERATION_EQUALITY).hasToString("2021–2026");
    }

    @Test
    void an_initiative_keeps_the_years_it_gives_and_runs_the_configured_ones_otherwise() {
        assertThat(GENERATION_EQUALITY.withYears(null, null)).isEqualTo(GENERATION_EQUALITY);
        assertThat(GENERATION_EQUALITY.withYears(2018, null)).isEqualTo(new ImplementationPeriod(2018, 2026));
        assertThat(GENERATION_EQUALITY.withYears(2023, 2030)).isEqualTo(new ImplementationPeriod(2023, 2030));
    }

    @Test
    void a_period_does_not_end_before_it_starts() {
        assertThatThrownBy(() -> GENERATION_EQUALITY.withYears(2027, null))
                .isInstanceOf(InvalidCommandException.class)
                .extracting(e -> ((InvalidCommandException) e).errors().stream().map(FieldError::field).toList())
                .isEqualTo(java.util.List.of("periodEndYear"));
    }
}
