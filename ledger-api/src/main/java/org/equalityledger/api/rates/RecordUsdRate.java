package org.equalityledger.api.rates;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Checks;

/**
 * The secretariat records the US-dollar rate of a currency for a year of the implementation period,
 * naming where the figure comes from. A second rate for the same currency and year supersedes the
 * first and needs a {@code reason}; both stay in the ledger.
 *
 * @param usdPerUnit US dollars per one unit of {@code currency}, the year's average (e.g. 0.0016 for the colón)
 * @param source     a readable line: publisher, series, and whether it is a yearly average or a planning rate
 * @param reason     why an already recorded rate is corrected; optional for a first rate
 */
public record RecordUsdRate(String currency, Integer year, BigDecimal usdPerUnit, String source, String reason,
                            Actor actor) {

    public static final int REASON_MAX = 2_000;

    public RecordUsdRate {
        Checks checks = new Checks();
        UsdRatePolicy.check(checks, currency, year, usdPerUnit, source);
        checks.optionalText("reason", reason, REASON_MAX);
        checks.actor(actor);
        checks.orThrow();
    }

    /** Routes the command to the currency's rates, e.g. {@code usd-rates-CRC}. */
    @TargetAggregateIdentifier
    public String ratesId() {
        return UsdRatePolicy.ratesId(currency);
    }
}
