package org.equalityledger.api.query.dashboards;

import java.util.SortedSet;

/** The USD rates a dashboard's money figures used. */
public record RatesUsed(String table, String source, String conversion, SortedSet<String> currencies, int lastPublishedYear) {
}
