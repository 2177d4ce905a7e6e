package org.equalityledger.api.query.rates;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A movement of a commitment's money: {@code PLEDGED} (the financial part as pledged), {@code REVISED}
 * (an amendment changed it; {@code amount} and {@code currency} are null when it removed it) or
 * {@code DISBURSED} (the money a year's report in force says was disbursed). {@code rateYear} is the
 * year it converts at: the pledge year for a pledged or revised amount, the year reported on for a
 * disbursement. {@code usd} is null, and {@code rate} too, while no rate for that currency and year is
 * recorded; a US-dollar amount converts without a rate. Only the latest pledged or revised amount
 * counts in the dashboards: the others are not {@code inForce}.
 */
public record MoneyMovement(String kind, Instant recordedAt, int rateYear, BigDecimal amount, String currency,
                            boolean inForce, BigDecimal usd, AppliedRate rate) {

    /** The recorded rate a movement converted at, as GET /api/usd-rates lists it. */
    public record AppliedRate(BigDecimal usdPerUnit, String source, long position, Instant recordedAt) {
    }
}
