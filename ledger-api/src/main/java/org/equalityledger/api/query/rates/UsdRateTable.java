package org.equalityledger.api.query.rates;

import java.time.Instant;
import java.util.List;
import org.equalityledger.api.query.ReadAnswer;

/** The rates in force at an instant, one per currency and year, ordered by currency then year. */
public record UsdRateTable(Instant asOf, String conversion, List<UsdRate> rates, long asOfPosition,
                           Instant recordedUpTo) implements ReadAnswer {
}
