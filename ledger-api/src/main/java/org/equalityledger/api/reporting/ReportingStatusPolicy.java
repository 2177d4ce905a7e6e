package org.equalityledger.api.reporting;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Everyone reports once a year. An accepted commitment owes a report for every year it runs, up to
 * the year it is completed or withdrawn; a report is due once that year's cycle is opened and its
 * deadline has passed. Its {@link ReportingStatus}: reported when the latest due report is in,
 * overdue one cycle when it is missing, overdue two cycles (shown as inactive) when the last two or
 * more are. (See {@code org.equalityledger.api.commitment.CommitmentPeriodPolicy} for where the
 * ledger's policies live and why.)
 */
public final class ReportingStatusPolicy {

    /** A year's reporting cycle as recorded: opened at {@code openedAt} with {@code deadline}. */
    public record Cycle(int year, Instant deadline, Instant openedAt, boolean closed) {

        /** True when this year's reports are due at {@code at}: the cycle was opened by then and its deadline passed. */
        public boolean due(Instant at) {
            return deadline != null && !openedAt.isAfter(at) && deadline.isBefore(at);
        }
    }

    private ReportingStatusPolicy() {
    }

    /** The last year a commitment running until {@code endYear} reports for, when closed at {@code closedAt} (or null). */
    public static int lastExpectedYear(int endYear, Instant closedAt) {
        return closedAt == null ? endYear : Math.min(endYear, closedAt.atOffset(ZoneOffset.UTC).getYear());
    }

    /** The years from {@code firstYear} to {@code lastExpectedYear} a report was due for by {@code at}. */
    public static List<Integer> dueYears(int firstYear, int lastExpectedYear, Map<Integer, Cycle> cycles, Instant at) {
        List<Integer> due = new ArrayList<>();
        for (int year = firstYear; year <= lastExpectedYear; year++) {
            Cycle c = cycles.get(year);
            if (c != null && c.due(at)) {
                due.add(year);
            }
        }
        return due;
    }

    /**
     * The status of a commitment, {@code accepted} or not, whose reports were due for {@code dueYears}
     * (in order) and which had reported for a year when {@code reported} says so.
     */
    public static ReportingStatus status(boolean accepted, List<Integer> dueYears, IntPredicate reported) {
        if (!accepted) {
            return ReportingStatus.NOT_EXPECTED;
        }
        if (dueYears.isEmpty()) {
            return ReportingStatus.NOT_YET_DUE;
        }
        int missing = 0;
        for (int i = dueYears.size() - 1; i >= 0 && !reported.test(dueYears.get(i)); i--) {
            missing++;
        }
        return missing == 0 ? ReportingStatus.REPORTED
                : missing == 1 ? ReportingStatus.OVERDUE_ONE_CYCLE : ReportingStatus.OVERDUE_TWO_CYCLES;
    }
}
