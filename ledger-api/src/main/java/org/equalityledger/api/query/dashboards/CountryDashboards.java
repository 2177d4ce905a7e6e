package org.equalityledger.api.query.dashboards;

import java.time.Instant;
import java.util.List;

import org.equalityledger.api.query.ReadAnswer;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The countries whose makers hold commitments, each with its figures for {@code year} (null: the whole
 * implementation period), most commitments first. A maker has one country, so the countries' figures
 * add up to the global ones.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CountryDashboards(Integer year, Instant asOf, List<CountryFigures> countries, RatesUsed rates,
                                long asOfPosition, Instant recordedUpTo) implements ReadAnswer {
}
