package org.equalityledger.projections.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a commitment keeps up with the yearly reporting, derived at the instant asked about. It is
 * never mixed with the progress status the maker declares in a report.
 */
public enum ReportingStatus {
    /** Not accepted (pledged, rejected) or withdrawn: no report is expected. */
    NOT_EXPECTED,
    /** Accepted, but no reporting deadline of its years has passed yet. */
    NOT_YET_DUE,
    /** Reported for the latest year whose deadline has passed. */
    REPORTED,
    /** The latest due report is missing. */
    OVERDUE_ONE_CYCLE,
    /** The last two (or more) due reports are missing: the commitment shows as inactive. */
    OVERDUE_TWO_CYCLES;

    public boolean inactive() {
        return this == OVERDUE_TWO_CYCLES;
    }

    /** A year's reporting cycle as recorded: opened at {@code openedAt} with {@code deadline}. */
    public record Cycle(int year, Instant deadline, Instant openedAt, boolean closed) {
    }

    /**
     * The years a report was due for by {@code at}: years the commitment runs (up to its completion)
     * whose cycle was opened by then with a deadline already past.
     */
    public static List<Integer> dueYears(CommitmentState s, Map<Integer, Cycle> cycles, Instant at) {
        List<Integer> due = new ArrayList<>();
        if (s == null || !s.accepted()) {
            return due;
        }
        int last = s.endYear();
        if (s.closedAt != null) {
            last = Math.min(last, s.closedAt.atOffset(ZoneOffset.UTC).getYear());
        }
        for (int year = s.startYear(); year <= last; year++) {
            Cycle c = cycles.get(year);
            if (c != null && c.deadline() != null && !c.openedAt().isAfter(at) && c.deadline().isBefore(at)) {
                due.add(year);
            }
        }
        return due;
    }

    public static ReportingStatus of(CommitmentState s, Map<Integer, Cycle> cycles, Instant at) {
        if (s == null || !s.accepted()) {
            return NOT_EXPECTED;
        }
        List<Integer> due = dueYears(s, cycles, at);
        if (due.isEmpty()) {
            return NOT_YET_DUE;
        }
        int missing = 0;
        for (int i = due.size() - 1; i >= 0; i--) {
            CommitmentState.ReportRevision r = s.reportInForce(due.get(i));
            if (r != null && !r.recordedAt.isAfter(at)) {
                break;
            }
            missing++;
        }
        return missing == 0 ? REPORTED : missing == 1 ? OVERDUE_ONE_CYCLE : OVERDUE_TWO_CYCLES;
    }
}
