package org.equalityledger.api.query.dashboards;

import java.time.Instant;

/**
 * Reporting compliance in one year's cycle, as the reporting survey measures it: of the commitments
 * {@code expected} to report for {@code year}, those that reported by the deadline, those that
 * reported after it, and those still missing once the deadline passed ({@code overdue}: 0 while it
 * has not, or while the cycle is not opened). {@code deadline} is null while the cycle is not opened.
 */
public record CycleFigures(int year, Instant deadline, boolean deadlinePassed, long expected, long reportedOnTime,
                           long late, long overdue, Double shareReported) {
}
