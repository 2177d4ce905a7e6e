package org.equalityledger.api.reporting;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.equalityledger.api.common.Checks;
import org.equalityledger.api.common.Copies;
import org.equalityledger.api.common.Money;

/**
 * What a maker reports for one year.
 *
 * @param moneyDisbursed  money disbursed in the year, optional, amount &ge; 0
 * @param indicatorValues a value for any of the commitment's own indicator codes
 * @param peopleReached   optional, &ge; 0
 * @param countries       ISO 3166-1 alpha-2 codes where there was activity
 * @param evidenceLinks   absolute http(s) links
 */
public record ProgressReport(
        ProgressStatus status,
        Money moneyDisbursed,
        Map<String, BigDecimal> indicatorValues,
        Long peopleReached,
        Set<String> countries,
        String narrative,
        List<URI> evidenceLinks) {

    public ProgressReport {
        indicatorValues = Copies.map(indicatorValues);
        countries = Copies.set(countries);
        evidenceLinks = Copies.list(evidenceLinks);
    }

    static void check(Checks checks, String field, ProgressReport report) {
        if (!checks.notNull(field, report)) {
            return;
        }
        String p = field + ".";
        checks.notNull(p + "status", report.status());
        if (report.moneyDisbursed() != null) {
            Money.checkNotNegative(checks, p + "moneyDisbursed", report.moneyDisbursed());
        }
        checks.atMost(p + "indicatorValues", report.indicatorValues().keySet(), 100);
        report.indicatorValues().forEach((code, value) -> {
            if (checks.code(p + "indicatorValues", code)) {
                checks.notNull(p + "indicatorValues." + code, value);
            }
        });
        if (report.peopleReached() != null) {
            checks.require(report.peopleReached() >= 0, p + "peopleReached", "must not be negative");
        }
        checks.atMost(p + "countries", report.countries(), 250);
        checks.countries(p + "countries", report.countries());
        checks.text(p + "narrative", report.narrative(), Checks.TEXT_MAX);
        checks.atMost(p + "evidenceLinks", report.evidenceLinks(), 100);
        for (int i = 0; i < report.evidenceLinks().size(); i++) {
            checks.link(p + "evidenceLinks[" + i + "]", report.evidenceLinks().get(i));
        }
    }
}
