package org.equalityledger.api.query.dashboards;

import java.time.Instant;
import java.util.List;

import org.equalityledger.api.query.ReadAnswer;

/** The dashboard of every initiative, by id; a commitment to several initiatives counts in each ({@code note}). */
public record InitiativeDashboards(List<Dashboard> initiatives, boolean countsSharedCommitmentsInEach, String note,
                                   long asOfPosition, Instant recordedUpTo) implements ReadAnswer {
}
