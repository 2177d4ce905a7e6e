package org.equalityledger.api.query.dashboards;

import java.time.Instant;

/** Commitments and money by the country of their makers (the world map), for one {@code year} or all, now or as of {@code asOf}. */
public record CountryDashboardsQuery(Integer year, Instant asOf) {
}
