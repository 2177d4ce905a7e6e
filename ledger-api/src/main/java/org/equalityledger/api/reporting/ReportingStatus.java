package org.equalityledger.api.reporting;

/**
 * Whether a commitment keeps up with the yearly reporting, derived at the instant asked about by
 * {@link ReportingStatusPolicy}. It is never mixed with the progress status the maker declares in a report.
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
}
