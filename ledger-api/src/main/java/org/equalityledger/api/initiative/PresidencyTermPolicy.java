package org.equalityledger.api.initiative;

import static org.equalityledger.api.common.RuleViolationException.broken;

import java.time.LocalDate;

/**
 * A presidency rotates every year: each is assigned for a one-year term (e.g. 2018-07-01 to
 * 2019-06-30), which can be extended once, by a second year. (See
 * {@code org.equalityledger.api.commitment.CommitmentPeriodPolicy} for where the ledger's policies
 * live and why.)
 */
public final class PresidencyTermPolicy {

    private PresidencyTermPolicy() {
    }

    /** Refuses a presidency assigned for anything but one year. */
    public static void checkTerm(Term term) {
        if (term.end() == null || !term.end().equals(term.start().plusYears(1).minusDays(1))) {
            throw broken("initiative.presidency.one-year-term",
                    "a presidency is held for a one-year term (e.g. 2018-07-01 to 2019-06-30), which can be "
                            + "extended once by a second year; %s to %s is not one year",
                    term.start(), term.end());
        }
    }

    /**
     * The new end of a presidency held by {@code holder} until {@code end}, extended by a second year;
     * refused when it was extended already.
     */
    public static LocalDate extendedEnd(String holder, LocalDate end, boolean extendedAlready) {
        if (extendedAlready) {
            throw broken("initiative.presidency.extended-once",
                    "a presidency can be extended only once, to a second year; %s's presidency was extended "
                            + "already and ends on %s", holder, end);
        }
        return end.plusYears(1);
    }
}
