package org.equalityledger.api.rates;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * A US-dollar rate became a fact of the ledger: {@code usdPerUnit} US dollars per one unit of
 * {@code currency} in {@code year}, from {@code source}. When it corrects a rate recorded before,
 * {@code supersedes} is that rate and {@code reason} says why; the earlier event stays.
 */
@Revision("1")
public record UsdRateRecorded(String currency, int year, BigDecimal usdPerUnit, String source,
                              BigDecimal supersedes, String reason, String by) {
}
