package org.equalityledger.api.reporting;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A year's progress report, as filed (revision 1). {@code late} when filed after that year's
 * reporting deadline ({@code deadline}, null when no cycle was opened for the year).
 */
@Revision("1")
public record ProgressReportFiled(
        String commitmentId,
        int year,
        ProgressReport report,
        int revision,
        Instant filedAt,
        Instant deadline,
        boolean late,
        String by) {
}
