package org.equalityledger.api.rates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.equalityledger.api.common.Checks;
import org.equalityledger.api.common.Money;
import org.equalityledger.api.initiative.ImplementationPeriod;

/**
 * How the ledger turns money into US dollars, for the aggregates (is a pledge convertible yet?) and
 * the read side (what does it count?) alike: a rate is {@code usdPerUnit}, the US dollars one unit of
 * the currency was worth on average in a year of the implementation period; an amount counts at the
 * rate of its year, in US cents rounded half-even. US dollars need no rate.
 */
public final class UsdRatePolicy {

    public static final String USD = "USD";
    /** The remark on a pledge or amendment whose financial part has no rate recorded for its year yet. */
    public static final String RATE_UNKNOWN = "usd-rate-unknown";
    /** Enough decimals for the weakest currency the ledger meets (0.000068 US dollars per naira in 2024, and less). */
    public static final int MAX_SCALE = 10;
    public static final int MAX_PRECISION = 16;
    public static final int SOURCE_MAX = 500;

    private UsdRatePolicy() {
    }

    /** The rate's own checks, in the field names of {@link RecordUsdRate}. */
    static void check(Checks checks, String currency, Integer year, BigDecimal usdPerUnit, String source) {
        if (checks.currency("currency", currency)) {
            checks.require(!USD.equals(currency), "currency", "US dollars need no rate: one US dollar is one US dollar");
        }
        checks.year("year", year);
        if (checks.positive("usdPerUnit", usdPerUnit)) {
            checks.require(usdPerUnit.scale() <= MAX_SCALE && usdPerUnit.precision() <= MAX_PRECISION
                            && usdPerUnit.precision() - usdPerUnit.scale() <= 6, "usdPerUnit",
                    "must have at most " + MAX_SCALE + " decimals and be below one million US dollars a unit");
        }
        checks.line("source", source, SOURCE_MAX);
    }

    /** A rate is recorded for a year of the implementation period: the years the dashboards count. */
    public static boolean inPeriod(ImplementationPeriod period, int year) {
        return period.contains(year);
    }

    /**
     * The amount in US cents at {@code usdPerUnit} (ignored for US dollars), or empty when no rate is
     * known (or when the sum would not fit the read side's whole numbers: it then counts unconverted).
     */
    public static Optional<Long> usdCents(Money money, Optional<BigDecimal> usdPerUnit) {
        if (USD.equals(money.currency())) {
            return hundredths(money.amount());
        }
        return usdPerUnit.flatMap(rate -> hundredths(money.amount().multiply(rate)));
    }

    /** An amount in hundredths of its unit, rounded half-even; empty beyond a long's range. */
    public static Optional<Long> hundredths(BigDecimal amount) {
        BigDecimal h = amount.movePointRight(2).setScale(0, RoundingMode.HALF_EVEN);
        return h.unscaledValue().bitLength() < 64 ? Optional.of(h.longValueExact()) : Optional.empty();
    }

    /** Whether an amount in {@code currency} converts, given the rate known for its year (if any). */
    public static boolean convertible(String currency, Optional<BigDecimal> usdPerUnit) {
        return USD.equals(currency) || usdPerUnit.isPresent();
    }

    /** The aggregate id of a currency's rates, e.g. {@code usd-rates-CRC}. Namespaced like the reporting cycles'. */
    public static String ratesId(String currency) {
        return "usd-rates-" + currency;
    }
}
