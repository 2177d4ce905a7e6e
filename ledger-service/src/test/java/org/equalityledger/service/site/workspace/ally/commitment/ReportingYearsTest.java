package org.equalityledger.service.site.workspace.ally.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.equalityledger.api.commitment.CommitmentStatus;
import org.equalityledger.api.query.commitments.CommitmentView;
import org.equalityledger.api.query.reporting.CycleCompliance;
import org.equalityledger.api.reporting.ProgressStatus;
import org.equalityledger.api.reporting.ReportingStatus;
import org.junit.jupiter.api.Test;

/**
 * What the ally's page says is due, year by year, from the commitment as read and the reporting cycles
 * as recorded: a filed report, an overdue one (as the read side derived it), the report of an open cycle,
 * a year begun without a due report, a year not begun.
 */
class ReportingYearsTest {

    static final int THIS_YEAR = Instant.now().atOffset(ZoneOffset.UTC).getYear();

    static CommitmentView commitment(CommitmentStatus status, int firstYear, int lastYear, List<Integer> missing,
                                     List<CommitmentView.YearReports> reports) {
        return new CommitmentView("commitment-x", null, 1, "Care is work", "A campaign.", null, status, null, null, List.of(),
                null, List.of(), null, LocalDate.of(firstYear, 1, 1), LocalDate.of(lastYear, 12, 31), null, null, List.of(),
                reports, null, new CommitmentView.ReportingStatusView(missing.isEmpty() ? ReportingStatus.NOT_YET_DUE
                        : ReportingStatus.OVERDUE_ONE_CYCLE, false, missing, missing),
                null, 0, 0, null, null, null, List.of(), 1, null);
    }

    static CommitmentView.YearReports filed(int year, boolean late) {
        return new CommitmentView.YearReports(year, new CommitmentView.ReportRevision(1, ProgressStatus.ON_TRACK, null,
                Map.of(), null, null, "Done.", List.of(), Instant.now(), null, late, null, "ally-demo", null), List.of());
    }

    @Test
    void each_year_of_the_period_stands_as_its_cycle_and_reports_say() {
        int first = THIS_YEAR - 3;
        CommitmentView c = commitment(CommitmentStatus.ACTIVE, first, THIS_YEAR + 1, List.of(first + 1),
                List.of(filed(first, true)));
        Map<Integer, CycleCompliance.Cycle> cycles = new HashMap<>();
        cycles.put(first, new CycleCompliance.Cycle(Instant.parse((first + 1) + "-03-31T23:59:59Z"), true));
        cycles.put(first + 1, new CycleCompliance.Cycle(Instant.parse((first + 2) + "-03-31T23:59:59Z"), true));
        cycles.put(first + 2, new CycleCompliance.Cycle(Instant.parse((first + 3) + "-03-31T23:59:59Z"), false));

        List<AllyCommitmentPage.YearRow> years = AllyCommitmentPage.years(c, cycles);

        assertThat(years).extracting(AllyCommitmentPage.YearRow::year)
                .containsExactly(first, first + 1, first + 2, THIS_YEAR, THIS_YEAR + 1);
        assertThat(years).extracting(AllyCommitmentPage.YearRow::standing)
                .containsExactly("filedLate", "overdue", "due", "notFiled", "future");
        assertThat(years).filteredOn(AllyCommitmentPage.YearRow::isDue).extracting(AllyCommitmentPage.YearRow::year)
                .containsExactly(first + 1, first + 2);
    }

    @Test
    void a_pledge_not_accepted_owes_nothing_even_in_an_open_cycle() {
        CommitmentView c = commitment(CommitmentStatus.PLEDGED, THIS_YEAR - 1, THIS_YEAR, List.of(), List.of());
        Map<Integer, CycleCompliance.Cycle> cycles = Map.of(THIS_YEAR - 1,
                new CycleCompliance.Cycle(Instant.parse(THIS_YEAR + "-12-31T23:59:59Z"), false));
        assertThat(AllyCommitmentPage.years(c, cycles)).extracting(AllyCommitmentPage.YearRow::standing)
                .containsExactly("notFiled", "notFiled");
    }
}
