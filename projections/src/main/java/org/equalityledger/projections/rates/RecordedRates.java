package org.equalityledger.projections.rates;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.equalityledger.api.common.Money;
import org.equalityledger.api.query.dashboards.RatesUsed;
import org.equalityledger.api.query.rates.UsdRate;
import org.equalityledger.api.rates.UsdRatePolicy;
import org.equalityledger.api.rates.UsdRateRecorded;
import org.equalityledger.projections.store.ReadModelJson;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * The US-dollar rates the ledger recorded, each with its position: what the read side converts
 * money with. Immutable: {@link #with} answers the rates after one more {@link UsdRateRecorded}, and
 * {@link #upTo} those recorded by a position, so an answer as of an instant converts with the rates
 * known then. For a currency and year the latest recorded rate is in force.
 */
public final class RecordedRates {

    /** One recorded rate. */
    public record Entry(String currency, int year, BigDecimal usdPerUnit, String source, String reason, String by,
                        long position, Instant recordedAt) {
    }

    public static final RecordedRates NONE = new RecordedRates(List.of());
    public static final String CONVERSION = "each movement at the US-dollar rate recorded for its currency and year "
            + "(pledges: the pledge year; disbursements: the year reported on); money without a recorded rate is shown in "
            + "its own currency (notConverted), never as 0";

    private static final TypeReference<List<Entry>> ENTRIES = new TypeReference<>() {
    };

    private final List<Entry> entries;
    private final Map<String, Entry> inForce = new HashMap<>();

    private RecordedRates(List<Entry> entries) {
        this.entries = entries;
        entries.forEach(e -> inForce.put(key(e.currency(), e.year()), e));
    }

    private static String key(String currency, int year) {
        return currency + "|" + year;
    }

    public RecordedRates with(UsdRateRecorded e, long position, Instant recordedAt) {
        List<Entry> more = new ArrayList<>(entries);
        more.add(new Entry(e.currency(), e.year(), e.usdPerUnit(), e.source(), e.reason(), e.by(), position, recordedAt));
        return new RecordedRates(List.copyOf(more));
    }

    /** The rates recorded at or before {@code position}. */
    public RecordedRates upTo(long position) {
        if (entries.isEmpty() || entries.get(entries.size() - 1).position() <= position) {
            return this;
        }
        return new RecordedRates(entries.stream().filter(e -> e.position() <= position).toList());
    }

    /** Every recorded rate, in position order. */
    public List<Entry> entries() {
        return entries;
    }

    /** The position of the last rate recorded; -1 when none is. */
    public long lastPosition() {
        return entries.isEmpty() ? -1 : entries.get(entries.size() - 1).position();
    }

    public Optional<Entry> inForce(String currency, int year) {
        return Optional.ofNullable(inForce.get(key(currency, year)));
    }

    /** The amount in US cents at the rate in force for its currency and {@code year}, or empty when none is recorded. */
    public Optional<Long> usdCents(Money money, int year) {
        return UsdRatePolicy.usdCents(money, inForce(money.currency(), year).map(Entry::usdPerUnit));
    }

    /** The rates in force, with the ones they superseded, of one currency and year when given. */
    public List<UsdRate> table(String currency, Integer year) {
        Map<String, List<Entry>> byKey = new LinkedHashMap<>();
        entries.stream().filter(e -> (currency == null || currency.equals(e.currency())) && (year == null || year == e.year()))
                .sorted(Comparator.comparing(Entry::currency).thenComparing(Entry::year).thenComparing(Entry::position))
                .forEach(e -> byKey.computeIfAbsent(key(e.currency(), e.year()), k -> new ArrayList<>()).add(e));
        List<UsdRate> table = new ArrayList<>();
        byKey.values().forEach(history -> {
            Entry e = history.get(history.size() - 1);
            table.add(new UsdRate(e.currency(), e.year(), e.usdPerUnit(), e.source(), e.reason(), e.by(), e.position(),
                    e.recordedAt(), history.subList(0, history.size() - 1).stream()
                    .map(s -> new UsdRate.Recorded(s.usdPerUnit(), s.source(), s.reason(), s.by(), s.position(), s.recordedAt()))
                    .toList()));
        });
        return table;
    }

    /** What a dashboard says about the rates it converted with. */
    public RatesUsed describe() {
        TreeSet<String> publishers = new TreeSet<>();
        TreeSet<String> currencies = new TreeSet<>();
        entries.forEach(e -> {
            publishers.add(e.source().split(",")[0]);
            currencies.add(e.currency());
        });
        return new RatesUsed("the US-dollar rates recorded in the ledger, each with its source (GET /api/usd-rates)"
                + (publishers.isEmpty() ? "" : ": " + String.join("; ", publishers)), CONVERSION, currencies, lastPosition());
    }

    public String toJson() {
        return ReadModelJson.toJson(entries);
    }

    public static RecordedRates fromStored(Object stored) {
        return stored == null ? NONE : new RecordedRates(List.copyOf(ReadModelJson.fromStored(stored, ENTRIES)));
    }
}
