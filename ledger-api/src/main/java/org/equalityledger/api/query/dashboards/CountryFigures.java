package org.equalityledger.api.query.dashboards;

import java.math.BigDecimal;
import java.util.List;

/**
 * One country's figures (ISO 3166-1 alpha-2 {@code country}, its English {@code name}): commitments, and
 * money in US dollars at the rates the ledger recorded, with what no rate converted in its own currency.
 */
public record CountryFigures(String country, String name, long commitments, BigDecimal pledgedUsd, BigDecimal disbursedUsd,
                             List<NotConverted> notConverted) {
}
