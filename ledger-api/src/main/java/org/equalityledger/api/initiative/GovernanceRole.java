package org.equalityledger.api.initiative;

/** Governance roles of an initiative. Only the presidency has a single holder at a time. */
public enum GovernanceRole {
    LEADER,
    PRESIDENCY,
    TECHNICAL_SECRETARIAT,
    MANAGEMENT_COMMITTEE,
    MEMBER
}
