package org.equalityledger.service.domain.rates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.rates.RecordUsdRate;

/**
 * The US-dollar rates shipped with the service ({@value #RESOURCE}), as the facts the secretariat
 * records: each with its source and the instant it could first be known. A year's average is known
 * once the year is over: it is recorded on 15 January of the next year. A planning rate (the last
 * published average carried forward to a later year) is recorded on 1 January of its year, and its
 * source says it is one.
 */
public final class ShippedUsdRates {

    public static final String RESOURCE = "/reference/usd-rates.json";

    /** A rate to record, and when it could first be known. */
    public record Fact(String currency, int year, BigDecimal usdPerUnit, String source, Instant knownAt) {

        public RecordUsdRate command(Actor secretariat) {
            return new RecordUsdRate(currency, year, usdPerUnit, source, null, secretariat);
        }
    }

    private final List<Fact> facts;

    private ShippedUsdRates(List<Fact> facts) {
        this.facts = facts;
    }

    public static ShippedUsdRates shipped() {
        InputStream in = ShippedUsdRates.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the classpath");
        }
        try (in) {
            return read(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped US-dollar rates are not readable JSON", e);
        }
    }

    private static ShippedUsdRates read(JsonNode root) {
        List<Fact> facts = new ArrayList<>();
        JsonNode planning = root.path("planning");
        int from = planning.path("from").asInt();
        root.path("averages").fields().forEachRemaining(currency -> {
            String source = currency.getValue().path("source").asText();
            JsonNode years = currency.getValue().path("years");
            years.fields().forEachRemaining(y -> {
                int year = Integer.parseInt(y.getKey());
                facts.add(new Fact(currency.getKey(), year, new BigDecimal(y.getValue().asText()),
                        source.replace("{year}", y.getKey()), Instant.parse((year + 1) + "-01-15T09:00:00Z")));
            });
            JsonNode last = years.path(String.valueOf(from));
            if (!last.isMissingNode()) {
                for (JsonNode y : planning.path("years")) {
                    facts.add(new Fact(currency.getKey(), y.asInt(), new BigDecimal(last.asText()),
                            planning.path("source").asText().replace("{year}", y.asText()),
                            Instant.parse(y.asInt() + "-01-01T09:00:00Z")));
                }
            }
        });
        facts.sort(Comparator.comparing(Fact::knownAt).thenComparing(Fact::currency));
        return new ShippedUsdRates(List.copyOf(facts));
    }

    /** Every shipped rate, in the order they became known. */
    public List<Fact> facts() {
        return facts;
    }

    /** The shipped rate of the currency and year (US dollars need none), for sizing demo amounts. */
    public Optional<BigDecimal> usdPerUnit(String currency, int year) {
        if ("USD".equals(currency)) {
            return Optional.of(BigDecimal.ONE);
        }
        return facts.stream().filter(f -> f.currency().equals(currency) && f.year() == year).findFirst()
                .map(Fact::usdPerUnit);
    }
}
