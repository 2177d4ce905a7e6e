package org.equalityledger.projections.dashboards;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
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
import org.equalityledger.projections.model.CommitmentFold;
import org.equalityledger.projections.model.CommitmentState;
import org.equalityledger.projections.model.MakerProfile;
import org.equalityledger.projections.query.ReadSideBehind;
import org.equalityledger.projections.reference.Regions;
import org.equalityledger.projections.reference.UsdRates;
import org.equalityledger.projections.store.LedgerEvent;
import org.equalityledger.projections.store.LedgerReader;
import org.equalityledger.projections.store.ReadModelJson;

import com.fasterxml.jackson.core.type.TypeReference;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.MongoDatabase;

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

    /** Snapshot ids asked for in one query, from the latest boundary backwards: a busy scope is found in the first. */
    private static final int FIRST_LOOKUP = 8;

    private final MongoDatabase database;
    private final LedgerReader ledger;
    private final UsdRates rates;
    private final Regions regions;
    private final ImplementationPeriod implementationPeriod;
    private final AtomicLong lastSnapshotSeen = new AtomicLong();
    private final Cache<Instant, Long> positions = Caffeine.newBuilder().maximumSize(10_000).build();
    private final Cache<String, Map<String, Map<String, Long>>> snapshots = Caffeine.newBuilder().maximumSize(5_000).build();
    private final Cache<Tail, Map<String, Map<String, Map<String, Long>>>> tails = Caffeine.newBuilder().maximumSize(64).build();

    public DashboardFiguresAsOf(MongoDatabase database, LedgerReader ledger, UsdRates rates, Regions regions,
                                ImplementationPeriod implementationPeriod) {
        this.database = database;
        this.ledger = ledger;
        this.rates = rates;
        this.regions = regions;
        this.implementationPeriod = implementationPeriod;
    }

    /** The events from {@code boundary} to {@code last}, both inclusive, replayed on the snapshot at {@code boundary}. */
    private record Tail(long boundary, long last) {
    }

    /**
     * The scope's figures as the ledger had recorded things at {@code at}: the latest snapshot before
     * that instant, plus the events recorded after the snapshot and by {@code at} replayed through the
     * same contribution arithmetic.
     */
    public Map<String, Map<String, Long>> figures(String scope, Instant at) {
        Document book = database.getCollection(DashboardProjector.FACTS).find(eq("_id", DashboardProjector.STATE)).first();
        long lastSnapshot = book == null ? 0 : ((Number) book.get("lastSnapshot")).longValue();
        if (lastSnapshot < lastSnapshotSeen.getAndSet(lastSnapshot)) {
            // A rebuild started over: what it builds may differ from what was remembered (a rule changed).
            positions.invalidateAll();
            snapshots.invalidateAll();
            tails.invalidateAll();
        }
        long last = lastPositionAt(at, lastSnapshot);
        Map<String, Map<String, Long>> figures = new TreeMap<>();
        if (last < 0) {
            return figures;
        }
        long boundary = Math.min(Snapshots.boundaryAtOrBefore(last + 1), lastSnapshot);
        snapshot(scope, boundary).forEach((period, f) -> figures.put(period, new TreeMap<>(f)));
        if (last < boundary) {
            return figures;
        }
        if (last - boundary > Snapshots.LONGEST_REPLAY) {
            // The snapshot this needs is not written yet: the projection is still far behind.
            throw new ReadSideBehind(last, lastSnapshot);
        }
        tails.get(new Tail(boundary, last), this::replay).getOrDefault(scope, Map.of()).forEach((period, d) -> {
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
     * The position of the last event recorded by {@code at}. Remembered once the projection has passed
     * the event after it: a later event is recorded, so no event can still join those recorded by then.
     */
    private long lastPositionAt(Instant at, long lastSnapshot) {
        Long known = positions.getIfPresent(at);
        if (known != null) {
            return known;
        }
        long last = ledger.lastPositionAt(at);
        if (last + 1 < lastSnapshot) {
            positions.put(at, last);
        }
        return last;
    }

    /**
     * The scope's figures per period in its latest snapshot at or before {@code boundary} (read it,
     * don't change it): only the scopes that changed are written at a boundary, so the latest
     * boundaries are asked for first, then all the earlier ones.
     */
    private Map<String, Map<String, Long>> snapshot(String scope, long boundary) {
        if (boundary <= 0) {
            return Map.of();
        }
        return snapshots.get(Snapshots.id(boundary, scope), id -> {
            List<Long> boundaries = Snapshots.boundariesUpTo(boundary);
            int split = Math.max(0, boundaries.size() - FIRST_LOOKUP);
            Document latest = latest(scope, boundaries.subList(split, boundaries.size()));
            if (latest == null && split > 0) {
                latest = latest(scope, boundaries.subList(0, split));
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
        for (Document d : database.getCollection(DashboardProjector.SNAPSHOTS).find(in("_id", ids))) {
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
    private Map<String, Map<String, Map<String, Long>>> replay(Tail span) {
        long boundary = span.boundary();
        List<LedgerEvent> tail = ledger.eventsBetween(boundary, span.last());
        Set<String> touched = new LinkedHashSet<>();
        Set<String> pledged = new HashSet<>();
        Set<String> makerIds = new LinkedHashSet<>();
        for (LedgerEvent e : tail) {
            String id = CommitmentFold.commitmentIdOf(e.payload());
            if (id != null && touched.add(id) && e.payload() instanceof CommitmentPledged) {
                // Its first event: the commitment did not exist at the boundary.
                pledged.add(id);
            }
            if (e.payload() instanceof CommitmentPledged p) {
                makerIds.add(p.makerId());
            }
        }
        touched.removeAll(pledged);
        Map<String, CommitmentState> states = new HashMap<>();
        ledger.eventsOf(touched, boundary).forEach((id, events) -> {
            CommitmentState s = null;
            for (LedgerEvent e : events) {
                s = CommitmentFold.apply(s, e.payload(), e.recordedAt());
            }
            if (s != null) {
                states.put(id, s);
                makerIds.add(s.makerId);
            }
        });
        Map<String, MakerProfile> makers = new HashMap<>();
        if (!makerIds.isEmpty()) {
            for (Document d : database.getCollection(DashboardProjector.FACTS).find(in("_id", makerIds.stream().map(m -> "m:" + m).toList()))) {
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
            Contribution.delta(old, now).forEach((key, d) -> {
                int bar = key.indexOf('|');
                Map<String, Long> f = changes.computeIfAbsent(key.substring(0, bar), k -> new HashMap<>())
                        .computeIfAbsent(key.substring(bar + 1), k -> new HashMap<>());
                d.forEach((name, value) -> f.merge(name, value, Long::sum));
            });
        }
        return changes;
    }

    private static final TypeReference<Map<String, Map<String, Long>>> FIGURES_BY_PERIOD = new TypeReference<>() {
    };
}
