package org.equalityledger.projections.dashboards;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.equalityledger.api.commitment.CommitmentPledged;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.api.maker.CommitmentMakerRegistered;
import org.equalityledger.api.rates.UsdRateRecorded;
import org.equalityledger.projections.model.CommitmentFold;
import org.equalityledger.projections.model.CommitmentState;
import org.equalityledger.projections.model.MakerProfile;
import org.equalityledger.projections.query.ReadSideBehind;
import org.equalityledger.projections.reference.Regions;
import org.equalityledger.projections.rates.RecordedRates;
import org.equalityledger.projections.store.LedgerEvent;
import org.equalityledger.projections.store.LedgerReader;
import org.equalityledger.projections.store.ReadModelJson;
import org.equalityledger.projections.store.ReadModels;

import com.fasterxml.jackson.core.type.TypeReference;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A dashboard's figures as the ledger had recorded things at an instant: time travel for the dashboards.
 *
 * <p>What is remembered between answers is keyed by ledger positions, never by "now": the position an
 * instant resolves to once a later event is recorded, a scope's latest snapshot at or before a boundary,
 * and the difference the events from a boundary to a position make to every scope. None of these can
 * change once known, so no answer is ever served stale; a page that asks for several dashboards as of
 * one instant (the list of initiative dashboards) replays the events after the snapshot once.
 */
public final class DashboardFiguresAsOf {

    /** Snapshot ids asked for in the first query, from the latest boundary backwards: a busy scope is found in it. */
    private static final int FIRST_LOOKUP = 8;

    private final ReadModels readModels;
    private final LedgerReader ledger;
    private final Regions regions;
    private final ImplementationPeriod implementationPeriod;
    private final AtomicLong lastSnapshotSeen = new AtomicLong();
    private volatile List<Marker> markers = List.of();
    private volatile long markersReadUpTo;
    private final Cache<Long, List<LedgerEvent>> windows = Caffeine.newBuilder().maximumWeight(10_000)
            .weigher((Long boundary, List<LedgerEvent> events) -> events.size()).build();
    private final Cache<String, Map<String, Map<String, Long>>> snapshots = Caffeine.newBuilder().maximumSize(5_000).build();
    private final Cache<Span, Map<String, Map<String, Map<String, Long>>>> replays = Caffeine.newBuilder().maximumSize(64).build();

    public DashboardFiguresAsOf(ReadModels readModels, LedgerReader ledger, Regions regions,
                                ImplementationPeriod implementationPeriod) {
        this.readModels = readModels;
        this.ledger = ledger;
        this.regions = regions;
        this.implementationPeriod = implementationPeriod;
    }

    /** The events from {@code boundary} to {@code last}, both inclusive, replayed on the snapshot at {@code boundary}. */
    private record Span(long boundary, long last) {
    }

    /** Where an answer starts and ends, and the events between (null when not read yet). */
    private record Tail(long boundary, long last, List<LedgerEvent> events) {
    }

    /** A boundary's first event: the first at or after it, and when it was recorded. */
    private record Marker(long boundary, long position, Instant recordedAt) {
    }

    /**
     * The scope's figures as the ledger had recorded things at {@code at}: the latest snapshot before
     * that instant, plus the events recorded after the snapshot and by {@code at} replayed through the
     * same contribution arithmetic, with the US-dollar rates recorded by then (a rate among those events
     * converts, from its position on, the commitments the projection's index names for its currency and year).
     */
    public Map<String, Map<String, Long>> figures(String scope, Instant at) {
        return figures(scope, at, lastSnapshot());
    }

    /**
     * Several scopes' figures as of one instant (a page of them): the bookkeeping read once, the scopes'
     * latest snapshots looked up together, the tail replayed once.
     */
    public Map<String, Map<String, Map<String, Long>>> figures(List<String> scopes, Instant at) {
        long lastSnapshot = lastSnapshot();
        Tail tail = tail(at, lastSnapshot);
        if (tail.last() >= 0 && tail.boundary() > 0) {
            List<Long> boundaries = Snapshots.boundariesUpTo(tail.boundary());
            List<Long> latest = boundaries.subList(Math.max(0, boundaries.size() - FIRST_LOOKUP), boundaries.size());
            List<String> missing = scopes.stream().filter(scope -> snapshots.getIfPresent(Snapshots.id(tail.boundary(), scope)) == null).toList();
            if (!missing.isEmpty()) {
                Map<String, Document> found = new HashMap<>();
                List<String> ids = missing.stream().flatMap(scope -> latest.stream().map(b -> Snapshots.id(b, scope))).toList();
                for (Document d : readModels.collection(DashboardProjector.SNAPSHOTS).find(in("_id", ids))) {
                    Document known = found.get(d.getString("scope"));
                    if (known == null || ((Number) d.get("boundary")).longValue() > ((Number) known.get("boundary")).longValue()) {
                        found.put(d.getString("scope"), d);
                    }
                }
                // A scope not changed in those boundaries is looked up further back, alone, as before.
                found.forEach((scope, d) -> snapshots.put(Snapshots.id(tail.boundary(), scope),
                        ReadModelJson.fromStored(d.get("periods"), FIGURES_BY_PERIOD)));
            }
        }
        Map<String, Map<String, Map<String, Long>>> all = new LinkedHashMap<>();
        scopes.forEach(scope -> all.put(scope, figures(scope, at, lastSnapshot)));
        return all;
    }

    private long lastSnapshot() {
        Document book = readModels.collection(DashboardProjector.FACTS).find(eq("_id", DashboardProjector.STATE)).first();
        return book == null ? 0 : ((Number) book.get("lastSnapshot")).longValue();
    }

    private Map<String, Map<String, Long>> figures(String scope, Instant at, long lastSnapshot) {
        if (lastSnapshot < lastSnapshotSeen.getAndSet(lastSnapshot)) {
            // A rebuild started over: what it builds may differ from what was remembered (a rule changed).
            synchronized (this) {
                markers = List.of();
                markersReadUpTo = 0;
            }
            windows.invalidateAll();
            snapshots.invalidateAll();
            replays.invalidateAll();
        }
        Tail tail = tail(at, lastSnapshot);
        long last = tail.last();
        long boundary = tail.boundary();
        Map<String, Map<String, Long>> figures = new TreeMap<>();
        if (last < 0) {
            return figures;
        }
        snapshot(scope, boundary).forEach((period, f) -> figures.put(period, new TreeMap<>(f)));
        if (last < boundary) {
            return figures;
        }
        if (last - boundary > Snapshots.LONGEST_REPLAY) {
            // The snapshot this needs is not written yet: the projection is still far behind.
            throw new ReadSideBehind(last, lastSnapshot);
        }
        replays.get(new Span(boundary, last), span -> replay(span, tail.events())).getOrDefault(scope, Map.of()).forEach((period, d) -> {
            Map<String, Long> f = figures.computeIfAbsent(period, k -> new TreeMap<>());
            d.forEach((name, value) -> {
                long v = f.getOrDefault(name, 0L) + value;
                if (v == 0) {
                    f.remove(name);
                } else {
                    f.put(name, v);
                }
            });
        });
        figures.values().removeIf(Map::isEmpty);
        return figures;
    }

    /**
     * The snapshot an answer as of {@code at} starts from and the events after it recorded by then.
     * The boundaries' first events say which boundary: the latest whose first event was recorded by
     * {@code at}; the events from it to the next boundary's first event say which was the last. Near
     * the head, past the last boundary, the ledger is searched for the instant.
     */
    private Tail tail(Instant at, long lastSnapshot) {
        List<Marker> known = markers(lastSnapshot);
        int low = 0;
        int high = known.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (known.get(middle).recordedAt().isAfter(at)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        // known.get(low - 1) is the latest boundary whose first event was recorded by then; known.get(low) the next.
        if (low < known.size()) {
            long boundary = low == 0 ? 0 : known.get(low - 1).boundary();
            long before = known.get(low).position();
            List<LedgerEvent> window = windows.get(boundary, b -> ledger.eventsBetween(b, before - 1));
            int recorded = 0;
            while (recorded < window.size() && !window.get(recorded).recordedAt().isAfter(at)) {
                recorded++;
            }
            long last = recorded == 0 ? boundary - 1 : window.get(recorded - 1).position();
            return new Tail(boundary, last, window.subList(0, recorded));
        }
        long last = ledger.lastPositionAt(at);
        // The last snapshot may start the tail only where every boundary has one (its first event was kept);
        // snapshots written before that exist at the coarser boundaries alone.
        boolean everyBoundary = !known.isEmpty() && known.get(known.size() - 1).boundary() == lastSnapshot;
        return new Tail(everyBoundary && last + 1 >= lastSnapshot ? lastSnapshot
                : Snapshots.boundaryAtOrBefore(Math.min(last + 1, lastSnapshot)), last, null);
    }

    /**
     * Every boundary's first event, from the first boundary on, as far as the projection has written
     * them (read once: they never change). The list stops at the first one missing (snapshots written
     * before they were kept): instants after it are searched in the ledger.
     */
    private List<Marker> markers(long lastSnapshot) {
        if (lastSnapshot <= markersReadUpTo) {
            return markers;
        }
        synchronized (this) {
            if (lastSnapshot > markersReadUpTo) {
                List<Marker> known = new ArrayList<>(markers);
                long from = known.isEmpty() ? -1 : known.get(known.size() - 1).boundary();
                List<String> ids = new ArrayList<>();
                for (long b = Snapshots.nextBoundary(from); b <= lastSnapshot; b = Snapshots.nextBoundary(b)) {
                    ids.add(Snapshots.firstEventId(b));
                }
                Map<Long, Marker> found = new HashMap<>();
                for (Document d : readModels.collection(DashboardProjector.SNAPSHOTS).find(in("_id", ids))) {
                    Marker m = new Marker(((Number) d.get("boundary")).longValue(), ((Number) d.get("position")).longValue(),
                            Instant.parse(d.getString("recordedAt")));
                    found.put(m.boundary(), m);
                }
                for (long b = Snapshots.nextBoundary(from); b <= lastSnapshot && found.containsKey(b); b = Snapshots.nextBoundary(b)) {
                    known.add(found.get(b));
                }
                markers = List.copyOf(known);
                markersReadUpTo = lastSnapshot;
            }
            return markers;
        }
    }

    /**
     * The scope's figures per period in its latest snapshot at or before {@code boundary} (read it,
     * don't change it): only the scopes that changed are written at a boundary, so the latest
     * boundaries are asked for first, then eight times as many before them, and so on.
     */
    private Map<String, Map<String, Long>> snapshot(String scope, long boundary) {
        if (boundary <= 0) {
            return Map.of();
        }
        return snapshots.get(Snapshots.id(boundary, scope), id -> {
            List<Long> boundaries = Snapshots.boundariesUpTo(boundary);
            Document latest = null;
            for (int to = boundaries.size(), count = FIRST_LOOKUP; latest == null && to > 0; to -= count, count *= 8) {
                latest = latest(scope, boundaries.subList(Math.max(0, to - count), to));
            }
            if (latest == null) {
                return Map.of();
            }
            return ReadModelJson.fromStored(latest.get("periods"), FIGURES_BY_PERIOD);
        });
    }

    private Document latest(String scope, List<Long> boundaries) {
        Document latest = null;
        List<String> ids = boundaries.stream().map(b -> Snapshots.id(b, scope)).toList();
        for (Document d : readModels.collection(DashboardProjector.SNAPSHOTS).find(in("_id", ids))) {
            if (latest == null || ((Number) d.get("boundary")).longValue() > ((Number) latest.get("boundary")).longValue()) {
                latest = d;
            }
        }
        return latest;
    }

    /**
     * What the events of the tail change, for every scope: scope, then period, then figure. The
     * commitments they touch start from their state at the boundary: none for those the tail pledges,
     * the fold of their events before the boundary for the others.
     */
    private Map<String, Map<String, Map<String, Long>>> replay(Span span, List<LedgerEvent> events) {
        long boundary = span.boundary();
        List<LedgerEvent> tail = events != null ? events : ledger.eventsBetween(boundary, span.last());
        Set<String> touched = new LinkedHashSet<>();
        Set<String> pledged = new HashSet<>();
        Set<String> makerIds = new LinkedHashSet<>();
        Map<String, List<String>> converted = new HashMap<>();
        for (LedgerEvent e : tail) {
            String id = CommitmentFold.commitmentIdOf(e.payload());
            if (id != null && touched.add(id) && e.payload() instanceof CommitmentPledged) {
                // Its first event: the commitment did not exist at the boundary.
                pledged.add(id);
            }
            if (e.payload() instanceof UsdRateRecorded r) {
                converted.computeIfAbsent(r.currency() + "|" + r.year(), this::convertedBy);
            }
            if (e.payload() instanceof CommitmentPledged p) {
                makerIds.add(p.makerId());
            }
        }
        touched.removeAll(pledged);
        // Converted by a rate of the tail: their state at the boundary is needed too (unless the tail pledges them).
        converted.values().forEach(ids -> ids.stream().filter(id -> !pledged.contains(id)).forEach(touched::add));
        Document ratesDoc = readModels.collection(DashboardProjector.FACTS).find(eq("_id", DashboardProjector.RATES)).first();
        RecordedRates rates = RecordedRates.fromStored(ratesDoc == null ? null : ratesDoc.get("entries")).upTo(boundary - 1);
        Map<String, CommitmentState> states = new HashMap<>();
        ledger.eventsOf(touched, boundary).forEach((id, before) -> {
            CommitmentState s = null;
            for (LedgerEvent e : before) {
                s = CommitmentFold.apply(s, e.payload(), e.recordedAt());
            }
            if (s != null) {
                states.put(id, s);
                makerIds.add(s.makerId);
            }
        });
        Map<String, MakerProfile> makers = new HashMap<>();
        if (!makerIds.isEmpty()) {
            for (Document d : readModels.collection(DashboardProjector.FACTS).find(in("_id", makerIds.stream().map(m -> "m:" + m).toList()))) {
                MakerProfile facts = DashboardProjector.makerOf(d);
                makers.put(facts.makerId(), facts);
            }
        }
        Map<String, Map<String, Map<String, Long>>> changes = new HashMap<>();
        Map<String, Map<String, Map<String, Long>>> contributions = new HashMap<>();
        for (LedgerEvent e : tail) {
            if (e.payload() instanceof CommitmentMakerRegistered r) {
                makers.put(r.makerId(), new MakerProfile(r.makerId(), r.name(), r.stakeholderGroup(), r.hemisphere(), r.country()));
                contributions.clear(); // computed with the maker's former facts
                continue;
            }
            if (e.payload() instanceof UsdRateRecorded r) {
                RecordedRates before = rates;
                rates = before.with(r, e.position(), e.recordedAt());
                for (String converts : converted.get(r.currency() + "|" + r.year())) {
                    CommitmentState s = states.get(converts);
                    if (s != null) {
                        Map<String, Map<String, Long>> old = contributions.get(converts);
                        if (old == null) {
                            old = Contribution.of(s, makers.get(s.makerId), before, regions, implementationPeriod);
                        }
                        Map<String, Map<String, Long>> now = Contribution.of(s, makers.get(s.makerId), rates, regions, implementationPeriod);
                        contributions.put(converts, now);
                        add(changes, Contribution.delta(old, now));
                    }
                }
                continue;
            }
            String id = CommitmentFold.commitmentIdOf(e.payload());
            if (id == null) {
                continue;
            }
            CommitmentState before = states.get(id);
            Map<String, Map<String, Long>> old = before == null ? Map.of() : contributions.get(id);
            if (old == null) {
                old = Contribution.of(before, makers.get(before.makerId), rates, regions, implementationPeriod);
            }
            CommitmentState after = CommitmentFold.apply(before, e.payload(), e.recordedAt());
            if (after == null) {
                continue;
            }
            states.put(id, after);
            Map<String, Map<String, Long>> now = Contribution.of(after, makers.get(after.makerId), rates, regions, implementationPeriod);
            contributions.put(id, now);
            add(changes, Contribution.delta(old, now));
        }
        return changes;
    }

    /** Adds a contribution's difference, keyed {@code scope|period}, to the changes by scope, then period. */
    private static void add(Map<String, Map<String, Map<String, Long>>> changes, Map<String, Map<String, Long>> delta) {
        delta.forEach((key, d) -> {
            int bar = key.indexOf('|');
            Map<String, Long> f = changes.computeIfAbsent(key.substring(0, bar), k -> new HashMap<>())
                    .computeIfAbsent(key.substring(bar + 1), k -> new HashMap<>());
            d.forEach((name, value) -> f.merge(name, value, Long::sum));
        });
    }

    /** The commitments with money of a currency and year ({@code "CRC|2023"}), as the projection indexed them. */
    private List<String> convertedBy(String rateKey) {
        Document index = readModels.collection(DashboardProjector.FACTS).find(eq("_id", DashboardProjector.indexId(rateKey))).first();
        return index == null ? List.of() : index.getList("ids", String.class);
    }

    private static final TypeReference<Map<String, Map<String, Long>>> FIGURES_BY_PERIOD = new TypeReference<>() {
    };
}
