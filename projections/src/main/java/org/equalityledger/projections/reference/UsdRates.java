package org.equalityledger.projections.reference;

import org.equalityledger.api.query.dashboards.RatesUsed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.equalityledger.api.common.Money;
import org.equalityledger.projections.store.ReadModelJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The table of US-dollar rates by year shipped as reference data ({@value #RESOURCE}): each money
 * movement is converted at the rate of its year. A year after the last published one uses that
 * one's rate; a currency missing from the table is left unconverted and counted as such.
 */
public final class UsdRates {

    public static final String RESOURCE = "/reference/usd-rates.json";

    private final String table;
    private final String source;
    private final int lastPublishedYear;
    private final Map<String, Map<Integer, BigDecimal>> rates;

    private UsdRates(String table, String source, int lastPublishedYear, Map<String, Map<Integer, BigDecimal>> rates) {
        this.table = table;
        this.source = source;
        this.lastPublishedYear = lastPublishedYear;
        this.rates = rates;
    }

    public static UsdRates shipped() {
        try (InputStream in = UsdRates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            JsonNode root = ReadModelJson.MAPPER.readTree(in);
            Map<String, Map<Integer, BigDecimal>> rates = new HashMap<>();
            root.path("rates").fields().forEachRemaining(currency -> {
                Map<Integer, BigDecimal> byYear = new HashMap<>();
                currency.getValue().fields().forEachRemaining(y -> byYear.put(Integer.valueOf(y.getKey()),
                        new BigDecimal(y.getValue().asText())));
                rates.put(currency.getKey(), byYear);
            });
            return new UsdRates(root.path("table").asText(), root.path("source").asText(),
                    root.path("carryForwardFrom").asInt(), rates);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String table() {
        return table;
    }

    public String source() {
        return source;
    }

    public TreeSet<String> currencies() {
        return new TreeSet<>(rates.keySet());
    }

    /** US dollars per unit of {@code currency} in {@code year}, when the table has it. */
    public Optional<BigDecimal> rate(String currency, int year) {
        Map<Integer, BigDecimal> byYear = rates.get(currency);
        if (byYear == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byYear.get(Math.min(year, lastPublishedYear)));
    }

    /** The amount in US cents, rounded half-even, or empty when the currency is not in the table. */
    public Optional<Long> usdCents(Money money, int year) {
        return rate(money.currency(), year).map(rate -> money.amount().multiply(rate).movePointRight(2)
                .setScale(0, RoundingMode.HALF_EVEN).longValueExact());
    }

    /** What a dashboard says about the rates it used. */
    public RatesUsed describe() {
        return new RatesUsed(table, source,
                "each movement at the rate of its year (pledges: the pledge year; disbursements: the year reported on)",
                currencies(), lastPublishedYear);
    }
}
