package org.equalityledger.projections.commitments;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bson.Document;
import org.equalityledger.api.commitment.CommitmentPledged;
import org.equalityledger.api.common.LocalizedName;
import org.equalityledger.api.initiative.ActionDefined;
import org.equalityledger.api.initiative.GovernanceRoleAssigned;
import org.equalityledger.api.initiative.InitiativeLaunched;
import org.equalityledger.api.initiative.PresidencyExtended;
import org.equalityledger.api.maker.CommitmentMakerRegistered;
import org.equalityledger.api.reporting.ReportingCycleClosed;
import org.equalityledger.api.reporting.ReportingCycleOpened;
import org.equalityledger.projections.model.CommitmentFold;
import org.equalityledger.projections.model.CommitmentState;
import org.equalityledger.projections.reference.Recorded;
import org.equalityledger.projections.reference.Regions;
import org.equalityledger.projections.store.DocCache;
import org.equalityledger.projections.store.ReadModelJson;
import org.equalityledger.projections.store.LedgerEvent;
import org.equalityledger.projections.store.Projector;
import org.equalityledger.projections.store.ReadModels;


/**
 * The "commitments" projection: commitment views, list rows, maker profiles, initiative and action
 * names, reporting cycles and the validation queue. Every document is keyed by {@code _id}:
 * <ul>
 *   <li>{@code rm_commitments}: {@code _id} = commitment id, {@code makerId}, {@code state} = the folded
 *       {@link CommitmentState} as JSON text ({@link ReadModelJson#toJson});</li>
 *   <li>{@code rm_commitment_rows}: {@code _id} = commitment id, a flat row with names, for lists and CSV;</li>
 *   <li>{@code rm_makers}: {@code _id} = maker id, its facts and {@code commitmentIds};</li>
 *   <li>{@code rm_initiatives}: {@code _id} = initiative id, names, actions, governance roles;</li>
 *   <li>{@code rm_cycles}: {@code _id} = the year, e.g. {@code "2023"}, deadline, opened, closed;</li>
 *   <li>{@code rm_validation_queue}: {@code _id} = initiative id, {@code pending} = commitment id to its due date.</li>
 * </ul>
 * Documents derived from a commitment's state are written before the state itself, so a state whose
 * position says an event was applied always has its derived documents written too.
 */
public final class CommitmentProjector implements Projector {

    public static final String NAME = "commitments";
    public static final String COMMITMENTS = "rm_commitments";
    public static final String ROWS = "rm_commitment_rows";
    public static final String MAKERS = "rm_makers";
    public static final String INITIATIVES = "rm_initiatives";
    public static final String CYCLES = "rm_cycles";
    public static final String QUEUE = "rm_validation_queue";

    public static final List<String> COLLECTIONS = List.of(COMMITMENTS, ROWS, MAKERS, INITIATIVES, CYCLES, QUEUE);

    private final ReadModels readModels;
    private Batch batch;

    /** Writes into the collections {@code readModels} names: the ones readers read, or a rebuild's. */
    public CommitmentProjector(ReadModels readModels) {
        this.readModels = readModels;
    }

    private final class Batch {
        final DocCache commitments = new DocCache(readModels.collection(COMMITMENTS));
        final DocCache rows = new DocCache(readModels.collection(ROWS));
        final DocCache makers = new DocCache(readModels.collection(MAKERS));
        final DocCache initiatives = new DocCache(readModels.collection(INITIATIVES));
        final DocCache cycles = new DocCache(readModels.collection(CYCLES));
        final DocCache queue = new DocCache(readModels.collection(QUEUE));
        final Map<String, CommitmentState> states = new TreeMap<>();
        final Set<String> changed = new LinkedHashSet<>();
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
        Set<String> commitmentIds = new LinkedHashSet<>();
        Set<String> makerIds = new LinkedHashSet<>();
        for (LedgerEvent e : events) {
            String id = CommitmentFold.commitmentIdOf(e.payload());
            if (id != null) {
                commitmentIds.add(id);
            }
            if (e.payload() instanceof CommitmentPledged p) {
                makerIds.add(p.makerId());
            } else if (e.payload() instanceof CommitmentMakerRegistered r) {
                makerIds.add(r.makerId());
            }
        }
        batch.commitments.preload(commitmentIds);
        batch.rows.preload(commitmentIds);
        for (String id : commitmentIds) {
            Document doc = batch.commitments.get(id);
            // A commitment this batch already folded: its maker is read, its document holds no state yet.
            if (doc != null && !batch.states.containsKey(id)) {
                makerIds.add(doc.getString("makerId"));
            }
        }
        batch.makers.preload(makerIds);
    }

    @Override
    public void apply(LedgerEvent event) {
        if (batch == null) {
            begin(List.of(event));
        }
        Object payload = event.payload();
        long p = event.position();
        String commitmentId = CommitmentFold.commitmentIdOf(payload);
        if (commitmentId != null) {
            Document doc = batch.commitments.get(commitmentId);
            if (DocCache.position(doc) >= p) {
                return;
            }
            CommitmentState before = batch.states.containsKey(commitmentId) ? batch.states.get(commitmentId)
                    : doc == null ? null : ReadModelJson.fromStored(doc.get("state"), CommitmentState.class);
            CommitmentState after = CommitmentFold.apply(before, payload, event.recordedAt());
            if (after == null) {
                return;
            }
            batch.states.put(commitmentId, after);
            batch.commitments.put(commitmentId, new Document(DocCache.POSITION, p));
            batch.changed.add(commitmentId);
            if (payload instanceof CommitmentPledged pledged) {
                Document maker = batch.makers.get(pledged.makerId());
                if (maker != null) {
                    List<String> ids = new ArrayList<>(maker.getList("commitmentIds", String.class, List.of()));
                    if (!ids.contains(commitmentId)) {
                        ids.add(commitmentId);
                    }
                    maker.put("commitmentIds", ids);
                    batch.makers.put(pledged.makerId(), maker);
                }
            }
        } else if (payload instanceof CommitmentMakerRegistered e) {
            Document maker = batch.makers.get(e.makerId());
            if (DocCache.position(maker) >= p) {
                return;
            }
            Document doc = maker == null ? new Document() : maker;
            doc.append(DocCache.POSITION, p).append("name", e.name()).append("stakeholderGroup", e.stakeholderGroup().name())
                    .append("hemisphere", e.hemisphere().name()).append("country", e.country())
                    .append("region", Regions.shipped().regionOf(e.country()))
                    .append("registeredAt", event.recordedAt().toString());
            if (!doc.containsKey("commitmentIds")) {
                doc.append("commitmentIds", new ArrayList<String>());
            }
            batch.makers.put(e.makerId(), doc);
        } else if (payload instanceof InitiativeLaunched e) {
            Document doc = batch.initiatives.get(e.initiativeId());
            if (DocCache.position(doc) >= p) {
                return;
            }
            doc = doc == null ? new Document("actions", new ArrayList<Document>()).append("roles", new ArrayList<Document>()) : doc;
            doc.append(DocCache.POSITION, p).append("kind", e.kind().name()).append("code", e.code())
                    .append("names", names(e.names())).append("periodStartYear", e.periodStartYear())
                    .append("periodEndYear", e.periodEndYear()).append("parentInitiativeId", e.parentInitiativeId());
            batch.initiatives.put(e.initiativeId(), doc);
        } else if (payload instanceof ActionDefined e) {
            Document doc = batch.initiatives.get(e.initiativeId());
            if (doc == null || DocCache.position(doc) >= p) {
                return;
            }
            List<Document> actions = new ArrayList<>(doc.getList("actions", Document.class, List.of()));
            actions.removeIf(a -> e.actionCode().equals(a.getString("code")));
            actions.add(new Document("code", e.actionCode()).append("names", names(e.names()))
                    .append("targets", e.targets().stream().map(t -> t.description()).toList()));
            doc.append(DocCache.POSITION, p).append("actions", actions);
            batch.initiatives.put(e.initiativeId(), doc);
        } else if (payload instanceof GovernanceRoleAssigned e) {
            Document doc = batch.initiatives.get(e.initiativeId());
            if (doc == null || DocCache.position(doc) >= p) {
                return;
            }
            List<Document> roles = new ArrayList<>(doc.getList("roles", Document.class, List.of()));
            roles.add(new Document("role", e.role().name()).append("makerId", e.holder().makerId())
                    .append("organisationName", e.holder().organisationName())
                    .append("start", e.term().start().toString())
                    .append("end", e.term().end() == null ? null : e.term().end().toString()));
            doc.append(DocCache.POSITION, p).append("roles", roles);
            batch.initiatives.put(e.initiativeId(), doc);
        } else if (payload instanceof PresidencyExtended e) {
            Document doc = batch.initiatives.get(e.initiativeId());
            if (doc == null || DocCache.position(doc) >= p) {
                return;
            }
            List<Document> roles = new ArrayList<>(doc.getList("roles", Document.class, List.of()));
            for (Document role : roles) {
                if ("PRESIDENCY".equals(role.getString("role")) && e.termStart().toString().equals(role.getString("start"))) {
                    role.put("end", e.newEnd().toString());
                    role.put("extended", true);
                }
            }
            doc.append(DocCache.POSITION, p).append("roles", roles);
            batch.initiatives.put(e.initiativeId(), doc);
        } else if (payload instanceof ReportingCycleOpened e) {
            String id = String.valueOf(e.year());
            Document doc = batch.cycles.get(id);
            if (DocCache.position(doc) >= p) {
                return;
            }
            batch.cycles.put(id, new Document(DocCache.POSITION, p).append("year", e.year())
                    .append("deadline", e.deadline().toString()).append("openedAt", event.recordedAt().toString())
                    .append("closed", false));
        } else if (payload instanceof ReportingCycleClosed e) {
            String id = String.valueOf(e.year());
            Document doc = batch.cycles.get(id);
            if (doc == null || DocCache.position(doc) >= p) {
                return;
            }
            doc.append(DocCache.POSITION, p).append("closed", true).append("closedAt", event.recordedAt().toString());
            batch.cycles.put(id, doc);
        }
    }

    private static Document names(LocalizedName names) {
        return new Document(names.given());
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
        Map<String, String> stateTexts = ReadModelJson.toJson(batch.changed, batch.states);
        for (String id : batch.changed) {
            CommitmentState state = batch.states.get(id);
            long position = DocCache.position(batch.commitments.get(id));
            batch.rows.put(id, CommitmentRows.row(state, position, batch.makers::get, batch.initiatives::get));
            updateQueue(state, position);
            // makerId beside the text: a later batch preloads the maker without parsing the state.
            batch.commitments.put(id, new Document(DocCache.POSITION, position).append("makerId", state.makerId)
                    .append("state", stateTexts.get(id)));
        }
        // Reference documents first, then what is derived from commitments, then the commitments.
        batch.initiatives.flush();
        batch.cycles.flush();
        batch.makers.flush();
        batch.queue.flush();
        batch.rows.flush();
        batch.commitments.flush();
        batch = null;
    }

    private void updateQueue(CommitmentState state, long position) {
        for (Map.Entry<String, CommitmentState.Decision> d : state.decisions.entrySet()) {
            // Changed in place: the batch holds the document, and an initiative's queue holds every
            // commitment waiting for it (copying it for each commitment made a rebuild at 100× quadratic).
            Document queue = batch.queue.get(d.getKey());
            if (queue == null) {
                queue = new Document("pending", new Document());
            }
            Document pending = queue.get("pending", Document.class);
            boolean waiting = d.getValue().state == CommitmentState.DecisionState.PENDING && state.status.isOpen()
                    && state.details.targetedInitiatives().contains(d.getKey());
            boolean listed = pending.containsKey(state.commitmentId);
            if (waiting) {
                Document maker = batch.makers.get(state.makerId);
                pending.put(state.commitmentId, new Document("dueBy", d.getValue().dueBy.toString())
                        .append("pledgedAt", state.pledgedAt.toString()).append("title", state.details.title())
                        .append("makerName", maker == null ? state.makerId : maker.getString("name")));
            } else if (listed) {
                pending.remove(state.commitmentId);
            }
            // Derived from the commitments' states alone (set semantics): no position needed, and
            // written for every initiative ever targeted, so that batching cannot change which exist.
            batch.queue.put(d.getKey(), queue);
        }
    }
}
