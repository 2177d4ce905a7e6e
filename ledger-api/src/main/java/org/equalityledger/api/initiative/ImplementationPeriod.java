package org.equalityledger.api.initiative;

import java.util.List;
import java.util.stream.IntStream;
import org.equalityledger.api.common.Checks;

/**
 * The years an initiative is implemented in, both inclusive: Generation Equality's is 2021–2026.
 *
 * <p>The service reads the implementation period from its configuration ({@code ledger.implementation-period}
 * in {@code application.yml}) and hands it to every part that needs it: an initiative launched without
 * years runs it, the dashboards have one figure set per year of it, and the reporting queries and the
 * public page offer its years. An initiative launched with its own years (a coordination table set up
 * in 2018) keeps them: the rule that a commitment lies inside the period is checked against each
 * targeted initiative's own years, see {@code CommitmentPeriodPolicy}.
 */
public record ImplementationPeriod(int firstYear, int lastYear) {

    public ImplementationPeriod {
        Checks checks = new Checks();
        check(checks, firstYear, lastYear);
        checks.orThrow();
    }

    /** The years given, in the field names of {@link LaunchInitiative}; either may be absent. */
    static void check(Checks checks, Integer firstYear, Integer lastYear) {
        boolean years = (firstYear == null || checks.year("periodStartYear", firstYear))
                & (lastYear == null || checks.year("periodEndYear", lastYear));
        if (years && firstYear != null && lastYear != null) {
            checks.require(lastYear >= firstYear, "periodEndYear", "must not be before periodStartYear");
        }
    }

    /** This period with the years given in its place; an absent year stays this period's. */
    public ImplementationPeriod withYears(Integer firstYear, Integer lastYear) {
        return new ImplementationPeriod(firstYear == null ? this.firstYear : firstYear,
                lastYear == null ? this.lastYear : lastYear);
    }

    public boolean contains(int year) {
        return year >= firstYear && year <= lastYear;
    }

    /** Every year of the period, in order. */
    public List<Integer> years() {
        return IntStream.rangeClosed(firstYear, lastYear).boxed().toList();
    }

    /** As people write it: {@code 2021–2026}. */
    @Override
    public String toString() {
        return firstYear + "–" + lastYear;
    }
}
