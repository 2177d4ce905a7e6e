package org.equalityledger.api.query.reporting;

import java.time.Instant;

/**
 * Who was expected to report for {@code year}, and who did: of one initiative's commitments when
 * {@code initiative} is given, now or as the ledger had recorded it at {@code asOf} (when not null).
 */
public record ReportingCycleCompliance(int year, String initiative, Instant asOf) {

    public ReportingCycleCompliance(int year) {
        this(year, null, null);
    }
}
