package org.equalityledger.projections.commitments;

import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.bson.Document;
import org.equalityledger.api.commitment.CommitmentType;
import org.equalityledger.api.commitment.TargetAction;
import org.equalityledger.projections.model.CommitmentState;
import org.equalityledger.projections.reference.Recorded;
import org.equalityledger.projections.store.DocCache;

import com.mongodb.client.MongoCollection;

/**
 * The flat row of a commitment that lists, exports and reporting cycles scan: written by the projector
 * into {@code rm_commitment_rows}, and computed the same way from the events recorded by an instant for
 * the lists as of that instant, so a list of the past has the very columns of today's.
 */
public final class CommitmentRows {

    private CommitmentRows() {
    }

    /**
     * The rows to scan: those of {@code rm_commitment_rows} now; as of {@code at}, every commitment pledged
     * by then as it stood then. A row the projection has not changed since that instant is today's row; the
     * others are folded from their events recorded by then (the makers' and initiatives' names as recorded
     * now, as a commitment's own view as of an instant names them). Both are kept while read
     * ({@link Recorded#rowSet}): today's rows until the projection moves, a past instant's for good.
     */
    public static List<Document> of(Recorded recorded, Instant at) {
        MongoCollection<Document> rows = recorded.collection(CommitmentProjector.ROWS);
        String table = rows.getNamespace().getFullName();
        if (at == null) {
            // Read before the rows: rows written after it only make the kept set fresher than its key. The
            // count joins the key so that rows taken out or put back behind the projector's back (a repair
            // by hand, a restore) are seen at once, as a rebuild's new collection is by its name.
            long applied = recorded.current(CommitmentProjector.NAME).position();
            return recorded.rowSet(table + "@" + applied + "#" + rows.estimatedDocumentCount(),
                    () -> rows.find().into(new ArrayList<>()));
        }
        long position = recorded.asOf(at).position();
        if (position < 0) {
            return List.of();
        }
        return recorded.rowSet(table + "<=" + position, () -> asOf(recorded, rows, at, position));
    }

    private static List<Document> asOf(Recorded recorded, MongoCollection<Document> rows, Instant at, long position) {
        boolean applied = recorded.current(CommitmentProjector.NAME).position() >= position;
        List<Document> result = new ArrayList<>();
        List<String> changedSince = new ArrayList<>();
        for (Document row : rows.find()) {
            if (Instant.parse(row.getString("pledgedAt")).isAfter(at)) {
                continue;
            }
            Object rowPosition = row.get(DocCache.POSITION);
            if (applied && rowPosition instanceof Number p && p.longValue() <= position) {
                result.add(row);
            } else {
                changedSince.add(row.getString("_id"));
            }
        }
        List<CommitmentState> states = new ArrayList<>();
        Map<String, Long> positions = new HashMap<>();
        recorded.ledger().eventsOf(changedSince, position + 1).forEach((id, events) -> {
            CommitmentQueries.Folded folded = CommitmentQueries.fold(events, at);
            if (folded.state() != null) {
                states.add(folded.state());
                positions.put(id, folded.position());
            }
        });
        Set<String> makerIds = new HashSet<>();
        Set<String> initiativeIds = new HashSet<>();
        states.forEach(s -> {
            makerIds.add(s.makerId);
            initiativeIds.addAll(s.details.targetedInitiatives());
        });
        Map<String, Document> makers = new HashMap<>();
        if (!makerIds.isEmpty()) {
            recorded.collection(CommitmentProjector.MAKERS).find(in("_id", List.copyOf(makerIds)))
                    .forEach(d -> makers.put(d.getString("_id"), d));
        }
        Map<String, Document> initiatives = recorded.initiatives(initiativeIds);
        for (CommitmentState s : states) {
            result.add(row(s, positions.get(s.commitmentId), makers::get, initiatives::get).append("_id", s.commitmentId));
        }
        return result;
    }

    /** The row of a commitment's state, its maker's and initiatives' documents looked up by id (null when not recorded). */
    static Document row(CommitmentState s, long position, Function<String, Document> makers,
                        Function<String, Document> initiatives) {
        Document maker = makers.apply(s.makerId);
        Set<String> targeted = s.details.targetedInitiatives();
        List<String> initiativeNames = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        List<String> actionNames = new ArrayList<>();
        for (String id : targeted) {
            initiativeNames.add(Recorded.initiativeName(initiatives.apply(id), id));
        }
        for (TargetAction t : s.details.targets()) {
            actions.add(t.initiativeId() + ":" + t.actionCode());
            actionNames.add(Recorded.actionName(initiatives.apply(t.initiativeId()), t.actionCode()));
        }
        List<Integer> reported = new ArrayList<>();
        List<Integer> late = new ArrayList<>();
        List<Integer> corrected = new ArrayList<>();
        s.reports.forEach((year, revisions) -> {
            reported.add(year);
            if (revisions.get(revisions.size() - 1).late) {
                late.add(year);
            }
            if (revisions.size() > 1) {
                corrected.add(year);
            }
        });
        Integer latestYear = s.latestReportedYear();
        List<String> pending = new ArrayList<>();
        s.decisions.forEach((id, d) -> {
            if (d.state == CommitmentState.DecisionState.PENDING && s.status.isOpen()) {
                pending.add(id);
            }
        });
        return new Document(DocCache.POSITION, position)
                .append("title", s.details.title())
                .append("makerId", s.makerId)
                .append("makerName", maker == null ? s.makerId : maker.getString("name"))
                .append("stakeholderGroup", maker == null ? null : maker.getString("stakeholderGroup"))
                .append("hemisphere", maker == null ? null : maker.getString("hemisphere"))
                .append("country", maker == null ? null : maker.getString("country"))
                .append("region", maker == null ? null : maker.getString("region"))
                .append("initiatives", new ArrayList<>(targeted))
                .append("initiativeNames", initiativeNames)
                .append("actions", actions)
                .append("actionNames", actionNames)
                .append("status", s.status.name())
                .append("types", new TreeSet<>(s.details.types().stream().map(CommitmentType::name).toList()).stream().toList())
                .append("startYear", s.startYear())
                .append("endYear", s.endYear())
                .append("pledgedAt", s.pledgedAt.toString())
                .append("pledgeYear", s.pledgeYear)
                .append("financialAmount", s.details.financial() == null ? null : s.details.financial().amount().toPlainString())
                .append("financialCurrency", s.details.financial() == null ? null : s.details.financial().currency())
                .append("financialCommitmentExpected", s.financialCommitmentExpected)
                .append("reportedYears", reported)
                .append("lateYears", late)
                .append("correctedYears", corrected)
                .append("latestProgress", latestYear == null ? null : s.reportInForce(latestYear).report.status().name())
                .append("pendingDecisions", pending)
                .append("amendments", s.amendments)
                .append("extensions", s.extensions)
                .append("closedAt", s.closedAt == null ? null : s.closedAt.toString())
                .append("lastChangedAt", s.lastChangedAt.toString());
    }
}
