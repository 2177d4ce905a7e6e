package org.equalityledger.api.commitment;

import java.time.Duration;
import java.time.Instant;

/**
 * The leadership of each targeted initiative answers a pledge within four weeks: from the pledge, or
 * from the amendment that first targets the initiative. A late answer still counts, marked overdue;
 * the validation queue lists overdue pledges first. (See {@link CommitmentPeriodPolicy} for where the
 * ledger's policies live and why.)
 */
public final class DecisionDeadlinePolicy {

    static final Duration TIME_TO_DECIDE = Duration.ofDays(28);

    private DecisionDeadlinePolicy() {
    }

    /** When the decision on a pledge made (or an initiative newly targeted) at {@code at} is due. */
    public static Instant dueBy(Instant at) {
        return at.plus(TIME_TO_DECIDE);
    }

    /** True when a decision due by {@code dueBy} is taken, or still pending, at {@code at}: after it is due. */
    public static boolean overdue(Instant dueBy, Instant at) {
        return at.isAfter(dueBy);
    }
}
