package org.equalityledger.api.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.equalityledger.api.reporting.ReportingStatusPolicy.Cycle;
import org.junit.jupiter.api.Test;

class ReportingStatusPolicyTest {

    static final Instant NOW = Instant.parse("2025-02-01T00:00:00Z");

    /** The cycles of 2021 to 2024 opened each January with a deadline at the end of March the next year. */
    static final Map<Integer, Cycle> CYCLES = Map.of(
            2021, cycle(2021), 2022, cycle(2022), 2023, cycle(2023), 2024, cycle(2024));

    static Cycle cycle(int year) {
        return new Cycle(year, Instant.parse((year + 1) + "-03-31T23:59:59Z"), Instant.parse(year + "-01-15T00:00:00Z"),
                false);
    }

    static ReportingStatus status(List<Integer> due, Integer... reported) {
        return ReportingStatusPolicy.status(true, due, Set.of(reported)::contains);
    }

    @Test
    void a_report_is_expected_up_to_the_year_the_commitment_is_closed() {
        assertThat(ReportingStatusPolicy.lastExpectedYear(2026, null)).isEqualTo(2026);
        assertThat(ReportingStatusPolicy.lastExpectedYear(2026, Instant.parse("2023-08-01T00:00:00Z"))).isEqualTo(2023);
        assertThat(ReportingStatusPolicy.lastExpectedYear(2023, Instant.parse("2024-01-10T00:00:00Z"))).isEqualTo(2023);
    }

    @Test
    void a_report_is_due_once_its_cycle_is_opened_and_its_deadline_passed() {
        assertThat(ReportingStatusPolicy.dueYears(2022, 2026, CYCLES, NOW)).containsExactly(2022, 2023);
        assertThat(ReportingStatusPolicy.dueYears(2021, 2022, CYCLES, NOW)).containsExactly(2021, 2022);
        assertThat(ReportingStatusPolicy.dueYears(2021, 2026, CYCLES, Instant.parse("2022-01-01T00:00:00Z"))).isEmpty();
        Cycle openedLater = new Cycle(2023, Instant.parse("2024-03-31T23:59:59Z"), Instant.parse("2025-07-01T00:00:00Z"),
                false);
        assertThat(openedLater.due(NOW)).isFalse();
        assertThat(cycle(2023).due(NOW)).isTrue();
        assertThat(cycle(2024).due(NOW)).isFalse();
    }

    @Test
    void the_status_follows_the_latest_due_reports() {
        assertThat(ReportingStatusPolicy.status(false, List.of(2022, 2023), year -> false))
                .isEqualTo(ReportingStatus.NOT_EXPECTED);
        assertThat(status(List.of())).isEqualTo(ReportingStatus.NOT_YET_DUE);
        assertThat(status(List.of(2022, 2023), 2023)).isEqualTo(ReportingStatus.REPORTED);
        assertThat(status(List.of(2022, 2023), 2022)).isEqualTo(ReportingStatus.OVERDUE_ONE_CYCLE);
        assertThat(status(List.of(2021, 2022, 2023), 2021)).isEqualTo(ReportingStatus.OVERDUE_TWO_CYCLES);
        assertThat(status(List.of(2021, 2022, 2023))).isEqualTo(ReportingStatus.OVERDUE_TWO_CYCLES);
    }

    @Test
    void two_overdue_cycles_show_the_commitment_as_inactive() {
        assertThat(ReportingStatus.OVERDUE_TWO_CYCLES.inactive()).isTrue();
        assertThat(List.of(ReportingStatus.NOT_EXPECTED, ReportingStatus.NOT_YET_DUE, ReportingStatus.REPORTED,
                ReportingStatus.OVERDUE_ONE_CYCLE)).noneMatch(ReportingStatus::inactive);
    }
}
