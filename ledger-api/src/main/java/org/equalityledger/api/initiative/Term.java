package org.equalityledger.api.initiative;

import java.time.LocalDate;
import org.equalityledger.api.common.Checks;

/**
 * The term of a governance role, both ends inclusive. {@code end} is null for an open-ended term.
 */
public record Term(LocalDate start, LocalDate end) {

    public static Term of(String start, String end) {
        return new Term(LocalDate.parse(start), end == null ? null : LocalDate.parse(end));
    }

    /** True when the term contains the day or has not yet started before it. */
    public boolean notEndedOn(LocalDate day) {
        return end == null || !end.isBefore(day);
    }

    /** True when the day is within the term, both ends included. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && notEndedOn(day);
    }

    public boolean overlaps(Term other) {
        boolean thisStartsAfterOtherEnds = other.end() != null && start.isAfter(other.end());
        boolean otherStartsAfterThisEnds = end != null && other.start().isAfter(end);
        return !thisStartsAfterOtherEnds && !otherStartsAfterThisEnds;
    }

    static void check(Checks checks, String field, Term term) {
        if (checks.notNull(field, term) && checks.notNull(field + ".start", term.start())) {
            checks.require(term.start().getYear() >= Checks.FIRST_YEAR && term.start().getYear() <= Checks.LAST_YEAR,
                    field + ".start", "must be between " + Checks.FIRST_YEAR + " and " + Checks.LAST_YEAR);
            if (term.end() != null) {
                checks.require(!term.end().isBefore(term.start()), field + ".end", "must not be before the start");
            }
        }
    }
}
