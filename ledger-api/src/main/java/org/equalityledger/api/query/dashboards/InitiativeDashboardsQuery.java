package org.equalityledger.api.query.dashboards;

import java.time.Instant;

/** The dashboard of every initiative, for one {@code year} or all, now or as of {@code asOf}. */
public record InitiativeDashboardsQuery(Integer year, Instant asOf) {
}
