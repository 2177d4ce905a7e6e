package org.equalityledger.projections.commitments;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.equalityledger.api.commitment.CommitmentDetails;
import org.equalityledger.api.commitment.DecisionDeadlinePolicy;
import org.equalityledger.api.commitment.TargetAction;
import org.equalityledger.api.query.LedgerPoint;
import org.equalityledger.api.query.commitments.CommitmentById;
import org.equalityledger.api.query.commitments.CommitmentFilter;
import org.equalityledger.api.query.commitments.CommitmentList;
import org.equalityledger.api.query.commitments.CommitmentMoneyMovements;
import org.equalityledger.api.query.commitments.MoneyMovementsOf;
import org.equalityledger.api.query.commitments.CommitmentPage;
import org.equalityledger.api.query.commitments.CommitmentRow;
import org.equalityledger.api.query.commitments.CommitmentView;
import org.equalityledger.api.query.rates.MoneyMovement;
import org.equalityledger.api.reporting.ReportingStatus;
import org.equalityledger.api.reporting.ReportingStatusPolicy;
import org.equalityledger.projections.dashboards.DashboardProjector;
import org.equalityledger.projections.makers.MakerQueries;
import org.equalityledger.projections.model.CommitmentFold;
import org.equalityledger.projections.model.CommitmentState;
import org.equalityledger.projections.model.MoneyMovements;
import org.equalityledger.projections.rates.RateQueries;
import org.equalityledger.projections.rates.RecordedRates;
import org.equalityledger.projections.reference.Recorded;
import org.equalityledger.projections.store.DocCache;
import org.equalityledger.projections.store.LedgerEvent;
import org.equalityledger.projections.store.ReadModelJson;

/**
 * The commitments room's answers: one commitment (now from {@code rm_commitments} by {@code _id}, or as
 * of an instant from its events recorded by then) and pages of list rows (a scan of
 * {@code rm_commitment_rows}: about a kilobyte per commitment).
 */
public class CommitmentQueries {

    private final Recorded recorded;

    public CommitmentQueries(Recorded recorded) {
        this.recorded = recorded;
    }

    /** The commitment view; empty when the ledger holds no such commitment (at that instant). */
    @QueryHandler
    public Optional<CommitmentView> handle(CommitmentById q) {
        return q.asOf() == null ? current(q.commitmentId()) : asOf(q.commitmentId(), q.asOf());
    }

    private Optional<CommitmentView> current(String id) {
        LedgerPoint point = recorded.current(CommitmentProjector.NAME);
        Document doc = recorded.collection(CommitmentProjector.COMMITMENTS).find(eq("_id", id)).first();
        if (doc == null || doc.get("state") == null) {
            return Optional.empty();
        }
        CommitmentState state = ReadModelJson.fromStored(doc.get("state"), CommitmentState.class);
        Instant now = recorded.now();
        return Optional.of(view(state, recorded.cycles(now), now, null, DocCache.position(doc), point,
                RateQueries.rates(recorded, null)));
    }

    /** The commitment as the ledger had recorded it at {@code at}: its events recorded by then, folded. */
    private Optional<CommitmentView> asOf(String id, Instant at) {
        Folded folded = fold(recorded.ledger().eventsOf(id), at);
        CommitmentState state = folded.state();
        if (state == null) {
            return Optional.empty();
        }
        // The ledger searched by instant once: the rates applied then are those recorded up to the same point.
        LedgerPoint point = recorded.asOf(at);
        return Optional.of(view(state, recorded.cycles(at), at, at, folded.position(), point,
                RateQueries.rates(recorded, null).upTo(point.position())));
    }

    private CommitmentView view(CommitmentState s, Map<Integer, ReportingStatusPolicy.Cycle> cycles, Instant at, Instant asOf,
                                long position, LedgerPoint point, RecordedRates rates) {
        CommitmentDetails d = s.details;
        TreeSet<String> named = new TreeSet<>(s.decisions.keySet());
        named.addAll(d.targetedInitiatives());
        Map<String, Document> initiatives = recorded.initiatives(named);
        List<CommitmentView.Target> targets = new ArrayList<>();
        for (TargetAction t : d.targets()) {
            Document initiative = initiatives.get(t.initiativeId());
            targets.add(new CommitmentView.Target(t.initiativeId(), Recorded.initiativeName(initiative, t.initiativeId()),
                    t.actionCode(), Recorded.actionName(initiative, t.actionCode())));
        }
        List<CommitmentView.Decision> decisions = new ArrayList<>();
        s.decisions.forEach((initiativeId, decision) -> decisions.add(new CommitmentView.Decision(initiativeId,
                Recorded.initiativeName(initiatives.get(initiativeId), initiativeId), decision.state.name(), decision.dueBy,
                decision.decidedAt, decision.state == CommitmentState.DecisionState.PENDING
                        ? decision.dueBy != null && DecisionDeadlinePolicy.overdue(decision.dueBy, at) : decision.overdue,
                decision.reason, decision.by, d.targetedInitiatives().contains(initiativeId))));
        List<CommitmentView.YearReports> reports = new ArrayList<>();
        List<Integer> lateYears = new ArrayList<>();
        s.reports.forEach((year, revisions) -> {
            CommitmentState.ReportRevision inForce = revisions.get(revisions.size() - 1);
            reports.add(new CommitmentView.YearReports(year, revision(inForce),
                    revisions.subList(0, revisions.size() - 1).stream().map(CommitmentQueries::revision).toList()));
            if (inForce.late) {
                lateYears.add(year);
            }
        });
        ReportingStatus reporting = s.reportingStatus(cycles, at);
        List<Integer> due = s.dueYears(cycles, at);
        Integer latest = s.latestReportedYear();
        Document maker = recorded.collection(CommitmentProjector.MAKERS).find(eq("_id", s.makerId)).first();
        return new CommitmentView(s.commitmentId, asOf, position, d.title(), d.description(),
                MakerQueries.summary(s.makerId, maker), s.status, new TreeSet<>(d.types()), d.financial(), targets,
                new TreeSet<>(d.coMakerIds()), d.indicators(), new TreeSet<>(d.countries()), d.start(), d.end(), d.origin(),
                s.pledgedAt, decisions, reports, new CommitmentView.Flags(s.financialCommitmentExpected, lateYears),
                new CommitmentView.ReportingStatusView(reporting, reporting.inactive(), due,
                        due.stream().filter(y -> s.reportInForce(y) == null).toList()),
                new CommitmentView.DeclaredProgress(latest == null ? null : s.reportInForce(latest).report.status(), latest),
                s.amendments, s.extensions, s.closedAt, s.closingReason, s.lastChangedAt, MoneyMovements.of(s, rates),
                point.position(), point.recordedAt());
    }

    private static CommitmentView.ReportRevision revision(CommitmentState.ReportRevision r) {
        return new CommitmentView.ReportRevision(r.revision, r.report.status(), r.report.moneyDisbursed(),
                r.report.indicatorValues(), r.report.peopleReached(), r.report.countries(), r.report.narrative(),
                r.report.evidenceLinks(), r.recordedAt, r.deadline, r.late, r.reason, r.by, r.supersededBy);
    }

    /** The money movements of each commitment asked for, at the rates recorded now (or as of an instant, by then). */
    @QueryHandler
    public CommitmentMoneyMovements handle(MoneyMovementsOf q) {
        Map<String, List<MoneyMovement>> movements = new HashMap<>();
        if (q.asOf() != null) {
            RecordedRates rates = RateQueries.rates(recorded, q.asOf());
            recorded.ledger().eventsOf(q.commitmentIds()).forEach((id, events) -> {
                CommitmentState state = fold(events, q.asOf()).state();
                if (state != null) {
                    movements.put(id, MoneyMovements.of(state, rates));
                }
            });
            LedgerPoint point = recorded.asOf(q.asOf());
            return new CommitmentMoneyMovements(movements, point.position(), point.recordedAt());
        }
        LedgerPoint point = recorded.current(CommitmentProjector.NAME, DashboardProjector.NAME);
        RecordedRates rates = RateQueries.rates(recorded, null);
        for (Document doc : recorded.collection(CommitmentProjector.COMMITMENTS).find(in("_id", List.copyOf(q.commitmentIds())))) {
            if (doc.get("state") != null) {
                movements.put(doc.getString("_id"),
                        MoneyMovements.of(ReadModelJson.fromStored(doc.get("state"), CommitmentState.class), rates));
            }
        }
        return new CommitmentMoneyMovements(movements, point.position(), point.recordedAt());
    }

    /** A commitment's state from its events recorded by {@code at} (null when none was), and the last one's position. */
    record Folded(CommitmentState state, long position) {
    }

    static Folded fold(List<LedgerEvent> events, Instant at) {
        CommitmentState state = null;
        long position = -1;
        for (LedgerEvent e : events) {
            if (e.recordedAt().isAfter(at)) {
                break;
            }
            state = CommitmentFold.apply(state, e.payload(), e.recordedAt());
            position = e.position();
        }
        return new Folded(state, position);
    }

    // ---------------------------------------------------------------- lists

    /** A page of commitment rows matching the filter, ordered by pledge time; scans the rows (now or as of an instant). */
    @QueryHandler
    public CommitmentPage handle(CommitmentList q) {
        LedgerPoint point = q.asOf() == null ? recorded.current(CommitmentProjector.NAME) : recorded.asOf(q.asOf());
        List<Document> matching = new ArrayList<>();
        for (Document row : CommitmentRows.of(recorded, q.asOf())) {
            if (matches(q.filter(), row)) {
                matching.add(row);
            }
        }
        matching.sort(Comparator.comparing((Document d) -> d.getString("pledgedAt")).thenComparing(d -> d.getString("_id")));
        // A page far past the end is an empty page, not an overflowed offset.
        int from = (int) Math.min(matching.size(), (long) q.page() * q.size());
        int to = (int) Math.min(matching.size(), (long) from + q.size());
        return new CommitmentPage(q.page(), q.size(), matching.size(),
                matching.subList(from, to).stream().map(CommitmentQueries::row).toList(), point.position(), point.recordedAt());
    }

    static boolean matches(CommitmentFilter f, Document row) {
        return (f.initiative() == null || row.getList("initiatives", String.class, List.of()).contains(f.initiative()))
                && (f.action() == null || row.getList("actions", String.class, List.of()).stream()
                        .anyMatch(a -> a.equals(f.action()) || a.endsWith(":" + f.action())))
                && (f.group() == null || f.group().equalsIgnoreCase(row.getString("stakeholderGroup")))
                && (f.country() == null || f.country().equalsIgnoreCase(row.getString("country")))
                && (f.region() == null || f.region().equalsIgnoreCase(row.getString("region")))
                && (f.status() == null || f.status().equalsIgnoreCase(row.getString("status")))
                && (f.type() == null || row.getList("types", String.class, List.of()).stream().anyMatch(f.type()::equalsIgnoreCase))
                && (f.maker() == null || f.maker().equals(row.getString("makerId")))
                && (f.year() == null || (row.getInteger("startYear") <= f.year() && f.year() <= row.getInteger("endYear")))
                && (f.text() == null || contains(row.getString("title"), f.text()) || contains(row.getString("makerName"), f.text()));
    }

    private static boolean contains(String value, String text) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
    }

    private static CommitmentRow row(Document r) {
        return new CommitmentRow(r.getString("_id"), r.getString("title"), r.getString("makerId"), r.getString("makerName"),
                r.getString("stakeholderGroup"), r.getString("hemisphere"), r.getString("country"), r.getString("region"),
                r.getList("initiatives", String.class), r.getList("initiativeNames", String.class),
                r.getList("actions", String.class), r.getList("actionNames", String.class), r.getString("status"),
                r.getList("types", String.class), r.getInteger("startYear"), r.getInteger("endYear"),
                instant(r.getString("pledgedAt")), r.getInteger("pledgeYear"), r.getString("financialAmount"),
                r.getString("financialCurrency"), r.getBoolean("financialCommitmentExpected"),
                r.getList("reportedYears", Integer.class), r.getList("lateYears", Integer.class),
                r.getList("correctedYears", Integer.class, List.of()), r.getString("latestProgress"),
                r.getList("pendingDecisions", String.class), r.getInteger("amendments", 0), r.getInteger("extensions", 0),
                instant(r.getString("closedAt")), instant(r.getString("lastChangedAt")));
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
