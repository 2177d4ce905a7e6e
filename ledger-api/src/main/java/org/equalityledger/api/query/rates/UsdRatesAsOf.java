package org.equalityledger.api.query.rates;

import java.time.Instant;

/**
 * Which US-dollar rates applied at {@code asOf} (now when null), of one {@code currency} and one
 * {@code year} when given.
 */
public record UsdRatesAsOf(Instant asOf, String currency, Integer year) {
}
