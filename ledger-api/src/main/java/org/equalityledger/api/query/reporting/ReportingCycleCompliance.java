package org.equalityledger.api.query.reporting;

/** Who was expected to report for {@code year}, and who did. */
public record ReportingCycleCompliance(int year) {
}
