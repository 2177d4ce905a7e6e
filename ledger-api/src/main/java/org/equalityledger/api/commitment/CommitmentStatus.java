package org.equalityledger.api.commitment;

/**
 * The life-cycle status of a commitment. Not to be confused with the progress status a maker
 * declares in a report, nor with the reporting status a projection derives.
 */
public enum CommitmentStatus {
    /** Waiting for the leadership of the targeted initiatives. */
    PLEDGED,
    /** At least one targeted initiative accepted it. */
    ACTIVE,
    /** Every targeted initiative rejected it. */
    REJECTED,
    WITHDRAWN,
    COMPLETED;

    /** Amendments, extensions, withdrawal and decisions are possible only while pledged or active. */
    public boolean isOpen() {
        return this == PLEDGED || this == ACTIVE;
    }
}
