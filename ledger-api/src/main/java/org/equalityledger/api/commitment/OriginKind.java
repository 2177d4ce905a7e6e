package org.equalityledger.api.commitment;

public enum OriginKind {
    /** Made at a forum, e.g. the Generation Equality Forum in Mexico City or Paris. */
    FORUM,
    /** Made in a yearly pledging window. */
    YEARLY_WINDOW,
    /** Recorded from a report of participation in an international event (seed 002). */
    PARTICIPATION_REPORT
}
