package org.equalityledger.api.query.dashboards;

import java.time.Instant;
import java.util.Map;

import org.equalityledger.api.query.ReadAnswer;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A scope's figures: for one {@code year} ({@link Figures.Year}), or over the implementation period
 * ({@link Figures.AllYears}, with {@code byYear}). {@code countsSharedCommitmentsInEach} and {@code note}
 * on the dashboards of an initiative or an action: a commitment to several counts in each of them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Dashboard(String scope, String name, Instant asOf, Integer year, Figures figures,
                        Map<String, Figures.Year> byYear, Boolean countsSharedCommitmentsInEach, String note,
                        RatesUsed rates, long asOfPosition, Instant recordedUpTo) implements ReadAnswer {

    public static final String SHARED_NOTE = "A commitment to several initiatives (or actions) counts in each of them, "
            + "so their sums exceed the global figures, which count every commitment once.";
}
