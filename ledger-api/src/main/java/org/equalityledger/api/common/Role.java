package org.equalityledger.api.common;

/** What an authenticated user may be in the ledger. A user may hold several roles. */
public enum Role {
    /** The coordinating entity: sets up initiatives, actions, governance roles and reporting cycles. */
    SECRETARIAT,
    /** Leadership of one or more initiatives: decides on pledges to those initiatives. */
    LEADER,
    /** A committed ally acting for one or more commitment makers. */
    ALLY,
    /** Reads and verifies everything, changes nothing. */
    AUDITOR
}
