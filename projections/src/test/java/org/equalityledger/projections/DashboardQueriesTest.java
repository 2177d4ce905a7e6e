package org.equalityledger.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.equalityledger.api.query.dashboards.CountryDashboards;
import org.equalityledger.api.query.dashboards.CountryDashboardsQuery;
import org.equalityledger.api.query.dashboards.CountryFigures;
import org.equalityledger.api.query.dashboards.CycleFigures;
import org.equalityledger.api.query.dashboards.Dashboard;
import org.equalityledger.api.query.dashboards.DashboardQuery;
import org.equalityledger.api.query.dashboards.Figures;
import org.equalityledger.api.query.dashboards.InitiativeDashboards;
import org.equalityledger.api.query.dashboards.InitiativeDashboardsQuery;
import org.equalityledger.projections.dashboards.DashboardQueries;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoDatabase;

/**
 * The dashboards room fed the scenario's events: compliance per reporting cycle, the all-years tile
 * naming its cycle, and sums over initiatives that say a commitment to several counts in each.
 */
class DashboardQueriesTest {

    private static DashboardQueries dashboards(TestLedger ledger, String now) {
        MongoDatabase db = TestLedger.freshDatabase();
        TestLedger.feed(ledger.events, 7, TestLedger.dashboards(db), TestLedger.commitments(db));
        return DashboardProjectionTest.dashboards(db, ledger, now);
    }

    private static Dashboard dashboard(DashboardQueries read, String scope, Integer year) {
        return read.handle(new DashboardQuery(scope, year, null)).orElseThrow();
    }

    @Test
    void each_year_gives_its_cycle_s_compliance_and_overdue_counts_once_its_recorded_deadline_passed() {
        // The scenario's cycles: 2021 (deadline 2022-03-31), 2022 (2023-03-31), 2023 (2024-03-31).
        // Expected for 2022: c1 (reported late) and c2 (never reported); for 2023: c1 and c2, neither reported.
        TestLedger ledger = CommitmentProjectionTest.scenario();
        DashboardQueries read = dashboards(ledger, "2024-04-15T00:00:00Z");

        Dashboard global = dashboard(read, "global", null);
        assertThat(global.byYear().get("2022").cycle()).isEqualTo(new CycleFigures(2022,
                Instant.parse("2023-03-31T23:59:59Z"), true, 2, 0, 1, 1, 0.5));
        assertThat(global.byYear().get("2021").cycle()).isEqualTo(new CycleFigures(2021,
                Instant.parse("2022-03-31T23:59:59Z"), true, 3, 1, 0, 2, 0.3333));
        assertThat(global.byYear().get("2023").cycle()).extracting(CycleFigures::expected, CycleFigures::overdue)
                .containsExactly(2L, 2L);
        // No cycle opened for 2024 (c1 alone runs in it): nothing is overdue, and no deadline is shown.
        assertThat(global.byYear().get("2024").cycle()).isEqualTo(new CycleFigures(2024, null, false, 1, 0, 0, 0, 0.0));
        assertThat(((Figures.Year) dashboard(read, "global", 2022).figures()).cycle())
                .isEqualTo(global.byYear().get("2022").cycle());

        // Before 2023's deadline, its missing reports are not overdue yet: the clock decides, not an event.
        Dashboard earlier = dashboard(dashboards(ledger, "2024-03-01T00:00:00Z"), "global", null);
        assertThat(earlier.byYear().get("2023").cycle()).extracting(CycleFigures::deadlinePassed, CycleFigures::overdue)
                .containsExactly(false, 0L);
    }

    @Test
    void the_all_years_figures_name_reported_at_least_once_as_such_and_show_the_latest_cycle_with_its_year() {
        TestLedger ledger = CommitmentProjectionTest.scenario();

        Figures.AllYears all = (Figures.AllYears) dashboard(dashboards(ledger, "2024-04-15T00:00:00Z"), "global", null).figures();
        assertThat(all.reportedAtLeastOnce()).isEqualTo(1);
        assertThat(all.accepted()).isEqualTo(3);
        assertThat(all.shareReportedAtLeastOnce()).isEqualTo(0.3333);
        // The latest cycle whose deadline passed: 2023, where nobody reported.
        assertThat(all.latestCycle()).extracting(CycleFigures::year, CycleFigures::shareReported, CycleFigures::overdue)
                .containsExactly(2023, 0.0, 2L);
        // Before 2023's deadline, the latest passed is 2022's.
        Figures.AllYears before = (Figures.AllYears) dashboard(dashboards(ledger, "2024-03-01T00:00:00Z"), "global", null).figures();
        assertThat(before.latestCycle().year()).isEqualTo(2022);
        // As of an instant before any cycle was opened, there is none to show.
        DashboardQueries early = dashboards(ledger, "2021-04-01T00:00:00Z");
        assertThat(((Figures.AllYears) early.handle(new DashboardQuery("global", null, Instant.parse("2021-04-01T00:00:00Z")))
                .orElseThrow().figures()).latestCycle()).isNull();
    }

    @Test
    void initiative_sums_say_a_shared_commitment_counts_in_each_and_the_global_figure_counts_it_once() {
        // c2 targets gbv (a2) and ej (e1): it counts in both initiatives, once in the global figures.
        TestLedger ledger = CommitmentProjectionTest.scenario();
        DashboardQueries read = dashboards(ledger, "2024-04-15T00:00:00Z");

        Dashboard global = dashboard(read, "global", null);
        InitiativeDashboards initiatives = read.handle(new InitiativeDashboardsQuery(null, null));
        assertThat(initiatives.countsSharedCommitmentsInEach()).isTrue();
        assertThat(initiatives.note()).contains("counts in each");
        assertThat(initiatives.initiatives()).extracting(Dashboard::scope).containsExactly("initiative:ej", "initiative:gbv");
        assertThat(initiatives.initiatives()).allSatisfy(d -> {
            assertThat(d.countsSharedCommitmentsInEach()).isTrue();
            assertThat(d.note()).isEqualTo(initiatives.note());
        });
        assertThat(global.countsSharedCommitmentsInEach()).isNull();
        long sum = initiatives.initiatives().stream().mapToLong(d -> ((Figures.AllYears) d.figures()).commitments()).sum();
        assertThat(((Figures.AllYears) global.figures()).commitments()).isEqualTo(6);
        assertThat(sum).isEqualTo(7);
        // c1's pledge (EUR 1,000,000 in 2021) counts in gbv only, and once in the global figures.
        BigDecimal pledged = ((Figures.AllYears) global.figures()).pledgedUsd();
        assertThat(pledged).isEqualByComparingTo("1183000.00");
        assertThat(initiatives.initiatives().stream().map(d -> ((Figures.AllYears) d.figures()).pledgedUsd())
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(pledged);
        assertThat(dashboard(read, "action:ej:e1", 2022).countsSharedCommitmentsInEach()).isTrue();
        assertThat(read.handle(new DashboardQuery("initiative:nope", null, null))).isEmpty();
        assertThat(read.handle(new DashboardQuery("action:gbv:zz", null, null))).isEmpty();
    }

    @Test
    void a_dashboard_says_the_position_it_reflects_now_and_as_of_an_instant() {
        TestLedger ledger = CommitmentProjectionTest.scenario();
        DashboardQueries read = dashboards(ledger, "2024-04-15T00:00:00Z");

        Dashboard now = dashboard(read, "global", null);
        assertThat(now.asOfPosition()).isEqualTo(ledger.headPosition());
        assertThat(now.recordedUpTo()).isEqualTo(ledger.events.get(ledger.events.size() - 1).recordedAt());
        Instant then = Instant.parse("2022-03-15T00:00:00Z");
        Dashboard asOf = read.handle(new DashboardQuery("global", null, then)).orElseThrow();
        long last = ledger.lastPositionAt(then);
        assertThat(asOf.asOfPosition()).isEqualTo(last).isLessThan(ledger.headPosition());
        assertThat(asOf.recordedUpTo()).isEqualTo(ledger.events.get((int) last).recordedAt());
        assertThat(asOf.asOf()).isEqualTo(then);
    }

    @Test
    void the_world_map_gives_each_country_of_the_makers_its_figures_which_add_up_to_the_global_ones() {
        // gov-mx (MX) made c1 (EUR 1,000,000 pledged in 2021) and c3; ngo-se (SE) made c2, c4, c5, c6.
        TestLedger ledger = CommitmentProjectionTest.scenario();
        DashboardQueries read = dashboards(ledger, "2024-04-15T00:00:00Z");

        CountryDashboards all = read.handle(new CountryDashboardsQuery(null, null));
        assertThat(all.countries()).extracting(CountryFigures::country, CountryFigures::name, CountryFigures::commitments)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SE", "Sweden", 4L),
                        org.assertj.core.groups.Tuple.tuple("MX", "Mexico", 2L));
        Figures.AllYears global = (Figures.AllYears) dashboard(read, "global", null).figures();
        assertThat(all.countries().stream().mapToLong(CountryFigures::commitments).sum()).isEqualTo(global.commitments());
        CountryFigures mexico = all.countries().get(1);
        assertThat(mexico.pledgedUsd()).isEqualByComparingTo(global.pledgedUsd()).isEqualByComparingTo("1183000.00");
        assertThat(mexico.disbursedUsd()).isEqualByComparingTo(global.disbursedUsd());
        assertThat(all.countries().get(0).pledgedUsd()).isEqualByComparingTo("0");
        assertThat(all.asOfPosition()).isEqualTo(ledger.headPosition());

        // One year: the commitments running in it (c3 alone runs in 2026, made in Mexico).
        assertThat(read.handle(new CountryDashboardsQuery(2026, null)).countries())
                .extracting(CountryFigures::country, CountryFigures::commitments)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MX", 1L));

        // As of an instant: the figures of the map then equal the global dashboard then, and a fresh build of the events by then.
        Instant then = Instant.parse("2022-03-15T00:00:00Z");
        CountryDashboards past = read.handle(new CountryDashboardsQuery(2021, then));
        Figures.Year globalThen = (Figures.Year) read.handle(new DashboardQuery("global", 2021, then)).orElseThrow().figures();
        assertThat(past.countries().stream().mapToLong(CountryFigures::commitments).sum()).isEqualTo(globalThen.commitments());
        assertThat(past.countries().stream().map(CountryFigures::disbursedUsd).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(globalThen.disbursedUsd()).isPositive();
        assertThat(past.asOfPosition()).isEqualTo(ledger.lastPositionAt(then));
        TestLedger byThen = new TestLedger();
        ledger.events.stream().filter(e -> !e.recordedAt().isAfter(then)).forEach(byThen.events::add);
        assertThat(past.countries()).isEqualTo(dashboards(byThen, "2022-03-15T00:00:00Z")
                .handle(new CountryDashboardsQuery(2021, null)).countries());
    }
}
