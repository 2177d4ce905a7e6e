package org.equalityledger.api.query.reporting;

import java.time.Instant;
import java.util.List;

import org.equalityledger.api.query.ReadAnswer;

/**
 * A year's reporting cycle: every commitment expected to report for it, overdue first, and the counts.
 * {@code reported} includes {@code reportedLate}; {@code cycle} is null while the cycle is not opened.
 */
public record CycleCompliance(int year, Cycle cycle, Counts counts, Double shareReported, List<Expected> commitments,
                             long asOfPosition, Instant recordedUpTo) implements ReadAnswer {

    public record Cycle(Instant deadline, boolean closed) {
    }

    public record Counts(int expected, int reported, int reportedLate, int overdue, int notYetDue) {
    }

    /** {@code reporting}: reported, reportedLate, overdue or notYetDue; {@code initiatives} are names, in the order of {@code initiativeIds}. */
    public record Expected(String commitmentId, String title, String maker, List<String> initiatives, String reporting,
                           String makerId, List<String> initiativeIds) {
    }
}
