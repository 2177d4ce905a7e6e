package org.equalityledger.projections.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.equalityledger.api.common.Money;
import org.equalityledger.api.query.rates.MoneyMovement;
import org.equalityledger.api.rates.UsdRatePolicy;
import org.equalityledger.projections.rates.RecordedRates;

/**
 * A commitment's money movements, each converted at the rate recorded for its currency and year (the
 * pledge year for the pledged and revised amounts, the year reported on for a disbursement), as the
 * dashboards count them: an auditor can redo every conversion from the rate named beside it.
 */
public final class MoneyMovements {

    public static final String PLEDGED = "PLEDGED";
    public static final String REVISED = "REVISED";
    public static final String DISBURSED = "DISBURSED";

    private MoneyMovements() {
    }

    public static List<MoneyMovement> of(CommitmentState s, RecordedRates rates) {
        List<MoneyMovement> movements = new ArrayList<>();
        List<CommitmentState.FinancialRevision> revisions = s.financialRevisions;
        if (revisions.isEmpty() && s.details.financial() != null) {
            // A state folded before revisions were kept: its financial part as it stands.
            revisions = List.of(new CommitmentState.FinancialRevision(s.details.financial(), s.pledgedAt));
        }
        for (int i = 0; i < revisions.size(); i++) {
            CommitmentState.FinancialRevision r = revisions.get(i);
            String kind = i == 0 && r.recordedAt != null && r.recordedAt.equals(s.pledgedAt) ? PLEDGED : REVISED;
            movements.add(movement(kind, r.recordedAt, s.pledgeYear, r.money, i == revisions.size() - 1, rates));
        }
        for (Map.Entry<Integer, List<CommitmentState.ReportRevision>> e : s.reports.entrySet()) {
            CommitmentState.ReportRevision inForce = s.reportInForce(e.getKey());
            if (inForce != null && inForce.report.moneyDisbursed() != null) {
                movements.add(movement(DISBURSED, inForce.recordedAt, e.getKey(), inForce.report.moneyDisbursed(), true, rates));
            }
        }
        return movements;
    }

    private static MoneyMovement movement(String kind, Instant at, int year, Money money, boolean inForce, RecordedRates rates) {
        if (money == null) {
            return new MoneyMovement(kind, at, year, null, null, inForce, null, null);
        }
        Optional<RecordedRates.Entry> rate = rates.inForce(money.currency(), year);
        BigDecimal usd = UsdRatePolicy.usdCents(money, rate.map(RecordedRates.Entry::usdPerUnit))
                .map(cents -> BigDecimal.valueOf(cents, 2)).orElse(null);
        return new MoneyMovement(kind, at, year, money.amount(), money.currency(), inForce, usd,
                rate.map(r -> new MoneyMovement.AppliedRate(r.usdPerUnit(), r.source(), r.position(), r.recordedAt()))
                        .orElse(null));
    }

    /**
     * The currencies and years ({@code "CRC|2023"}) whose rate converts money the dashboards count for
     * this commitment: the financial part in force at the pledge year, and each disbursement in force.
     * US dollars need no rate and are left out.
     */
    public static Set<String> rateKeys(CommitmentState s) {
        Set<String> keys = new LinkedHashSet<>();
        if (s == null) {
            return keys;
        }
        Money financial = s.details.financial();
        if (financial != null && !UsdRatePolicy.USD.equals(financial.currency())) {
            keys.add(financial.currency() + "|" + s.pledgeYear);
        }
        for (Integer year : s.reports.keySet()) {
            CommitmentState.ReportRevision r = s.reportInForce(year);
            Money disbursed = r == null ? null : r.report.moneyDisbursed();
            if (disbursed != null && !UsdRatePolicy.USD.equals(disbursed.currency())) {
                keys.add(disbursed.currency() + "|" + year);
            }
        }
        return keys;
    }
}
