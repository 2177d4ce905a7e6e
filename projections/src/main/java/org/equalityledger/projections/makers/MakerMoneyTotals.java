package org.equalityledger.projections.makers;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.equalityledger.api.common.Money;
import org.equalityledger.api.query.makers.MakerMoney;
import org.equalityledger.api.reporting.ProgressReport;
import org.equalityledger.projections.model.CommitmentState;
import org.equalityledger.projections.rates.RecordedRates;

/**
 * Sums a maker's money as the dashboards do (each pledge at its pledge year's rate, each disbursement
 * in force at the rate of the year reported on), so a profile and a dashboard agree; what the rate
 * ledger has no rate for is kept in its own currency.
 */
public final class MakerMoneyTotals {

    private final RecordedRates rates;
    private long pledgedCents;
    private long disbursedCents;
    private final Map<String, BigDecimal> pledgedNotConverted = new TreeMap<>();
    private final Map<String, BigDecimal> disbursedNotConverted = new TreeMap<>();

    public MakerMoneyTotals(RecordedRates rates) {
        this.rates = rates;
    }

    public void add(CommitmentState s) {
        Money financial = s.details.financial();
        if (financial != null) {
            Optional<Long> cents = rates.usdCents(financial, s.pledgeYear);
            if (cents.isPresent()) {
                pledgedCents += cents.get();
            } else {
                pledgedNotConverted.merge(financial.currency(), financial.amount(), BigDecimal::add);
            }
        }
        for (Integer year : s.reports.keySet()) {
            ProgressReport report = s.reportInForce(year).report;
            Money disbursed = report.moneyDisbursed();
            if (disbursed != null) {
                Optional<Long> cents = rates.usdCents(disbursed, year);
                if (cents.isPresent()) {
                    disbursedCents += cents.get();
                } else {
                    disbursedNotConverted.merge(disbursed.currency(), disbursed.amount(), BigDecimal::add);
                }
            }
        }
    }

    public MakerMoney money() {
        return new MakerMoney(BigDecimal.valueOf(pledgedCents, 2), BigDecimal.valueOf(disbursedCents, 2),
                pledgedNotConverted, disbursedNotConverted, RecordedRates.CONVERSION);
    }
}
