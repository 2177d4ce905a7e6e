package org.equalityledger.projections.dashboards;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.equalityledger.api.commitment.CommitmentType;
import org.equalityledger.api.commitment.TargetAction;
import org.equalityledger.api.common.Money;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.projections.model.CommitmentState;
import org.equalityledger.projections.model.MakerProfile;
import org.equalityledger.projections.reference.Regions;
import org.equalityledger.projections.reference.UsdRates;

/**
 * What one commitment adds to the dashboards: for each dashboard document ({@code scope|period}),
 * figure name to value. A dashboard is the sum of the contributions of every commitment, kept up to
 * date by adding {@code contribution(after) - contribution(before)} at each event.
 *
 * <p>Scopes: {@code global}, {@code initiative:<id>}, {@code action:<initiative>:<code>},
 * {@code group:<stakeholder group>}, {@code hemisphere:<GLOBAL_SOUTH|GLOBAL_NORTH>},
 * {@code country:<ISO code of the maker>}, {@code region:<region of that country>}. Periods:
 * {@code all}, and each year of the implementation period the commitment runs. Money is in US cents, each movement at
 * the rate of its year: the pledge at its pledge year, a disbursement at the year reported on.
 */
public final class Contribution {

    public static final String ALL = "all";

    private Contribution() {
    }

    public static String key(String scope, String period) {
        return scope + "|" + period;
    }

    /** {@code all}, then each year of the implementation period. */
    public static List<String> periods(ImplementationPeriod implementationPeriod) {
        List<String> periods = new ArrayList<>();
        periods.add(ALL);
        implementationPeriod.years().forEach(y -> periods.add(String.valueOf(y)));
        return periods;
    }

    /** The scopes a commitment of this maker counts in. */
    public static List<String> scopes(CommitmentState s, MakerProfile maker, Regions regions) {
        Set<String> scopes = new java.util.LinkedHashSet<>();
        scopes.add("global");
        for (String initiative : s.details.targetedInitiatives()) {
            scopes.add("initiative:" + initiative);
        }
        for (TargetAction t : s.details.targets()) {
            scopes.add("action:" + t.initiativeId() + ":" + t.actionCode());
        }
        if (maker != null) {
            scopes.add("group:" + maker.group().name());
            scopes.add("hemisphere:" + maker.hemisphere().name());
            scopes.add("country:" + maker.country());
            scopes.add("region:" + regions.regionOf(maker.country()));
        }
        return new ArrayList<>(scopes);
    }

    public static Map<String, Map<String, Long>> of(CommitmentState s, MakerProfile maker, UsdRates rates, Regions regions,
                                                    ImplementationPeriod implementationPeriod) {
        // Hash maps: a contribution is built twice an event and only looked up and summed, never listed.
        Map<String, Map<String, Long>> result = new HashMap<>(128);
        if (s == null) {
            return result;
        }
        Map<String, Long> all = new HashMap<>();
        counts(s, all);
        if (s.financialCommitmentExpected) {
            add(all, "flag:financialExpected", 1);
        }
        boolean anyReport = false;
        int filed = 0;
        int late = 0;
        int corrected = 0;
        Map<String, Map<String, Long>> byPeriod = new HashMap<>();
        for (Map.Entry<Integer, List<CommitmentState.ReportRevision>> e : s.reports.entrySet()) {
            CommitmentState.ReportRevision r = e.getValue().get(e.getValue().size() - 1);
            anyReport = true;
            filed++;
            late += r.late ? 1 : 0;
            corrected += e.getValue().size() > 1 ? 1 : 0;
            Money disbursed = r.report.moneyDisbursed();
            if (disbursed != null) {
                String period = String.valueOf(e.getKey());
                java.util.Optional<Long> cents = rates.usdCents(disbursed, e.getKey());
                if (cents.isPresent()) {
                    add(all, "disbursedUsdCents", cents.get());
                    add(byPeriod.computeIfAbsent(period, p -> new HashMap<>()), "disbursedUsdCents", cents.get());
                } else {
                    add(all, "unconvertedMovements", 1);
                    add(byPeriod.computeIfAbsent(period, p -> new HashMap<>()), "unconvertedMovements", 1);
                }
            }
        }
        if (s.accepted()) {
            add(all, "accepted", 1);
            if (anyReport) {
                add(all, "reported", 1);
            }
        }
        add(all, "reportsFiled", filed);
        add(all, "reportsLate", late);
        add(all, "reportsCorrected", corrected);
        Integer latest = s.latestReportedYear();
        if (latest != null) {
            add(all, "progress:" + s.reportInForce(latest).report.status().name(), 1);
        }
        Money financial = s.details.financial();
        if (financial != null) {
            java.util.Optional<Long> cents = rates.usdCents(financial, s.pledgeYear);
            String period = String.valueOf(s.pledgeYear);
            if (cents.isPresent()) {
                add(all, "pledgedUsdCents", cents.get());
                add(byPeriod.computeIfAbsent(period, p -> new HashMap<>()), "pledgedUsdCents", cents.get());
            } else {
                add(all, "unconvertedMovements", 1);
                add(byPeriod.computeIfAbsent(period, p -> new HashMap<>()), "unconvertedMovements", 1);
            }
        }
        int lastExpected = s.lastExpectedYear();
        int first = Math.max(implementationPeriod.firstYear(), s.startYear());
        int last = Math.min(implementationPeriod.lastYear(), s.endYear());
        for (int year = first; year <= last; year++) {
            Map<String, Long> y = byPeriod.computeIfAbsent(String.valueOf(year), p -> new HashMap<>());
            counts(s, y);
            if (s.accepted() && year <= lastExpected) {
                add(y, "expected", 1);
                CommitmentState.ReportRevision inForce = s.reportInForce(year);
                if (inForce != null) {
                    add(y, "reported", 1);
                    // Of those expected, reported after the cycle's deadline: what per-cycle compliance counts as late.
                    add(y, "reportedLate", inForce.late ? 1 : 0);
                }
            }
            CommitmentState.ReportRevision r = s.reportInForce(year);
            if (r != null) {
                add(y, "reportsFiled", 1);
                add(y, "reportsLate", r.late ? 1 : 0);
                add(y, "progress:" + r.report.status().name(), 1);
            }
        }
        for (String scope : scopes(s, maker, regions)) {
            result.put(key(scope, ALL), all);
            byPeriod.forEach((period, figures) -> {
                if (implementationPeriod.contains(Integer.parseInt(period))) {
                    result.put(key(scope, period), figures);
                }
            });
        }
        return result;
    }

    private static void counts(CommitmentState s, Map<String, Long> figures) {
        add(figures, "commitments", 1);
        for (CommitmentType type : s.details.types()) {
            add(figures, "type:" + type.name(), 1);
        }
        add(figures, "status:" + s.status.name(), 1);
    }

    private static void add(Map<String, Long> figures, String name, long value) {
        if (value != 0) {
            figures.merge(name, value, Long::sum);
        }
    }

    /**
     * {@code after - before}, document by document and figure by figure, leaving out zeros. A
     * commitment's documents share one figures map per period whatever the scope, so each pair of
     * maps is subtracted once and the difference shared by the documents (read it, don't change it).
     */
    public static Map<String, Map<String, Long>> delta(Map<String, Map<String, Long>> before,
                                                      Map<String, Map<String, Long>> after) {
        Map<String, Map<String, Long>> delta = new HashMap<>(128);
        Map<Map<String, Long>, Map<Map<String, Long>, Map<String, Long>>> subtracted = new IdentityHashMap<>();
        for (Map.Entry<String, Map<String, Long>> b : before.entrySet()) {
            Map<String, Long> a = after.getOrDefault(b.getKey(), NONE);
            put(delta, b.getKey(), subtracted, b.getValue(), a);
        }
        for (Map.Entry<String, Map<String, Long>> a : after.entrySet()) {
            if (!before.containsKey(a.getKey())) {
                put(delta, a.getKey(), subtracted, NONE, a.getValue());
            }
        }
        return delta;
    }

    private static final Map<String, Long> NONE = Map.of();

    private static void put(Map<String, Map<String, Long>> delta, String key,
                            Map<Map<String, Long>, Map<Map<String, Long>, Map<String, Long>>> subtracted,
                            Map<String, Long> b, Map<String, Long> a) {
        if (a == b) {
            return;
        }
        Map<String, Long> d = subtracted.computeIfAbsent(b, k -> new IdentityHashMap<>()).computeIfAbsent(a, k -> minus(a, b));
        if (!d.isEmpty()) {
            delta.put(key, d);
        }
    }

    private static Map<String, Long> minus(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> d = new HashMap<>();
        a.forEach((name, value) -> {
            long v = value - b.getOrDefault(name, 0L);
            if (v != 0) {
                d.put(name, v);
            }
        });
        b.forEach((name, value) -> {
            if (!a.containsKey(name) && value != 0) {
                d.put(name, -value);
            }
        });
        return d;
    }
}
