package org.equalityledger.api.query.makers;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A maker's money in US dollars: pledged (each pledge at its year's rate) and disbursed (each report in
 * force at the rate of the year reported on). Amounts in a currency the rate table lacks are never
 * counted as 0: they are summed in their own currency, by currency code, beside the dollar totals.
 */
public record MakerMoney(BigDecimal pledgedUsd, BigDecimal disbursedUsd, Map<String, BigDecimal> pledgedNotConverted,
                         Map<String, BigDecimal> disbursedNotConverted, String rates) {

    public MakerMoney {
        pledgedNotConverted = Map.copyOf(pledgedNotConverted);
        disbursedNotConverted = Map.copyOf(disbursedNotConverted);
    }
}
