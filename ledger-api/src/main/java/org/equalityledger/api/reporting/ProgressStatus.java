package org.equalityledger.api.reporting;

/** The progress a maker declares in a yearly report. */
public enum ProgressStatus {
    NOT_STARTED,
    ON_TRACK,
    OFF_TRACK,
    COMPLETED
}
