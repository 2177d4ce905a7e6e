package org.equalityledger.api.query.rates;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A rate in force: {@code usdPerUnit} US dollars per unit of {@code currency} in {@code year}, recorded
 * at {@code position} and {@code recordedAt} by {@code by}; {@code superseded} are the rates it
 * corrected, oldest first.
 */
public record UsdRate(String currency, int year, BigDecimal usdPerUnit, String source, String reason, String by,
                      long position, Instant recordedAt, List<Recorded> superseded) {

    /** A rate as it was recorded, before a later one superseded it. */
    public record Recorded(BigDecimal usdPerUnit, String source, String reason, String by, long position,
                           Instant recordedAt) {
    }
}
