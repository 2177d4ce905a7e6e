package org.equalityledger.api.reporting;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A corrected report for {@code year} supersedes revision {@code supersedesRevision}; the superseded
 * report stays in the ledger.
 */
@Revision("1")
public record ProgressReportCorrected(
        String commitmentId,
        int year,
        ProgressReport report,
        int revision,
        int supersedesRevision,
        String reason,
        Instant correctedAt,
        String by) {
}
