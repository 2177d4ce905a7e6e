package org.equalityledger.projections.reporting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.equalityledger.api.query.LedgerPoint;
import org.equalityledger.api.query.reporting.CycleCompliance;
import org.equalityledger.api.query.reporting.ReportingCycleCompliance;
import org.equalityledger.api.reporting.ReportingStatusPolicy;
import org.equalityledger.projections.commitments.CommitmentProjector;
import org.equalityledger.projections.commitments.CommitmentRows;
import org.equalityledger.projections.reference.Recorded;

/** The reporting room's answers: a cycle's compliance, from a scan of the list rows (now or as of an instant, see {@link CommitmentRows}). */
public class ReportingQueries {

    private final Recorded recorded;

    public ReportingQueries(Recorded recorded) {
        this.recorded = recorded;
    }

    /** Every commitment expected to report for the year: who reported, who was late, who is overdue. */
    @QueryHandler
    public CycleCompliance handle(ReportingCycleCompliance q) {
        LedgerPoint point = q.asOf() == null ? recorded.current(CommitmentProjector.NAME) : recorded.asOf(q.asOf());
        int year = q.year();
        Instant now = q.asOf() == null ? recorded.now() : q.asOf();
        ReportingStatusPolicy.Cycle cycle = recorded.cycles(now).get(year);
        boolean deadlinePassed = cycle != null && cycle.due(now);
        List<CycleCompliance.Expected> expected = new ArrayList<>();
        int reported = 0;
        int late = 0;
        int overdue = 0;
        int notYetDue = 0;
        for (Document row : CommitmentRows.of(recorded, q.asOf())) {
            String status = row.getString("status");
            if (!"ACTIVE".equals(status) && !"COMPLETED".equals(status)
                    || q.initiative() != null && !row.getList("initiatives", String.class, List.of()).contains(q.initiative())) {
                continue;
            }
            String closedAt = row.getString("closedAt");
            int last = ReportingStatusPolicy.lastExpectedYear(row.getInteger("endYear"),
                    closedAt == null ? null : Instant.parse(closedAt));
            if (year < row.getInteger("startYear") || year > last) {
                continue;
            }
            String state;
            if (row.getList("reportedYears", Integer.class, List.of()).contains(year)) {
                reported++;
                state = row.getList("lateYears", Integer.class, List.of()).contains(year) ? "reportedLate" : "reported";
                late += state.equals("reportedLate") ? 1 : 0;
            } else if (deadlinePassed) {
                overdue++;
                state = "overdue";
            } else {
                notYetDue++;
                state = "notYetDue";
            }
            expected.add(new CycleCompliance.Expected(row.getString("_id"), row.getString("title"), row.getString("makerName"),
                    row.getList("initiativeNames", String.class), state,
                    row.getString("makerId"), row.getList("initiatives", String.class)));
        }
        expected.sort(Comparator.comparing((CycleCompliance.Expected e) -> order(e.reporting()))
                .thenComparing(CycleCompliance.Expected::commitmentId));
        return new CycleCompliance(year, cycle == null ? null : new CycleCompliance.Cycle(cycle.deadline(), cycle.closed()),
                new CycleCompliance.Counts(expected.size(), reported, late, overdue, notYetDue),
                Recorded.share(reported, expected.size()), expected, point.position(), point.recordedAt());
    }

    private static int order(String reporting) {
        return switch (reporting) {
            case "overdue" -> 0;
            case "reportedLate" -> 1;
            case "notYetDue" -> 2;
            default -> 3;
        };
    }
}
