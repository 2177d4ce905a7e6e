package org.equalityledger.projections.dashboards;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bson.Document;
import org.equalityledger.api.commitment.CommitmentPledged;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.api.maker.CommitmentMakerRegistered;
import org.equalityledger.projections.model.CommitmentFold;
import org.equalityledger.projections.model.CommitmentState;
import org.equalityledger.projections.model.MakerProfile;
import org.equalityledger.projections.reference.Regions;
import org.equalityledger.projections.reference.UsdRates;
import org.equalityledger.projections.store.LedgerEvent;
import org.equalityledger.projections.store.LedgerReader;
import org.equalityledger.projections.store.ReadModelJson;
import org.equalityledger.projections.store.ReadModels;

import com.fasterxml.jackson.core.type.TypeReference;

/** A dashboard's figures as the ledger had recorded things at an instant: time travel for the dashboards. */
public final class DashboardFiguresAsOf {

    private final ReadModels readModels;
    private final LedgerReader ledger;
    private final UsdRates rates;
    private final Regions regions;
    private final ImplementationPeriod implementationPeriod;

    public DashboardFiguresAsOf(ReadModels readModels, LedgerReader ledger, UsdRates rates, Regions regions,
                                ImplementationPeriod implementationPeriod) {
        this.readModels = readModels;
        this.ledger = ledger;
        this.rates = rates;
        this.regions = regions;
        this.implementationPeriod = implementationPeriod;
    }

    /**
     * The scope's figures as the ledger had recorded things at {@code at}: the latest snapshot before
     * that instant, plus the events recorded after the snapshot and by {@code at} replayed through the
     * same contribution arithmetic.
     */
    public Map<String, Map<String, Long>> figures(String scope, Instant at) {
        long last = ledger.lastPositionAt(at);
        Map<String, Map<String, Long>> figures = new TreeMap<>();
        if (last < 0) {
            return figures;
        }
        Document book = readModels.collection(DashboardProjector.FACTS).find(eq("_id", "state")).first();
        long lastSnapshot = book == null ? 0 : ((Number) book.get("lastSnapshot")).longValue();
        long boundary = Math.min(Snapshots.boundaryAtOrBefore(last + 1), lastSnapshot);
        if (boundary > 0) {
            List<String> ids = Snapshots.boundariesUpTo(boundary).stream().map(b -> Snapshots.id(b, scope)).toList();
            Document latest = null;
            for (Document d : readModels.collection(DashboardProjector.SNAPSHOTS).find(in("_id", ids))) {
                if (latest == null || ((Number) d.get("boundary")).longValue() > ((Number) latest.get("boundary")).longValue()) {
                    latest = d;
                }
            }
            if (latest != null) {
                figures.putAll(ReadModelJson.fromStored(latest.get("periods"), FIGURES_BY_PERIOD));
            }
        }
        if (last < boundary) {
            return figures;
        }
        if (last - boundary > Snapshots.LONGEST_REPLAY) {
            // The snapshot this needs is not written yet: the projection is still far behind.
            throw new org.equalityledger.projections.query.ReadSideBehind(last, lastSnapshot);
        }
        List<LedgerEvent> tail = ledger.eventsBetween(boundary, last);
        Set<String> touched = new LinkedHashSet<>();
        Map<String, MakerProfile> makers = new HashMap<>();
        for (LedgerEvent e : tail) {
            String id = CommitmentFold.commitmentIdOf(e.payload());
            if (id != null) {
                touched.add(id);
            }
        }
        Map<String, CommitmentState> states = new HashMap<>();
        Set<String> makerIds = new LinkedHashSet<>();
        ledger.eventsOf(touched).forEach((id, events) -> {
            CommitmentState s = null;
            for (LedgerEvent e : events) {
                if (e.position() >= boundary) {
                    break;
                }
                s = CommitmentFold.apply(s, e.payload(), e.recordedAt());
            }
            if (s != null) {
                states.put(id, s);
                makerIds.add(s.makerId);
            }
        });
        for (LedgerEvent e : tail) {
            if (e.payload() instanceof CommitmentPledged p) {
                makerIds.add(p.makerId());
            }
        }
        if (!makerIds.isEmpty()) {
            for (Document d : readModels.collection(DashboardProjector.FACTS).find(in("_id", makerIds.stream().map(m -> "m:" + m).toList()))) {
                MakerProfile facts = makerProfile(d);
                makers.put(facts.makerId(), facts);
            }
        }
        String prefix = scope + "|";
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
                if (key.startsWith(prefix)) {
                    Map<String, Long> f = figures.computeIfAbsent(key.substring(prefix.length()), k -> new TreeMap<>());
                    d.forEach((name, value) -> {
                        long v = f.getOrDefault(name, 0L) + value;
                        if (v == 0) {
                            f.remove(name);
                        } else {
                            f.put(name, v);
                        }
                    });
                }
            });
        }
        return figures;
    }

    private static MakerProfile makerProfile(Document d) {
        return new MakerProfile(d.getString("_id").substring(2), d.getString("name"),
                org.equalityledger.api.maker.StakeholderGroup.valueOf(d.getString("stakeholderGroup")),
                org.equalityledger.api.maker.Hemisphere.valueOf(d.getString("hemisphere")), d.getString("country"));
    }

    private static final TypeReference<TreeMap<String, TreeMap<String, Long>>> FIGURES_BY_PERIOD = new TypeReference<>() {
    };
}
