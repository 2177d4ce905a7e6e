package org.equalityledger.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.equalityledger.api.commitment.CommitmentStatus;
import org.equalityledger.api.commitment.TargetAction;
import org.equalityledger.api.common.Money;
import org.equalityledger.api.maker.Hemisphere;
import org.equalityledger.api.maker.StakeholderGroup;
import org.equalityledger.api.reporting.ProgressReportCorrected;
import org.equalityledger.api.reporting.ProgressReportFiled;
import org.equalityledger.api.reporting.ProgressStatus;
import org.equalityledger.projections.dashboards.Snapshots;
import org.equalityledger.projections.dashboards.DashboardFiguresAsOf;
import org.equalityledger.projections.dashboards.DashboardQueries;
import org.equalityledger.projections.reference.Regions;
import org.equalityledger.projections.reference.UsdRates;
import org.equalityledger.projections.query.ReadSideBehind;
import org.equalityledger.projections.store.LedgerEvent;
import org.equalityledger.projections.store.ReadModels;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoDatabase;

/** Dashboards fed events directly: every event moves the right figures; as-of answers equal a build up to that instant. */
class DashboardProjectionTest {

    private static Map<String, Map<String, Long>> figures(TestLedger ledger, List<LedgerEvent> events, String scope) {
        MongoDatabase db = TestLedger.freshDatabase();
        TestLedger.feed(events, 50, TestLedger.dashboards(db), TestLedger.commitments(db));
        return dashboards(db, ledger, "2024-04-15T00:00:00Z").figures(scope);
    }

    static DashboardQueries dashboards(MongoDatabase db, TestLedger ledger, String now) {
        return new DashboardQueries(CommitmentProjectionTest.recorded(db, ledger, now), asOf(db, ledger), UsdRates.shipped());
    }

    static DashboardFiguresAsOf asOf(MongoDatabase db, TestLedger ledger) {
        return new DashboardFiguresAsOf(ReadModels.of(db), ledger, UsdRates.shipped(), Regions.shipped(), TestLedger.PERIOD);
    }

    @Test
    void dashboards_count_types_statuses_money_in_usd_reporting_and_progress_per_scope_and_year() {
        TestLedger ledger = CommitmentProjectionTest.scenario();
        Map<String, Long> all = figures(ledger, ledger.events, "global").get("all");
        assertThat(all).containsEntry("commitments", 6L).containsEntry("type:FINANCIAL", 1L).containsEntry("type:POLICY", 5L)
                .containsEntry("status:ACTIVE", 2L).containsEntry("status:PLEDGED", 1L).containsEntry("status:REJECTED", 1L)
                .containsEntry("status:WITHDRAWN", 1L).containsEntry("status:COMPLETED", 1L)
                .containsEntry("accepted", 3L).containsEntry("reported", 1L).containsEntry("flag:financialExpected", 1L)
                // 1,000,000 EUR pledged in 2021 at 1.183; 100,000 EUR disbursed in 2021 at 1.183 and 50,000 (corrected) in 2022 at 1.053
                .containsEntry("pledgedUsdCents", 118_300_000L).containsEntry("disbursedUsdCents", 11_830_000L + 5_265_000L)
                .containsEntry("progress:OFF_TRACK", 1L).containsEntry("reportsFiled", 2L).containsEntry("reportsLate", 1L)
                .containsEntry("reportsCorrected", 1L);
        Map<String, Map<String, Long>> global = figures(ledger, ledger.events, "global");
        assertThat(global.get("2022")).containsEntry("commitments", 6L).containsEntry("expected", 2L)
                .containsEntry("reported", 1L).containsEntry("progress:OFF_TRACK", 1L).containsEntry("disbursedUsdCents", 5_265_000L);
        assertThat(global.get("2021")).containsEntry("pledgedUsdCents", 118_300_000L).containsEntry("progress:ON_TRACK", 1L);
        assertThat(global.get("2026")).containsEntry("commitments", 1L).doesNotContainKey("expected");

        assertThat(figures(ledger, ledger.events, "initiative:ej").get("all")).containsEntry("commitments", 3L);
        assertThat(figures(ledger, ledger.events, "action:gbv:a1").get("all")).containsEntry("commitments", 3L);
        assertThat(figures(ledger, ledger.events, "group:GOVERNMENT").get("all")).containsEntry("commitments", 2L)
                .containsEntry("pledgedUsdCents", 118_300_000L);
        assertThat(figures(ledger, ledger.events, "hemisphere:GLOBAL_NORTH").get("all")).containsEntry("commitments", 4L);
        assertThat(figures(ledger, ledger.events, "country:SE").get("all")).containsEntry("commitments", 4L);
        assertThat(figures(ledger, ledger.events, "region:LATIN_AMERICA_CARIBBEAN").get("all")).containsEntry("commitments", 2L);
    }

    @Test
    void each_event_moves_the_figures_it_should() {
        TestLedger l = new TestLedger();
        l.initiative("gbv", "a1", "a2");
        l.initiative("ej", "e1");
        l.maker("gov-mx", StakeholderGroup.GOVERNMENT, Hemisphere.GLOBAL_SOUTH, "MX");
        l.pledge("c1", "gov-mx", TestLedger.details("Shelters", Money.of("1000", "USD"), 2021, 2022, CommitmentProjectionTest.GBV_A1), false);
        assertThat(figures(l, l.events, "global").get("all")).containsEntry("status:PLEDGED", 1L).doesNotContainKey("accepted");
        l.accept("c1", "gbv");
        assertThat(figures(l, l.events, "global").get("all")).containsEntry("status:ACTIVE", 1L).containsEntry("accepted", 1L)
                .doesNotContainKey("status:PLEDGED");
        l.amend("c1", TestLedger.details("Shelters and care", Money.of("2000", "XXX"), 2021, 2022,
                CommitmentProjectionTest.GBV_A2, new TargetAction("ej", "e1")), List.of("title", "financial", "targets"), Set.of("ej"));
        Map<String, Long> all = figures(l, l.events, "global").get("all");
        assertThat(all).containsEntry("unconvertedMovements", 1L).doesNotContainKey("pledgedUsdCents");
        assertThat(figures(l, l.events, "action:gbv:a1")).allSatisfy((period, f) -> assertThat(f).isEmpty());
        assertThat(figures(l, l.events, "initiative:ej").get("all")).containsEntry("commitments", 1L);
        l.at("2022-02-01T00:00:00Z");
        l.record("c1", new ProgressReportFiled("c1", 2021, TestLedger.report(ProgressStatus.ON_TRACK, Money.of("10", "GBP")), 1,
                l.now, null, false, "ally"));
        assertThat(figures(l, l.events, "global").get("2021")).containsEntry("reported", 1L).containsEntry("disbursedUsdCents", 1375L);
        l.record("c1", new ProgressReportCorrected("c1", 2021, TestLedger.report(ProgressStatus.COMPLETED, Money.of("20", "GBP")), 2, 1,
                "typo", l.now, "ally"));
        assertThat(figures(l, l.events, "global").get("2021")).containsEntry("progress:COMPLETED", 1L)
                .doesNotContainKey("progress:ON_TRACK").containsEntry("disbursedUsdCents", 2750L);
        l.record("c1", new org.equalityledger.api.commitment.CommitmentExtended("c1", java.time.LocalDate.of(2022, 12, 31),
                java.time.LocalDate.of(2023, 12, 31), "more time", "ally"));
        assertThat(figures(l, l.events, "global").get("2023")).containsEntry("commitments", 1L).containsEntry("expected", 1L);
        l.record("c1", new org.equalityledger.api.commitment.CommitmentWithdrawn("c1", "stopped", "ally"));
        assertThat(figures(l, l.events, "global").get("all")).containsEntry("status:WITHDRAWN", 1L).doesNotContainKey("accepted");
        assertThat(figures(l, l.events, "global").get("2023")).doesNotContainKey("expected");
    }

    /** About 2,100 events over five years: enough to cross the snapshot boundaries. */
    static TestLedger busyLedger() {
        TestLedger l = new TestLedger();
        l.initiative("gbv", "a1", "a2");
        l.initiative("ej", "e1");
        StakeholderGroup[] groups = StakeholderGroup.values();
        String[] countries = {"MX", "SE", "KE", "IN", "FR", "BR"};
        for (int m = 0; m < 60; m++) {
            l.maker("m" + m, groups[m % groups.length], m % 3 == 0 ? Hemisphere.GLOBAL_NORTH : Hemisphere.GLOBAL_SOUTH,
                    countries[m % countries.length]);
        }
        for (int year = 2021; year <= 2025; year++) {
            l.at(year + "-04-01T00:00:00Z");
            l.cycle(year, (year + 1) + "-03-31T00:00:00Z");
            for (int i = 0; i < 120; i++) {
                String id = "c" + year + "-" + i;
                TargetAction target = i % 3 == 0 ? CommitmentProjectionTest.EJ_E1 : i % 3 == 1 ? CommitmentProjectionTest.GBV_A1
                        : CommitmentProjectionTest.GBV_A2;
                Money money = i % 4 == 0 ? Money.of(String.valueOf(1000 + i), i % 8 == 0 ? "EUR" : "MXN") : null;
                l.pledge(id, "m" + (i % 60), TestLedger.details("Commitment " + id, money, year, Math.min(2026, year + 1 + i % 3), target), false);
                if (i % 7 == 0) {
                    l.reject(id, target.initiativeId(), CommitmentStatus.REJECTED);
                } else if (i % 5 != 0) {
                    l.accept(id, target.initiativeId());
                }
            }
            l.at((year + 1) + "-02-01T00:00:00Z");
            for (int from = 2021; from <= year; from++) {
                for (int i = 0; i < 120; i++) {
                    String id = "c" + from + "-" + i;
                    if (i % 7 != 0 && i % 5 != 0 && i % 11 != 0 && year <= Math.min(2026, from + 1 + i % 3)) {
                        l.record(id, new ProgressReportFiled(id, year, TestLedger.report(ProgressStatus.values()[i % 4],
                                Money.of(String.valueOf(10 * i), "USD")), 1, l.now, null, i % 6 == 0, "ally"));
                        if (i % 13 == 0) {
                            l.record(id, new ProgressReportCorrected(id, year, TestLedger.report(ProgressStatus.OFF_TRACK,
                                    Money.of(String.valueOf(5 * i), "USD")), 2, 1, "fix", l.now, "ally"));
                        }
                    }
                }
            }
        }
        return l;
    }

    @Test
    void a_dashboard_as_of_an_instant_equals_the_dashboards_built_from_the_events_recorded_by_then() {
        TestLedger ledger = busyLedger();
        assertThat(ledger.events.size()).isGreaterThan(2_000);
        MongoDatabase db = TestLedger.freshDatabase();
        TestLedger.feed(ledger.events, 97, TestLedger.dashboards(db), TestLedger.commitments(db));
        DashboardFiguresAsOf read = asOf(db, ledger);
        for (String at : List.of("2021-03-30T10:00:03Z", "2022-02-01T00:00:30Z", "2023-02-01T00:10:00Z",
                "2024-06-01T00:00:00Z", "2030-01-01T00:00:00Z")) {
            Instant instant = Instant.parse(at);
            List<LedgerEvent> recorded = ledger.events.stream().filter(e -> !e.recordedAt().isAfter(instant)).toList();
            MongoDatabase upToThen = TestLedger.freshDatabase();
            TestLedger.feed(recorded, 500, TestLedger.dashboards(upToThen));
            DashboardQueries built = dashboards(upToThen, ledger, "2027-01-01T00:00:00Z");
            for (String scope : List.of("global", "initiative:gbv", "group:GOVERNMENT", "country:MX", "action:ej:e1")) {
                assertThat(read.figures(scope, instant)).as(scope + " as of " + at)
                        .isEqualTo(withoutEmpty(built.figures(scope)));
            }
        }
    }

    @Test
    void an_answer_as_of_an_instant_the_projection_has_not_reached_says_how_far_behind_it_is() {
        TestLedger ledger = new TestLedger();
        ledger.initiative("gbv", "a1");
        ledger.maker("gov-mx", StakeholderGroup.GOVERNMENT, Hemisphere.GLOBAL_SOUTH, "MX");
        while (ledger.events.size() <= Snapshots.LONGEST_REPLAY + 500) {
            ledger.pledge("c" + ledger.events.size(), "gov-mx", TestLedger.details("Shelters", null, 2021, 2022,
                    CommitmentProjectionTest.GBV_A1), false);
        }
        MongoDatabase db = TestLedger.freshDatabase();
        // The projection has applied the first events only, as right after a start at scale.
        TestLedger.feed(ledger.events.subList(0, 300), 100, TestLedger.dashboards(db));
        DashboardFiguresAsOf read = asOf(db, ledger);
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        assertThatThrownBy(() -> read.figures("global", now)).isInstanceOfSatisfying(ReadSideBehind.class,
                behind -> assertThat(behind.behind()).isEqualTo(ledger.headPosition() - behind.reached())
                        .isGreaterThan(Snapshots.LONGEST_REPLAY));
        // Once it has caught up, the same question is answered from its snapshots.
        TestLedger.feed(ledger.events.subList(300, ledger.events.size()), 1_000, TestLedger.dashboards(db));
        assertThat(read.figures("global", now).get("all")).containsEntry("commitments",
                (long) ledger.events.size() - 3);
    }

    @Test
    void snapshots_stored_as_nested_documents_before_the_text_form_still_answer_as_of() {
        TestLedger ledger = busyLedger();
        MongoDatabase db = TestLedger.freshDatabase();
        TestLedger.feed(ledger.events, 97, TestLedger.dashboards(db), TestLedger.commitments(db));
        DashboardFiguresAsOf read = asOf(db, ledger);
        List<String> scopes = List.of("global", "initiative:gbv", "country:MX");
        List<Instant> instants = List.of(Instant.parse("2022-02-01T00:00:30Z"), Instant.parse("2024-06-01T00:00:00Z"));
        Map<String, Map<String, Map<String, Long>>> asText = new java.util.HashMap<>();
        for (Instant at : instants) {
            scopes.forEach(scope -> asText.put(scope + "@" + at, read.figures(scope, at)));
        }

        var snapshots = db.getCollection(org.equalityledger.projections.dashboards.DashboardProjector.SNAPSHOTS);
        int rewritten = 0;
        for (org.bson.Document snapshot : snapshots.find()) {
            assertThat(snapshot.get("periods")).isInstanceOf(String.class);
            snapshots.updateOne(com.mongodb.client.model.Filters.eq("_id", snapshot.get("_id")), new org.bson.Document("$set",
                    new org.bson.Document("periods", org.bson.Document.parse(snapshot.getString("periods")))));
            rewritten++;
        }
        assertThat(rewritten).isPositive();
        for (Instant at : instants) {
            for (String scope : scopes) {
                assertThat(read.figures(scope, at)).as(scope + " as of " + at).isEqualTo(asText.get(scope + "@" + at))
                        .isNotEmpty();
            }
        }
    }

    private static Map<String, Map<String, Long>> withoutEmpty(Map<String, Map<String, Long>> figures) {
        figures.values().removeIf(Map::isEmpty);
        return figures;
    }

    @Test
    void batches_of_any_size_and_a_second_replay_build_the_same_dashboards_and_snapshots() {
        TestLedger ledger = busyLedger();
        MongoDatabase one = TestLedger.freshDatabase();
        MongoDatabase other = TestLedger.freshDatabase();
        TestLedger.feed(ledger.events, 10, TestLedger.dashboards(one));
        TestLedger.feed(ledger.events, 500, TestLedger.dashboards(other));
        var first = TestLedger.dump(one, TestLedger.dashboards(one));
        var second = TestLedger.dump(other, TestLedger.dashboards(other));
        assertThat(first.get("rm_dashboard_snapshots")).isNotEmpty();
        first.forEach((c, docs) -> assertThat(second.get(c).equals(docs)).as(c).isTrue());
        MongoDatabase streamed = TestLedger.freshDatabase();
        TestLedger.feedInChunks(ledger.events, 200, 9, TestLedger.dashboards(streamed));
        TestLedger.dump(streamed, TestLedger.dashboards(streamed)).forEach((c, docs) -> assertThat(first.get(c).equals(docs)).as(c).isTrue());
        TestLedger.feed(ledger.events, 333, TestLedger.dashboards(other));
        TestLedger.dump(other, TestLedger.dashboards(other)).forEach((c, docs) -> assertThat(first.get(c).equals(docs)).as(c).isTrue());
    }
}
