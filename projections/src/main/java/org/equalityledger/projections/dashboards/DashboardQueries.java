package org.equalityledger.projections.dashboards;

import static com.mongodb.client.model.Filters.in;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.api.query.LedgerPoint;
import org.equalityledger.api.query.dashboards.CountryDashboards;
import org.equalityledger.api.query.dashboards.CountryDashboardsQuery;
import org.equalityledger.api.query.dashboards.CountryFigures;
import org.equalityledger.api.query.dashboards.CycleFigures;
import org.equalityledger.api.query.dashboards.Dashboard;
import org.equalityledger.api.query.dashboards.DashboardQuery;
import org.equalityledger.api.query.dashboards.Figures;
import org.equalityledger.api.query.dashboards.InitiativeDashboards;
import org.equalityledger.api.query.dashboards.InitiativeDashboardsQuery;
import org.equalityledger.api.query.dashboards.NotConverted;
import org.equalityledger.api.reporting.ReportingStatusPolicy;
import org.equalityledger.projections.commitments.CommitmentProjector;
import org.equalityledger.projections.rates.RateQueries;
import org.equalityledger.projections.reference.Names;
import org.equalityledger.projections.reference.Recorded;

/**
 * The dashboards room's answers: now, the precomputed documents of {@code rm_dashboards} (one {@code $in}
 * on {@code _id} per scope); as of an instant, {@link DashboardFiguresAsOf}. Reporting compliance is
 * computed at the read instant from the figures and the cycles recorded by then: whether a cycle's
 * deadline has passed changes with the clock, not with an event.
 */
public class DashboardQueries {

    private final Recorded recorded;
    private final DashboardFiguresAsOf figuresAsOf;

    public DashboardQueries(Recorded recorded, DashboardFiguresAsOf figuresAsOf) {
        this.recorded = recorded;
        this.figuresAsOf = figuresAsOf;
    }

    /** The scope's dashboard; empty when the scope names an initiative or action the ledger does not hold. */
    @QueryHandler
    public Optional<Dashboard> handle(DashboardQuery q) {
        return Optional.ofNullable(dashboard(q.scope(), q.year(), reading(q.asOf())));
    }

    /** Every initiative's dashboard, by initiative id. */
    @QueryHandler
    public InitiativeDashboards handle(InitiativeDashboardsQuery q) {
        Reading reading = reading(q.asOf());
        List<Dashboard> all = new ArrayList<>();
        List<Document> initiatives = recorded.allInitiatives();
        List<String> scopes = initiatives.stream().map(i -> "initiative:" + i.getString("_id")).toList();
        // One page, one instant: what every initiative's figures start from is read at once.
        Map<String, Map<String, Map<String, Long>>> figures = q.asOf() == null ? null : figuresAsOf.figures(scopes, q.asOf());
        for (int i = 0; i < scopes.size(); i++) {
            String scope = scopes.get(i);
            all.add(dashboard(scope, Recorded.initiativeName(initiatives.get(i), initiatives.get(i).getString("_id")),
                    figures == null ? figures(scope) : figures.get(scope), q.year(), reading));
        }
        return new InitiativeDashboards(all, true, Dashboard.SHARED_NOTE, reading.point().position(),
                reading.point().recordedAt());
    }

    /**
     * Every country whose makers hold commitments, with its figures for the year (or all years): the
     * projection's {@code country:} scopes, read in one query now; as of an instant, the countries it
     * holds now (a country's scope is never removed) from their snapshots, the tail replayed once.
     */
    @QueryHandler
    public CountryDashboards handle(CountryDashboardsQuery q) {
        Reading reading = reading(q.asOf());
        String period = q.year() == null ? Contribution.ALL : String.valueOf(q.year());
        List<String> scopes = new ArrayList<>();
        Map<String, Map<String, Long>> shown = new LinkedHashMap<>();
        String wanted = q.asOf() == null ? period : Contribution.ALL;
        List<String> keys = Arrays.stream(Locale.getISOCountries()).map(c -> Contribution.key("country:" + c, wanted)).toList();
        for (Document d : recorded.collection(DashboardProjector.DASHBOARDS).find(in("_id", keys))) {
            String scope = d.getString("scope");
            scopes.add(scope);
            if (q.asOf() == null) {
                Map<String, Long> f = new TreeMap<>();
                d.get("f", Document.class).forEach((k, v) -> f.put(k, ((Number) v).longValue()));
                shown.put(scope, f);
            }
        }
        if (q.asOf() != null && !scopes.isEmpty()) {
            figuresAsOf.figures(scopes, q.asOf()).forEach((scope, periods) -> shown.put(scope, periods.getOrDefault(period, Map.of())));
        }
        List<CountryFigures> countries = new ArrayList<>();
        shown.forEach((scope, f) -> {
            String code = scope.substring("country:".length());
            CountryFigures c = new CountryFigures(code, Names.country(code), get(f, "commitments"), usd(f, "pledgedUsdCents"),
                    usd(f, "disbursedUsdCents"), notConverted(f));
            if (c.commitments() > 0 || c.pledgedUsd().signum() != 0 || c.disbursedUsd().signum() != 0 || !c.notConverted().isEmpty()) {
                countries.add(c);
            }
        });
        countries.sort(Comparator.comparingLong(CountryFigures::commitments).reversed().thenComparing(CountryFigures::country));
        return new CountryDashboards(q.year(), q.asOf(), countries, RateQueries.rates(recorded, q.asOf()).describe(),
                reading.point().position(), reading.point().recordedAt());
    }

    /** A read now or as of {@code asOf} (null): its instant, the cycles recorded by then, and what it reflects. */
    private record Reading(Instant asOf, Instant at, Map<Integer, ReportingStatusPolicy.Cycle> cycles, LedgerPoint point) {
    }

    /** A current read reflects the least advanced of the dashboards and the names and cycles it reads. */
    private Reading reading(Instant asOf) {
        LedgerPoint point = asOf == null ? recorded.current(DashboardProjector.NAME, CommitmentProjector.NAME)
                : recorded.asOf(asOf);
        Instant at = asOf == null ? recorded.now() : asOf;
        return new Reading(asOf, at, recorded.cycles(at), point);
    }

    private Dashboard dashboard(String scope, Integer year, Reading reading) {
        String name = scopeName(scope);
        if (name == null) {
            return null;
        }
        return dashboard(scope, name, reading.asOf() == null ? figures(scope) : figuresAsOf.figures(scope, reading.asOf()),
                year, reading);
    }

    private Dashboard dashboard(String scope, String name, Map<String, Map<String, Long>> figures, Integer year, Reading reading) {
        Instant asOf = reading.asOf();
        Instant at = reading.at();
        Map<Integer, ReportingStatusPolicy.Cycle> cycles = reading.cycles();
        LedgerPoint point = reading.point();
        boolean shared = scope.startsWith("initiative:") || scope.startsWith("action:");
        Figures shown;
        Map<String, Figures.Year> byYear = null;
        if (year != null) {
            shown = year(figures, year, cycles, at);
        } else {
            shown = allYears(figures, cycles, at);
            byYear = new LinkedHashMap<>();
            for (int y : recorded.implementationPeriod().years()) {
                byYear.put(String.valueOf(y), year(figures, y, cycles, at));
            }
        }
        return new Dashboard(scope, name, asOf, year, shown, byYear, shared ? Boolean.TRUE : null,
                shared ? Dashboard.SHARED_NOTE : null, RateQueries.rates(recorded, asOf).describe(), point.position(), point.recordedAt());
    }

    /** The scope's figures for every period (figure name to value), now, from the precomputed documents. */
    public Map<String, Map<String, Long>> figures(String scope) {
        Map<String, Map<String, Long>> figures = new TreeMap<>();
        List<String> keys = Contribution.periods(recorded.implementationPeriod()).stream()
                .map(p -> Contribution.key(scope, p)).toList();
        for (Document d : recorded.collection(DashboardProjector.DASHBOARDS).find(in("_id", keys))) {
            Map<String, Long> f = new TreeMap<>();
            d.get("f", Document.class).forEach((k, v) -> f.put(k, ((Number) v).longValue()));
            figures.put(d.getString("period"), f);
        }
        return figures;
    }

    private static Figures.Year year(Map<String, Map<String, Long>> figures, int year,
                                     Map<Integer, ReportingStatusPolicy.Cycle> cycles, Instant at) {
        Map<String, Long> f = figures.getOrDefault(String.valueOf(year), Map.of());
        long expected = get(f, "expected");
        long reported = get(f, "reported");
        return new Figures.Year(get(f, "commitments"), prefixed(f, "type:"), prefixed(f, "status:"),
                prefixed(f, "progress:"), expected, reported, Recorded.share(reported, expected),
                cycle(f, year, cycles.get(year), at), get(f, "reportsFiled"), get(f, "reportsLate"),
                usd(f, "pledgedUsdCents"), usd(f, "disbursedUsdCents"), get(f, "unconvertedMovements"),
                notConverted(f));
    }

    /** Compliance in {@code year}'s cycle: overdue only once its deadline, as recorded by {@code at}, has passed. */
    private static CycleFigures cycle(Map<String, Long> f, int year, ReportingStatusPolicy.Cycle cycle, Instant at) {
        long expected = get(f, "expected");
        long reported = get(f, "reported");
        long late = get(f, "reportedLate");
        boolean passed = cycle != null && cycle.due(at);
        return new CycleFigures(year, cycle == null ? null : cycle.deadline(), passed, expected, reported - late, late,
                passed ? expected - reported : 0, Recorded.share(reported, expected));
    }

    private Figures.AllYears allYears(Map<String, Map<String, Long>> figures, Map<Integer, ReportingStatusPolicy.Cycle> cycles,
                                      Instant at) {
        Map<String, Long> f = figures.getOrDefault(Contribution.ALL, Map.of());
        long accepted = get(f, "accepted");
        long reported = get(f, "reported");
        Integer latest = latestCycle(cycles, at);
        CycleFigures latestCycle = latest == null ? null
                : cycle(figures.getOrDefault(String.valueOf(latest), Map.of()), latest, cycles.get(latest), at);
        return new Figures.AllYears(get(f, "commitments"), prefixed(f, "type:"), prefixed(f, "status:"),
                prefixed(f, "progress:"), accepted, reported, Recorded.share(reported, accepted), latestCycle,
                get(f, "reportsCorrected"), get(f, "flag:financialExpected"), get(f, "reportsFiled"), get(f, "reportsLate"),
                usd(f, "pledgedUsdCents"), usd(f, "disbursedUsdCents"), get(f, "unconvertedMovements"),
                notConverted(f));
    }

    /** The latest cycle of the period whose deadline has passed at {@code at}; else the latest opened; else null. */
    private Integer latestCycle(Map<Integer, ReportingStatusPolicy.Cycle> cycles, Instant at) {
        ImplementationPeriod period = recorded.implementationPeriod();
        Integer opened = null;
        Integer passed = null;
        for (ReportingStatusPolicy.Cycle c : cycles.values()) {
            if (period.contains(c.year())) {
                opened = opened == null ? c.year() : Math.max(opened, c.year());
                if (c.due(at)) {
                    passed = passed == null ? c.year() : Math.max(passed, c.year());
                }
            }
        }
        return passed != null ? passed : opened;
    }

    private static long get(Map<String, Long> f, String figure) {
        return f.getOrDefault(figure, 0L);
    }

    private static BigDecimal usd(Map<String, Long> f, String cents) {
        return BigDecimal.valueOf(get(f, cents), 2);
    }

    /** The money no recorded rate converted, by currency (figures in hundredths of its unit). */
    private static List<NotConverted> notConverted(Map<String, Long> f) {
        List<NotConverted> money = new ArrayList<>();
        prefixed(f, Contribution.NOT_CONVERTED).forEach((currency, hundredths) -> money.add(new NotConverted(currency,
                BigDecimal.valueOf(hundredths, 2).stripTrailingZeros().toPlainString())));
        return money;
    }

    private static Map<String, Long> prefixed(Map<String, Long> f, String prefix) {
        Map<String, Long> m = new TreeMap<>();
        f.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                m.put(k.substring(prefix.length()), v);
            }
        });
        return m;
    }

    /** The scope's name for a reader; null for an initiative or action the ledger does not hold. */
    private String scopeName(String scope) {
        String[] parts = scope.split(":");
        return switch (parts[0]) {
            case "global" -> "All commitments";
            case "initiative" -> {
                Document d = recorded.initiatives(List.of(parts[1])).get(parts[1]);
                yield d == null ? null : Recorded.initiativeName(d, parts[1]);
            }
            case "action" -> {
                Document d = recorded.initiatives(List.of(parts[1])).get(parts[1]);
                yield Recorded.action(d, parts[2]) == null ? null
                        : Recorded.initiativeName(d, parts[1]) + ": " + Recorded.actionName(d, parts[2]);
            }
            case "group" -> Names.group(parts[1]);
            case "country" -> Names.country(parts[1]);
            default -> Names.words(parts[1]);
        };
    }
}
