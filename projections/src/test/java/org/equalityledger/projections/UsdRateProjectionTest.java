package org.equalityledger.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.equalityledger.api.common.Money;
import org.equalityledger.api.maker.CommitmentMakerRegistered;
import org.equalityledger.api.maker.Hemisphere;
import org.equalityledger.api.maker.StakeholderGroup;
import org.equalityledger.api.query.commitments.CommitmentById;
import org.equalityledger.api.query.commitments.MoneyMovementsOf;
import org.equalityledger.api.query.dashboards.Dashboard;
import org.equalityledger.api.query.dashboards.DashboardQuery;
import org.equalityledger.api.query.dashboards.Figures;
import org.equalityledger.api.query.dashboards.NotConverted;
import org.equalityledger.api.query.rates.MoneyMovement;
import org.equalityledger.api.query.rates.UsdRate;
import org.equalityledger.api.query.rates.UsdRateTable;
import org.equalityledger.api.query.rates.UsdRatesAsOf;
import org.equalityledger.api.rates.UsdRateRecorded;
import org.equalityledger.projections.commitments.CommitmentQueries;
import org.equalityledger.projections.dashboards.Contribution;
import org.equalityledger.projections.dashboards.DashboardFiguresAsOf;
import org.equalityledger.projections.dashboards.DashboardQueries;
import org.equalityledger.projections.model.CommitmentFold;
import org.equalityledger.projections.model.CommitmentState;
import org.equalityledger.projections.model.MakerProfile;
import org.equalityledger.projections.rates.RateQueries;
import org.equalityledger.projections.rates.RecordedRates;
import org.equalityledger.projections.reference.Recorded;
import org.equalityledger.projections.reference.Regions;
import org.equalityledger.projections.store.LedgerEvent;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoDatabase;

/** US-dollar rates as ledger facts: the dashboards convert with the rates recorded, from their positions on. */
class UsdRateProjectionTest {

    /** A Costa Rican pledge of 150,000,000 colones in 2021, before any colón rate is recorded. */
    static TestLedger colonesPledged() {
        TestLedger l = new TestLedger();
        l.initiative("gac", "g1");
        l.maker("gov-cr", StakeholderGroup.GOVERNMENT, Hemisphere.GLOBAL_SOUTH, "CR");
        l.at("2021-07-01T10:00:00Z");
        l.pledge("c-cr", "gov-cr", TestLedger.details("A national care system", Money.of("150000000", "CRC"), 2021, 2024,
                new org.equalityledger.api.commitment.TargetAction("gac", "g1")), false);
        l.accept("c-cr", "gac");
        return l;
    }

    /** The dashboards and rates rooms over a ledger's events, applied in batches of {@code batchSize}. */
    record Fed(DashboardQueries dashboards, DashboardFiguresAsOf asOf, RateQueries rates, CommitmentQueries commitments) {

        Map<String, Map<String, Long>> figures(String scope) {
            return dashboards.figures(scope);
        }

        Map<String, Map<String, Long>> figuresAsOf(String scope, Instant at) {
            return asOf.figures(scope, at);
        }

        Dashboard dashboard(String scope, Instant at) {
            return dashboards.handle(new DashboardQuery(scope, null, at)).orElseThrow();
        }

        UsdRateTable usdRates(UsdRatesAsOf q) {
            return rates.handle(q);
        }
    }

    static Fed fed(TestLedger l, int batchSize) {
        MongoDatabase db = TestLedger.freshDatabase();
        TestLedger.feed(l.events, batchSize, TestLedger.dashboards(db), TestLedger.commitments(db));
        String now = "2026-11-30T00:00:00Z";
        Recorded recorded = CommitmentProjectionTest.recorded(db, l, now);
        return new Fed(DashboardProjectionTest.dashboards(db, l, now), DashboardProjectionTest.asOf(db, l),
                new RateQueries(recorded), new CommitmentQueries(recorded));
    }

    @Test
    void money_without_a_rate_shows_in_its_own_currency_and_a_rate_recorded_later_converts_it() {
        TestLedger l = colonesPledged();
        Map<String, Long> before = fed(l, 50).figures("global").get("all");
        assertThat(before).containsEntry("notConverted:CRC", 15_000_000_000L).containsEntry("unconvertedMovements", 1L)
                .doesNotContainKey("pledgedUsdCents");
        Figures.AllYears shaped = (Figures.AllYears) fed(l, 50).dashboard("global", null).figures();
        assertThat(shaped.notConverted()).containsExactly(new NotConverted("CRC", "150000000"));
        assertThat(shaped.pledgedUsd()).isEqualTo(BigDecimal.valueOf(0, 2));

        l.at("2022-01-15T09:00:00Z");
        l.usdRate("CRC", 2021, "0.001611", null);
        for (int batchSize : List.of(1, 50)) {
            Map<String, Map<String, Long>> after = fed(l, batchSize).figures("global");
            // 150,000,000 × 0.001611 = 241,650 US dollars
            assertThat(after.get("all")).containsEntry("pledgedUsdCents", 24_165_000L).doesNotContainKey("notConverted:CRC")
                    .doesNotContainKey("unconvertedMovements");
            assertThat(after.get("2021")).containsEntry("pledgedUsdCents", 24_165_000L);
            assertThat(fed(l, batchSize).figures("initiative:gac").get("all")).containsEntry("pledgedUsdCents", 24_165_000L);
        }
    }

    @Test
    void time_travel_before_the_rate_shows_the_money_unconverted_and_after_it_converted() {
        TestLedger l = colonesPledged();
        l.at("2022-01-15T09:00:00Z");
        l.usdRate("CRC", 2021, "0.001611", null);
        Fed read = fed(l, 50);
        assertThat(read.figuresAsOf("global", Instant.parse("2021-12-31T00:00:00Z")).get("all"))
                .containsEntry("notConverted:CRC", 15_000_000_000L).doesNotContainKey("pledgedUsdCents");
        assertThat(read.figuresAsOf("global", Instant.parse("2022-02-01T00:00:00Z")).get("all"))
                .containsEntry("pledgedUsdCents", 24_165_000L).doesNotContainKey("notConverted:CRC");
        assertThat(read.dashboard("global", Instant.parse("2021-12-31T00:00:00Z")).rates().currencies()).isEmpty();
        assertThat(read.dashboard("global", null).rates().currencies()).containsExactly("CRC");
        UsdRateTable table = read.usdRates(new UsdRatesAsOf(Instant.parse("2021-12-31T00:00:00Z"), null, null));
        assertThat(table.rates()).isEmpty();
    }

    @Test
    void the_commitment_lists_its_money_movements_at_the_rates_recorded_now_or_by_the_instant_asked_for() {
        TestLedger l = colonesPledged();
        MoneyMovement unconverted = fed(l, 50).commitments().handle(new CommitmentById("c-cr", null)).orElseThrow()
                .moneyMovements().get(0);
        assertThat(unconverted.usd()).isNull();
        assertThat(unconverted.amount()).isEqualByComparingTo("150000000");
        l.at("2022-01-15T09:00:00Z");
        LedgerEvent rate = l.usdRate("CRC", 2021, "0.001611", null);
        Fed read = fed(l, 50);
        MoneyMovement now = read.commitments().handle(new CommitmentById("c-cr", null)).orElseThrow().moneyMovements().get(0);
        assertThat(now.usd()).isEqualByComparingTo("241650");
        assertThat(now.rate().position()).isEqualTo(rate.position());
        MoneyMovement then = read.commitments().handle(new CommitmentById("c-cr", Instant.parse("2021-12-31T00:00:00Z")))
                .orElseThrow().moneyMovements().get(0);
        assertThat(then.usd()).isNull();
        assertThat(read.commitments().handle(new MoneyMovementsOf(List.of("c-cr", "nope"))).byCommitment())
                .containsOnlyKeys("c-cr").extractingByKey("c-cr").isEqualTo(List.of(now));
    }

    @Test
    void a_correction_supersedes_the_rate_from_its_position_on_and_the_table_shows_both() {
        TestLedger l = colonesPledged();
        l.at("2022-01-15T09:00:00Z");
        LedgerEvent first = l.usdRate("CRC", 2021, "0.001611", null);
        l.at("2022-03-01T09:00:00Z");
        LedgerEvent correction = l.usdRate("CRC", 2021, "0.0016", "0.001611");
        Fed read = fed(l, 50);
        assertThat(read.figures("global").get("all")).containsEntry("pledgedUsdCents", 24_000_000L);
        assertThat(read.figuresAsOf("global", Instant.parse("2022-02-01T00:00:00Z")).get("all"))
                .containsEntry("pledgedUsdCents", 24_165_000L);

        UsdRateTable now = read.usdRates(new UsdRatesAsOf(null, "CRC", 2021));
        assertThat(now.rates()).singleElement().satisfies(rate -> {
            assertThat(rate.usdPerUnit()).isEqualByComparingTo("0.0016");
            assertThat(rate.position()).isEqualTo(correction.position());
            assertThat(rate.reason()).isEqualTo("revised average");
            assertThat(rate.superseded()).singleElement().satisfies(s -> {
                assertThat(s.usdPerUnit()).isEqualByComparingTo("0.001611");
                assertThat(s.position()).isEqualTo(first.position());
                assertThat(s.recordedAt()).isEqualTo(Instant.parse("2022-01-15T09:00:01Z"));
                assertThat(s.source()).contains("IMF");
            });
        });
        assertThat(now.asOfPosition()).isEqualTo(correction.position());
        assertThat(now.recordedUpTo()).isEqualTo(correction.recordedAt());
        UsdRateTable then = read.usdRates(new UsdRatesAsOf(Instant.parse("2022-02-01T00:00:00Z"), null, null));
        assertThat(then.rates()).extracting(UsdRate::usdPerUnit).containsExactly(new BigDecimal("0.001611"));
        assertThat(read.usdRates(new UsdRatesAsOf(null, "EUR", null)).rates()).isEmpty();
    }

    /**
     * Every figure of every dashboard equals the sum, over the commitments, of each one's contribution
     * computed afresh from all its events and all the rates: no delta arithmetic, no snapshot.
     */
    @Test
    void the_dashboards_equal_a_brute_force_computation_from_the_events_rates_included() {
        TestLedger ledger = DashboardProjectionTest.busyLedger();
        assertThat(ledger.events).anyMatch(e -> e.payload() instanceof UsdRateRecorded r && r.supersedes() != null);
        Fed read = fed(ledger, 97);

        Map<String, CommitmentState> states = new HashMap<>();
        Map<String, MakerProfile> makers = new HashMap<>();
        RecordedRates rates = RecordedRates.NONE;
        for (LedgerEvent e : ledger.events) {
            if (e.payload() instanceof UsdRateRecorded r) {
                rates = rates.with(r, e.position(), e.recordedAt());
            } else if (e.payload() instanceof CommitmentMakerRegistered m) {
                makers.put(m.makerId(), new MakerProfile(m.makerId(), m.name(), m.stakeholderGroup(), m.hemisphere(), m.country()));
            }
            String id = CommitmentFold.commitmentIdOf(e.payload());
            if (id != null) {
                states.put(id, CommitmentFold.apply(states.get(id), e.payload(), e.recordedAt()));
            }
        }
        Map<String, Map<String, Long>> expected = new TreeMap<>();
        for (CommitmentState s : states.values()) {
            Contribution.of(s, makers.get(s.makerId), rates, Regions.shipped(), TestLedger.PERIOD).forEach((key, figures) ->
                    figures.forEach((name, value) -> expected.computeIfAbsent(key, k -> new TreeMap<>()).merge(name, value, Long::sum)));
        }
        expected.values().forEach(f -> f.values().removeIf(v -> v == 0));
        for (String scope : List.of("global", "initiative:gbv", "group:GOVERNMENT", "country:MX", "action:ej:e1", "region:AFRICA")) {
            Map<String, Map<String, Long>> brute = new TreeMap<>();
            expected.forEach((key, f) -> {
                if (key.startsWith(scope + "|") && !f.isEmpty()) {
                    brute.put(key.substring(scope.length() + 1), f);
                }
            });
            Map<String, Map<String, Long>> projected = new TreeMap<>(read.figures(scope));
            projected.values().removeIf(Map::isEmpty);
            assertThat(projected).as(scope).isEqualTo(brute);
            assertThat(brute.get("all")).as(scope).containsKey("pledgedUsdCents");
        }
        assertThat(expected.get("global|2023")).as("MXN 2023 has no rate").containsKey("notConverted:MXN");
    }
}
