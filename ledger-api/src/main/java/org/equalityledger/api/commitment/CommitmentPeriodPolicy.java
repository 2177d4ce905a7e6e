package org.equalityledger.api.commitment;

import static org.equalityledger.api.common.RuleViolationException.broken;

import java.time.LocalDate;
import java.util.List;
import org.equalityledger.api.initiative.ImplementationPeriod;

/**
 * How long a commitment runs: at least one year and at most five, inside the implementation period
 * of every initiative it targets; a maker that leads a targeted initiative commits for exactly five
 * years. An extension moves the end later, never beyond those bounds. Checked at the pledge and at
 * every amendment and extension. Dates are inclusive: a commitment lasts from {@code start} to the
 * end of the day {@code end}.
 *
 * <p>Every policy of the ledger lives here, in the published language, in the package of the
 * aggregate whose rule it is: plain functions of values the events carry, with no framework. The
 * aggregates decide with them, and the projections and pages that show the rule's outcome use the
 * same function, so the two sides cannot disagree and the read side does not depend on the service.
 */
public final class CommitmentPeriodPolicy {

    static final int MIN_YEARS = 1;
    static final int MAX_YEARS = 5;
    static final int LEADER_YEARS = 5;

    /** A targeted initiative as the rule sees it: its own period, and whether the committing maker leads it. */
    public record TargetedInitiative(String initiativeId, ImplementationPeriod period, boolean ledByMaker) {
    }

    private CommitmentPeriodPolicy() {
    }

    /** Refuses a period from {@code start} to {@code end} that breaks the rule for {@code makerId}. */
    public static void check(String makerId, LocalDate start, LocalDate end, List<TargetedInitiative> initiatives) {
        LocalDate endExclusive = end.plusDays(1);
        if (endExclusive.isBefore(start.plusYears(MIN_YEARS))) {
            throw broken("commitment.period.too-short",
                    "a commitment runs at least one year: starting on %s it must end on %s or later",
                    start, start.plusYears(MIN_YEARS).minusDays(1));
        }
        if (endExclusive.isAfter(start.plusYears(MAX_YEARS))) {
            throw broken("commitment.period.too-long",
                    "a commitment runs at most five years: starting on %s it must end on %s or earlier",
                    start, start.plusYears(MAX_YEARS).minusDays(1));
        }
        for (TargetedInitiative initiative : initiatives) {
            ImplementationPeriod period = initiative.period();
            if (start.getYear() < period.firstYear() || end.getYear() > period.lastYear()) {
                throw broken("commitment.period.outside-implementation-period",
                        "a commitment lies inside the implementation period of every initiative it targets; "
                                + "%s runs from %d to %d, the commitment from %s to %s",
                        initiative.initiativeId(), period.firstYear(), period.lastYear(), start, end);
            }
        }
        for (TargetedInitiative initiative : initiatives) {
            if (initiative.ledByMaker() && !endExclusive.equals(start.plusYears(LEADER_YEARS))) {
                throw broken("commitment.period.leader-five-years",
                        "maker %s leads initiative %s, and a leader's commitment runs five years: starting on %s "
                                + "it ends on %s", makerId, initiative.initiativeId(), start,
                        start.plusYears(LEADER_YEARS).minusDays(1));
            }
        }
    }

    /** Refuses an extension from {@code end} to {@code newEnd} that is no later or breaks the rule. */
    public static void checkExtension(String makerId, LocalDate start, LocalDate end, LocalDate newEnd,
                                      List<TargetedInitiative> initiatives) {
        if (!newEnd.isAfter(end)) {
            throw broken("commitment.extend.not-later", "an extension moves the end later than %s; %s is not later",
                    end, newEnd);
        }
        check(makerId, start, newEnd, initiatives);
    }
}
