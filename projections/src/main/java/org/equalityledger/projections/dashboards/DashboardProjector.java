package org.equalityledger.projections.dashboards;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.bson.Document;
import org.equalityledger.api.commitment.CommitmentPledged;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.api.maker.CommitmentMakerRegistered;
import org.equalityledger.api.maker.Hemisphere;
import org.equalityledger.api.maker.StakeholderGroup;
import org.equalityledger.projections.model.CommitmentFold;
import org.equalityledger.projections.model.CommitmentState;
import org.equalityledger.projections.model.MakerProfile;
import org.equalityledger.projections.reference.Regions;
import org.equalityledger.projections.reference.UsdRates;
import org.equalityledger.projections.store.DocCache;
import org.equalityledger.projections.store.ReadModelJson;
import org.equalityledger.projections.store.LedgerEvent;
import org.equalityledger.projections.store.Projector;
import org.equalityledger.projections.store.ReadModels;


/**
 * The "dashboards" projection. Precomputed figures, one document per scope and period, read by
 * {@code _id} only:
 * <ul>
 *   <li>{@code rm_dashboards}: {@code _id} = {@code "<scope>|<period>"}, e.g. {@code "initiative:gac|2023"},
 *       {@code "global|all"}; {@code f} = figure name to whole number (counts, US cents);</li>
 *   <li>{@code rm_dashboard_snapshots}: {@code _id} = {@code "<boundary>|<scope>"}, {@code periods} = the
 *       scope's figures per period as they stood before position {@code boundary}, as JSON text (see {@link Snapshots});</li>
 *   <li>{@code rm_dash_facts}: what the figures are computed from: {@code "c:<commitment>"} the folded
 *       commitment (as JSON text) and its maker, {@code "m:<maker>"} the maker's facts, {@code "state"} the snapshot bookkeeping.</li>
 * </ul>
 * Each event changes a dashboard by the difference of the commitment's contribution before and
 * after it. Writes go dashboards, snapshots, bookkeeping, facts, in that order: a fact whose
 * position says an event was applied always has that event's figures written before it.
 */
public final class DashboardProjector implements Projector {

    public static final String NAME = "dashboards";
    public static final String DASHBOARDS = "rm_dashboards";
    public static final String SNAPSHOTS = "rm_dashboard_snapshots";
    public static final String FACTS = "rm_dash_facts";
    static final String STATE = "state";

    public static final List<String> COLLECTIONS = List.of(DASHBOARDS, SNAPSHOTS, FACTS);

    private final ReadModels readModels;
    private final UsdRates rates;
    private final Regions regions;
    private final ImplementationPeriod implementationPeriod;
    private Batch batch;

    /** Writes into the collections {@code readModels} names: the ones readers read, or a rebuild's. */
    public DashboardProjector(ReadModels readModels, UsdRates rates, Regions regions,
                              ImplementationPeriod implementationPeriod) {
        this.readModels = readModels;
        this.rates = rates;
        this.regions = regions;
        this.implementationPeriod = implementationPeriod;
    }

    private final class Batch {
        final DocCache dashboards = new DocCache(readModels.collection(DASHBOARDS));
        final DocCache snapshots = new DocCache(readModels.collection(SNAPSHOTS));
        final DocCache facts = new DocCache(readModels.collection(FACTS));
        final Map<String, CommitmentState> states = new TreeMap<>();
        final Set<String> changedStates = new LinkedHashSet<>();
        /** Each commitment's contribution after its last event in this batch: the next event's "before". */
        final Map<String, Map<String, Map<String, Long>>> contributions = new java.util.HashMap<>();
        /** The bookkeeping's dirty scopes as a set, to look up (the list keeps their order). */
        final Set<String> dirtyScopes = new java.util.HashSet<>();
        Document bookkeeping;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> collections() {
        return COLLECTIONS;
    }

    @Override
    public void begin(List<LedgerEvent> events) {
        batch = new Batch();
        extend(events);
    }

    @Override
    public void extend(List<LedgerEvent> events) {
        if (batch == null) {
            batch = new Batch();
        }
        Set<String> factIds = new LinkedHashSet<>();
        factIds.add(STATE);
        for (LedgerEvent e : events) {
            String id = CommitmentFold.commitmentIdOf(e.payload());
            if (id != null) {
                factIds.add("c:" + id);
            }
            if (e.payload() instanceof CommitmentPledged p) {
                factIds.add("m:" + p.makerId());
            } else if (e.payload() instanceof CommitmentMakerRegistered r) {
                factIds.add("m:" + r.makerId());
            }
        }
        batch.facts.preload(factIds);
        Set<String> makers = new LinkedHashSet<>();
        // A commitment this batch already folded has its maker and dashboards at hand (and its fact
        // document holds no state until the batch is written).
        factIds.removeIf(id -> id.startsWith("c:") && batch.states.containsKey(id.substring(2)));
        for (String id : factIds) {
            Document doc = batch.facts.get(id);
            if (doc != null && id.startsWith("c:")) {
                makers.add("m:" + doc.getString("makerId"));
            }
        }
        batch.facts.preload(makers);
        // The dashboards these commitments count in now, and those the pledges among the events will
        // count in (a rebuild meets most commitments first as pledges); scopes an amendment adds are
        // read one by one.
        Set<String> scopes = new TreeSet<>();
        for (String id : factIds) {
            if (id.startsWith("c:") && batch.facts.get(id) != null) {
                CommitmentState s = state(id.substring(2));
                scopes.addAll(Contribution.scopes(s, maker(s.makerId), regions));
            }
        }
        for (LedgerEvent e : events) {
            if (e.payload() instanceof CommitmentPledged p && !batch.states.containsKey(p.commitmentId())) {
                CommitmentState pledged = CommitmentFold.apply(null, p, e.recordedAt());
                if (pledged != null) {
                    scopes.addAll(Contribution.scopes(pledged, maker(p.makerId()), regions));
                }
            }
        }
        Set<String> keys = new TreeSet<>();
        for (String scope : scopes) {
            Contribution.periods(implementationPeriod).forEach(period -> keys.add(Contribution.key(scope, period)));
        }
        keys.add(Contribution.key("global", Contribution.ALL));
        batch.dashboards.preload(keys);
        if (batch.bookkeeping != null) {
            return;
        }
        Document state = batch.facts.get(STATE);
        batch.bookkeeping = state == null
                ? new Document(DocCache.POSITION, -1L).append("nextBoundary", Snapshots.nextBoundary(-1))
                        .append("lastSnapshot", 0L).append("dirtyScopes", new ArrayList<String>())
                : state;
    }

    private CommitmentState state(String commitmentId) {
        CommitmentState s = batch.states.get(commitmentId);
        if (s == null) {
            Document doc = batch.facts.get("c:" + commitmentId);
            if (doc != null) {
                s = ReadModelJson.fromStored(doc.get("state"), CommitmentState.class);
                batch.states.put(commitmentId, s);
            }
        }
        return s;
    }

    private MakerProfile maker(String makerId) {
        return makerOf(batch.facts.get("m:" + makerId));
    }

    static MakerProfile makerOf(Document doc) {
        if (doc == null) {
            return null;
        }
        return new MakerProfile(doc.getString("_id").substring(2), doc.getString("name"),
                StakeholderGroup.valueOf(doc.getString("stakeholderGroup")), Hemisphere.valueOf(doc.getString("hemisphere")),
                doc.getString("country"));
    }

    @Override
    public void apply(LedgerEvent event) {
        if (batch == null) {
            begin(List.of(event));
        }
        long p = event.position();
        Document book = batch.bookkeeping;
        if (DocCache.position(book) < p) {
            snapshotBoundariesBefore(p);
            book.put(DocCache.POSITION, p);
        }
        Object payload = event.payload();
        if (payload instanceof CommitmentMakerRegistered e) {
            String id = "m:" + e.makerId();
            if (DocCache.position(batch.facts.get(id)) < p) {
                batch.facts.put(id, new Document(DocCache.POSITION, p).append("name", e.name())
                        .append("stakeholderGroup", e.stakeholderGroup().name()).append("hemisphere", e.hemisphere().name())
                        .append("country", e.country()));
                // The contributions remembered were computed with the maker's former facts.
                batch.contributions.clear();
            }
            return;
        }
        String commitmentId = CommitmentFold.commitmentIdOf(payload);
        if (commitmentId == null) {
            return;
        }
        String factId = "c:" + commitmentId;
        Document fact = batch.facts.get(factId);
        if (DocCache.position(fact) >= p) {
            return;
        }
        CommitmentState before = state(commitmentId);
        Map<String, Map<String, Long>> old = before == null ? Map.of() : batch.contributions.get(commitmentId);
        if (old == null) {
            old = Contribution.of(before, maker(before.makerId), rates, regions, implementationPeriod);
        }
        CommitmentState after = CommitmentFold.apply(before, payload, event.recordedAt());
        if (after == null) {
            return;
        }
        Map<String, Map<String, Long>> now = Contribution.of(after, maker(after.makerId), rates, regions, implementationPeriod);
        batch.states.put(commitmentId, after);
        batch.contributions.put(commitmentId, now);
        batch.changedStates.add(commitmentId);
        batch.facts.put(factId, new Document(DocCache.POSITION, p));
        applyDelta(Contribution.delta(old, now), p);
    }

    private void applyDelta(Map<String, Map<String, Long>> delta, long p) {
        @SuppressWarnings("unchecked")
        List<String> dirty = (List<String>) batch.bookkeeping.get("dirtyScopes");
        if (batch.dirtyScopes.size() != dirty.size()) {
            batch.dirtyScopes.clear();
            batch.dirtyScopes.addAll(dirty);
        }
        for (Map.Entry<String, Map<String, Long>> d : delta.entrySet()) {
            Document doc = batch.dashboards.get(d.getKey());
            if (DocCache.position(doc) >= p) {
                continue;
            }
            String scope = d.getKey().substring(0, d.getKey().indexOf('|'));
            if (doc == null) {
                doc = new Document("scope", scope).append("period", d.getKey().substring(scope.length() + 1))
                        .append("f", new Document());
            }
            Document f = doc.get("f", Document.class);
            d.getValue().forEach((name, value) -> {
                Object was = f.get(name);
                long v = (was == null ? 0L : ((Number) was).longValue()) + value;
                if (v == 0) {
                    f.remove(name);
                } else {
                    f.put(name, v);
                }
            });
            doc.put(DocCache.POSITION, p);
            batch.dashboards.put(d.getKey(), doc);
            if (batch.dirtyScopes.add(scope)) {
                dirty.add(scope);
            }
        }
    }

    /** Before applying the event at {@code p}, writes the snapshots of every boundary it passed. */
    private void snapshotBoundariesBefore(long p) {
        Document book = batch.bookkeeping;
        long next = ((Number) book.get("nextBoundary")).longValue();
        while (p >= next) {
            @SuppressWarnings("unchecked")
            List<String> dirty = (List<String>) book.get("dirtyScopes");
            for (String scope : dirty) {
                // As JSON text: a snapshot is only ever read whole, and thousands of nested documents
                // made most of the time a rebuild spent writing.
                Map<String, Object> periods = new TreeMap<>();
                for (String period : Contribution.periods(implementationPeriod)) {
                    Document doc = batch.dashboards.get(Contribution.key(scope, period));
                    if (doc != null) {
                        periods.put(period, doc.get("f", Document.class));
                    }
                }
                batch.snapshots.put(Snapshots.id(next, scope), new Document("boundary", next).append("scope", scope)
                        .append("periods", ReadModelJson.toJson(periods)));
            }
            book.put("lastSnapshot", next);
            book.put("dirtyScopes", new ArrayList<String>());
            batch.dirtyScopes.clear();
            next = Snapshots.nextBoundary(next);
            book.put("nextBoundary", next);
        }
    }

    @Override
    public int held() {
        return batch == null ? 0 : batch.states.size();
    }

    @Override
    public void flush() {
        if (batch == null) {
            return;
        }
        Map<String, String> stateTexts = ReadModelJson.toJson(batch.changedStates, batch.states);
        for (String id : batch.changedStates) {
            long position = DocCache.position(batch.facts.get("c:" + id));
            // makerId beside the text: a later batch preloads the maker without parsing the state.
            batch.facts.put("c:" + id, new Document(DocCache.POSITION, position).append("makerId", batch.states.get(id).makerId)
                    .append("state", stateTexts.get(id)));
        }
        batch.dashboards.flush();
        batch.snapshots.checkWhichAreNew();
        batch.snapshots.flush();
        readModels.collection(FACTS).replaceOne(com.mongodb.client.model.Filters.eq("_id", STATE),
                batch.bookkeeping.append("_id", STATE), new com.mongodb.client.model.ReplaceOptions().upsert(true));
        batch.facts.flush();
        batch = null;
    }
}
