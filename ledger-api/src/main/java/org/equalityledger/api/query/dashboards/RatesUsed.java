package org.equalityledger.api.query.dashboards;

import java.util.SortedSet;

/**
 * The US-dollar rates a dashboard's money figures used: those the ledger recorded (each with its source,
 * GET /api/usd-rates), up to {@code asOfPosition}, the position of the last one applied (-1: none).
 */
public record RatesUsed(String source, String conversion, SortedSet<String> currencies, long asOfPosition) {
}
