package org.equalityledger.api.query.dashboards;

/**
 * Money of one currency that no recorded US-dollar rate converted (its currency had none for the
 * movement's year): shown in its own currency beside the US-dollar totals, never as 0. {@code amount}
 * as plain decimal text, as the CSV and the page show it.
 */
public record NotConverted(String currency, String amount) {
}
