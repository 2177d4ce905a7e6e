package org.equalityledger.api.query.dashboards;

import java.time.Instant;

/**
 * A dashboard: {@code scope} is {@code global}, {@code initiative:<id>}, {@code action:<initiative>:<code>},
 * {@code group:<stakeholder group>}, {@code hemisphere:<...>}, {@code country:<ISO code>} or
 * {@code region:<...>}; for one {@code year} or (null) all of them; now or as of {@code asOf}.
 */
public record DashboardQuery(String scope, Integer year, Instant asOf) {
}
