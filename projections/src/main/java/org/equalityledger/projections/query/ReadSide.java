package org.equalityledger.projections.query;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.bson.Document;
import org.equalityledger.api.commitment.CommitmentAmended;
import org.equalityledger.api.commitment.CommitmentDetails;
import org.equalityledger.api.commitment.CommitmentPledged;
import org.equalityledger.api.commitment.DecisionDeadlinePolicy;
import org.equalityledger.api.query.queue.QueueScope;
import org.equalityledger.api.commitment.TargetAction;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.api.maker.CommitmentMakerRegistered;
import org.equalityledger.api.reporting.ProgressReport;
import org.equalityledger.api.reporting.ProgressReportCorrected;
import org.equalityledger.api.reporting.ReportingStatus;
import org.equalityledger.api.reporting.ReportingStatusPolicy;
import org.equalityledger.projections.commitments.CommitmentProjector;
import org.equalityledger.projections.dashboards.Contribution;
import org.equalityledger.projections.dashboards.DashboardFiguresAsOf;
import org.equalityledger.projections.dashboards.DashboardProjector;
import org.equalityledger.projections.dashboards.Snapshots;
import org.equalityledger.projections.model.CommitmentFold;
import org.equalityledger.projections.model.CommitmentState;
import org.equalityledger.projections.model.MakerProfile;
import org.equalityledger.projections.reference.Regions;
import org.equalityledger.projections.reference.UsdRates;
import org.equalityledger.projections.store.DocCache;
import org.equalityledger.projections.store.ReadModelJson;
import org.equalityledger.projections.store.LedgerEvent;
import org.equalityledger.projections.store.LedgerReader;

import com.fasterxml.jackson.core.type.TypeReference;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * Answers every read of the read side from the read models, or, for an instant in the past, from
 * the events recorded up to it. Reads are by {@code _id} except where stated (lists and the
 * reporting-cycle compliance read the whole row collection: one scan of about a kilobyte per
 * commitment).
 */
public final class ReadSide {

    private final MongoDatabase database;
    private final LedgerReader ledger;
    private final UsdRates rates;
    private final Regions regions;
    private final ImplementationPeriod implementationPeriod;
    private final Clock clock;
    private final DashboardFiguresAsOf figuresAsOf;

    public ReadSide(MongoDatabase database, LedgerReader ledger, UsdRates rates, Regions regions,
                    ImplementationPeriod implementationPeriod, Clock clock) {
        this.database = database;
        this.ledger = ledger;
        this.rates = rates;
        this.regions = regions;
        this.implementationPeriod = implementationPeriod;
        this.clock = clock;
        this.figuresAsOf = new DashboardFiguresAsOf(database, ledger, rates, regions, implementationPeriod);
    }

    private MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }

    // ---------------------------------------------------------------- commitments

    public Optional<Map<String, Object>> commitment(String id) {
        Document doc = collection(CommitmentProjector.COMMITMENTS).find(eq("_id", id)).first();
        if (doc == null || doc.get("state") == null) {
            return Optional.empty();
        }
        CommitmentState state = ReadModelJson.fromStored(doc.get("state"), CommitmentState.class);
        Instant now = clock.instant();
        return Optional.of(render(state, cycles(now), now, null, DocCache.position(doc)));
    }

    /** The commitment as the ledger had recorded it at {@code at}: its events recorded by then, folded. */
    public Optional<Map<String, Object>> commitmentAsOf(String id, Instant at) {
        CommitmentState state = null;
        long position = -1;
        for (LedgerEvent e : ledger.eventsOf(id)) {
            if (e.recordedAt().isAfter(at)) {
                break;
            }
            state = CommitmentFold.apply(state, e.payload(), e.recordedAt());
            position = e.position();
        }
        if (state == null) {
            return Optional.empty();
        }
        return Optional.of(render(state, cycles(at), at, at, position));
    }

    private Map<String, Object> render(CommitmentState s, Map<Integer, ReportingStatusPolicy.Cycle> cycles, Instant at,
                                       Instant asOf, long position) {
        Map<String, Document> initiatives = initiatives(s.decisions.keySet());
        Document maker = collection(CommitmentProjector.MAKERS).find(eq("_id", s.makerId)).first();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("commitmentId", s.commitmentId);
        if (asOf != null) {
            v.put("asOf", asOf);
        }
        v.put("position", position);
        CommitmentDetails d = s.details;
        v.put("title", d.title());
        v.put("description", d.description());
        v.put("maker", makerSummary(s.makerId, maker));
        v.put("status", s.status);
        v.put("types", new java.util.TreeSet<>(d.types()));
        v.put("financial", d.financial());
        List<Map<String, Object>> targets = new ArrayList<>();
        for (TargetAction t : d.targets()) {
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("initiativeId", t.initiativeId());
            target.put("initiativeName", initiativeName(initiatives.get(t.initiativeId()), t.initiativeId()));
            target.put("actionCode", t.actionCode());
            target.put("actionName", actionName(initiatives.get(t.initiativeId()), t.actionCode()));
            targets.add(target);
        }
        v.put("targets", targets);
        v.put("coMakerIds", new java.util.TreeSet<>(d.coMakerIds()));
        v.put("indicators", d.indicators());
        v.put("countries", new java.util.TreeSet<>(d.countries()));
        v.put("start", d.start());
        v.put("end", d.end());
        v.put("origin", d.origin());
        v.put("pledgedAt", s.pledgedAt);
        List<Map<String, Object>> decisions = new ArrayList<>();
        s.decisions.forEach((initiativeId, decision) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("initiativeId", initiativeId);
            m.put("initiativeName", initiativeName(initiatives.get(initiativeId), initiativeId));
            m.put("decision", decision.state);
            m.put("dueBy", decision.dueBy);
            m.put("decidedAt", decision.decidedAt);
            m.put("overdue", decision.state == CommitmentState.DecisionState.PENDING
                    ? decision.dueBy != null && DecisionDeadlinePolicy.overdue(decision.dueBy, at) : decision.overdue);
            m.put("reason", decision.reason);
            m.put("by", decision.by);
            m.put("stillTargeted", d.targetedInitiatives().contains(initiativeId));
            decisions.add(m);
        });
        v.put("decisions", decisions);
        List<Map<String, Object>> reports = new ArrayList<>();
        List<Integer> lateYears = new ArrayList<>();
        s.reports.forEach((year, revisions) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("year", year);
            CommitmentState.ReportRevision inForce = revisions.get(revisions.size() - 1);
            r.put("inForce", revision(inForce));
            r.put("superseded", revisions.subList(0, revisions.size() - 1).stream().map(ReadSide::revision).toList());
            reports.add(r);
            if (inForce.late) {
                lateYears.add(year);
            }
        });
        v.put("reports", reports);
        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put("financialCommitmentExpected", s.financialCommitmentExpected);
        flags.put("lateReportYears", lateYears);
        v.put("flags", flags);
        ReportingStatus reporting = s.reportingStatus(cycles, at);
        List<Integer> due = s.dueYears(cycles, at);
        Map<String, Object> rs = new LinkedHashMap<>();
        rs.put("status", reporting);
        rs.put("inactive", reporting.inactive());
        rs.put("dueYears", due);
        rs.put("missingYears", due.stream().filter(y -> s.reportInForce(y) == null).toList());
        v.put("reportingStatus", rs);
        Integer latest = s.latestReportedYear();
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("declared", latest == null ? null : s.reportInForce(latest).report.status());
        progress.put("year", latest);
        v.put("progressStatus", progress);
        v.put("amendments", s.amendments);
        v.put("extensions", s.extensions);
        v.put("closedAt", s.closedAt);
        v.put("closingReason", s.closingReason);
        v.put("lastChangedAt", s.lastChangedAt);
        return v;
    }

    private static Map<String, Object> revision(CommitmentState.ReportRevision r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("revision", r.revision);
        m.put("progressStatus", r.report.status());
        m.put("moneyDisbursed", r.report.moneyDisbursed());
        m.put("indicatorValues", r.report.indicatorValues());
        m.put("peopleReached", r.report.peopleReached());
        m.put("countries", r.report.countries());
        m.put("narrative", r.report.narrative());
        m.put("evidenceLinks", r.report.evidenceLinks());
        m.put("recordedAt", r.recordedAt);
        m.put("deadline", r.deadline);
        m.put("late", r.late);
        m.put("correctionReason", r.reason);
        m.put("by", r.by);
        m.put("supersededBy", r.supersededBy);
        return m;
    }

    /** Every event of a commitment recorded by {@code at} (all when null): what changed, who, when, why. */
    public Optional<List<Map<String, Object>>> history(String id, Instant at) {
        List<Map<String, Object>> entries = new ArrayList<>();
        CommitmentState state = null;
        for (LedgerEvent e : ledger.eventsOf(id)) {
            if (at != null && e.recordedAt().isAfter(at)) {
                break;
            }
            CommitmentState before = state == null ? null : ReadModelJson.fromStored(ReadModelJson.toJson(state), CommitmentState.class);
            state = CommitmentFold.apply(state, e.payload(), e.recordedAt());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("position", e.position());
            entry.put("recordedAt", e.recordedAt());
            entry.put("event", e.payload().getClass().getSimpleName());
            entry.put("by", by(e.payload()));
            entry.put("reason", reason(e.payload()));
            if (e.payload() instanceof CommitmentAmended a && before != null) {
                Map<String, Object> changes = new LinkedHashMap<>();
                for (String field : a.changedFields()) {
                    changes.put(field, change(component(before.details, field), component(a.details(), field)));
                }
                entry.put("changes", changes);
            } else if (e.payload() instanceof ProgressReportCorrected c && before != null
                    && before.reportInForce(c.year()) != null) {
                ProgressReport filed = before.reportInForce(c.year()).report;
                Map<String, Object> changes = new LinkedHashMap<>();
                for (RecordComponent field : ProgressReport.class.getRecordComponents()) {
                    Object from = component(filed, field.getName());
                    Object to = component(c.report(), field.getName());
                    if (!java.util.Objects.equals(from, to)) {
                        changes.put(field.getName(), change(from, to));
                    }
                }
                entry.put("changes", changes);
                entry.put("year", c.year());
                entry.put("supersedesRevision", c.supersedesRevision());
            }
            entry.put("payload", e.payload());
            entries.add(entry);
        }
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries);
    }

    /**
     * A changed value, before and after, as the values themselves: written in the shapes the API takes
     * (an amount and its currency as an object, dates as dates), never as Java's text of them.
     */
    private static Map<String, Object> change(Object from, Object to) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", from);
        change.put("to", to);
        return change;
    }

    /** The value of a record's component by its name: the names the API and {@code changedFields} use. */
    private static Object component(Record value, String name) {
        if (value == null) {
            return null;
        }
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    return component.getAccessor().invoke(value);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + name + " of " + value.getClass().getSimpleName(), e);
                }
            }
        }
        return null;
    }

    private static String by(Object payload) {
        try {
            return (String) payload.getClass().getMethod("by").invoke(payload);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static String reason(Object payload) {
        for (String accessor : List.of("reason", "note")) {
            try {
                return (String) payload.getClass().getMethod(accessor).invoke(payload);
            } catch (ReflectiveOperationException e) {
                // next
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- makers

    public Optional<Map<String, Object>> maker(String makerId) {
        Document maker = collection(CommitmentProjector.MAKERS).find(eq("_id", makerId)).first();
        if (maker == null || maker.getString("name") == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Map<Integer, ReportingStatusPolicy.Cycle> cycles = cycles(now);
        List<String> ids = maker.getList("commitmentIds", String.class, List.of());
        List<Map<String, Object>> commitments = new ArrayList<>();
        Map<Integer, Map<String, Object>> record = new TreeMap<>();
        // ---- issue 13 item 6 (H3): the maker's USD totals
        org.equalityledger.projections.makers.MakerMoneyTotals money = new org.equalityledger.projections.makers.MakerMoneyTotals(rates);
        for (Document doc : collection(CommitmentProjector.COMMITMENTS).find(in("_id", ids))) {
            CommitmentState s = ReadModelJson.fromStored(doc.get("state"), CommitmentState.class);
            money.add(s);
            // ---- end H3
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("commitmentId", s.commitmentId);
            c.put("title", s.details.title());
            c.put("status", s.status);
            c.put("reportingStatus", s.reportingStatus(cycles, now));
            Integer latest = s.latestReportedYear();
            c.put("progressStatus", latest == null ? null : s.reportInForce(latest).report.status());
            c.put("start", s.details.start());
            c.put("end", s.details.end());
            commitments.add(c);
            List<Integer> due = s.dueYears(cycles, now);
            for (int year : s.accepted() ? s.years() : List.<Integer>of()) {
                Map<String, Object> y = record.computeIfAbsent(year, k -> {
                    // In this order in the answer (Map.of has none): the year first.
                    Map<String, Object> counts = new LinkedHashMap<>();
                    counts.put("year", k);
                    List.of("expected", "reported", "late", "overdue").forEach(name -> counts.put(name, 0));
                    return counts;
                });
                y.merge("expected", 1, (a, b) -> (Integer) a + (Integer) b);
                CommitmentState.ReportRevision r = s.reportInForce(year);
                if (r != null) {
                    y.merge("reported", 1, (a, b) -> (Integer) a + (Integer) b);
                    if (r.late) {
                        y.merge("late", 1, (a, b) -> (Integer) a + (Integer) b);
                    }
                } else if (due.contains(year)) {
                    y.merge("overdue", 1, (a, b) -> (Integer) a + (Integer) b);
                }
            }
        }
        commitments.sort(Comparator.comparing(m -> (String) m.get("commitmentId")));
        Map<String, Object> v = makerSummary(makerId, maker);
        v.put("commitments", commitments);
        v.put("reportingRecord", new ArrayList<>(record.values()));
        v.put("money", money.money()); // H3, issue 13 item 6
        return Optional.of(v);
    }

    private static Map<String, Object> makerSummary(String makerId, Document maker) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("makerId", makerId);
        if (maker != null) {
            m.put("name", maker.getString("name"));
            m.put("stakeholderGroup", maker.getString("stakeholderGroup"));
            m.put("hemisphere", maker.getString("hemisphere"));
            m.put("country", maker.getString("country"));
            m.put("region", maker.getString("region"));
        }
        return m;
    }

    // ---------------------------------------------------------------- reference names and cycles

    private Map<String, Document> initiatives(Set<String> ids) {
        Map<String, Document> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            collection(CommitmentProjector.INITIATIVES).find(in("_id", new ArrayList<>(ids)))
                    .forEach(d -> byId.put(d.getString("_id"), d));
        }
        return byId;
    }

    private static String initiativeName(Document initiative, String id) {
        return initiative == null ? id : initiative.get("names", Document.class).getString("en");
    }

    private static String actionName(Document initiative, String code) {
        if (initiative != null) {
            for (Document a : initiative.getList("actions", Document.class, List.of())) {
                if (code.equals(a.getString("code"))) {
                    return a.get("names", Document.class).getString("en");
                }
            }
        }
        return code;
    }

    /** The reporting cycles as recorded at {@code at}: only those opened by then count. */
    public Map<Integer, ReportingStatusPolicy.Cycle> cycles(Instant at) {
        List<String> ids = implementationPeriod.years().stream().map(String::valueOf).toList();
        Map<Integer, ReportingStatusPolicy.Cycle> cycles = new TreeMap<>();
        for (Document d : collection(CommitmentProjector.CYCLES).find(in("_id", ids))) {
            Instant opened = Instant.parse(d.getString("openedAt"));
            if (!opened.isAfter(at)) {
                String closedAt = d.getString("closedAt");
                boolean closed = closedAt != null && !Instant.parse(closedAt).isAfter(at);
                cycles.put(d.getInteger("year"), new ReportingStatusPolicy.Cycle(d.getInteger("year"),
                        Instant.parse(d.getString("deadline")), opened, closed));
            }
        }
        return cycles;
    }

    // ---------------------------------------------------------------- compliance, queue, lists

    /** Every commitment expected to report for {@code year}: who reported, who was late, who is overdue. Scans the rows. */
    public Map<String, Object> reportingCycle(int year) {
        Instant now = clock.instant();
        ReportingStatusPolicy.Cycle cycle = cycles(now).get(year);
        boolean deadlinePassed = cycle != null && cycle.due(now);
        List<Map<String, Object>> expected = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String k : List.of("expected", "reported", "reportedLate", "overdue", "notYetDue")) {
            counts.put(k, 0);
        }
        for (Document row : collection(CommitmentProjector.ROWS).find()) {
            String status = row.getString("status");
            if (!"ACTIVE".equals(status) && !"COMPLETED".equals(status)) {
                continue;
            }
            String closedAt = row.getString("closedAt");
            int last = ReportingStatusPolicy.lastExpectedYear(row.getInteger("endYear"),
                    closedAt == null ? null : Instant.parse(closedAt));
            if (year < row.getInteger("startYear") || year > last) {
                continue;
            }
            String state;
            if (row.getList("reportedYears", Integer.class, List.of()).contains(year)) {
                state = row.getList("lateYears", Integer.class, List.of()).contains(year) ? "reportedLate" : "reported";
            } else {
                state = deadlinePassed ? "overdue" : "notYetDue";
            }
            counts.merge("expected", 1, Integer::sum);
            counts.merge(state, 1, Integer::sum);
            if (state.equals("reportedLate")) {
                counts.merge("reported", 1, Integer::sum);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("commitmentId", row.getString("_id"));
            m.put("title", row.getString("title"));
            m.put("maker", row.getString("makerName"));
            m.put("initiatives", row.getList("initiativeNames", String.class));
            m.put("reporting", state);
            expected.add(m);
        }
        expected.sort(Comparator.comparing((Map<String, Object> m) -> order((String) m.get("reporting")))
                .thenComparing(m -> (String) m.get("commitmentId")));
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("year", year);
        v.put("cycle", cycle == null ? null : Map.of("deadline", cycle.deadline(), "closed", cycle.closed()));
        v.put("counts", counts);
        v.put("shareReported", share(counts.get("reported") + 0L, counts.get("expected")));
        v.put("commitments", expected);
        return v;
    }

    private static int order(String reporting) {
        return switch (reporting) {
            case "overdue" -> 0;
            case "reportedLate" -> 1;
            case "notYetDue" -> 2;
            default -> 3;
        };
    }

    /**
     * Pledges waiting for an initiative's decision that {@code scope} may see (of {@code initiativeId}
     * only, and only the overdue, when asked), overdue first, then by due date.
     */
    public List<Map<String, Object>> validationQueue(String initiativeId, boolean overdueOnly, QueueScope scope) {
        Instant now = clock.instant();
        List<Map<String, Object>> queue = new ArrayList<>();
        Iterable<Document> docs = initiativeId == null ? collection(CommitmentProjector.QUEUE).find()
                : collection(CommitmentProjector.QUEUE).find(eq("_id", initiativeId));
        Map<String, Document> names = new HashMap<>();
        List<Document> all = new ArrayList<>();
        docs.forEach(all::add);
        initiatives(new LinkedHashSet<>(all.stream().map(d -> d.getString("_id")).toList())).forEach(names::put);
        // ---- issue 13 item 6 (H3): the maker of each pending pledge, from the makers' commitment ids
        Map<String, String> makerOf = new HashMap<>();
        if (!scope.makers().isEmpty()) {
            collection(CommitmentProjector.MAKERS).find(in("_id", new ArrayList<>(scope.makers()))).forEach(m ->
                    m.getList("commitmentIds", String.class, List.of()).forEach(c -> makerOf.put(c, m.getString("_id"))));
        }
        // ---- end H3
        for (Document doc : all) {
            String initiative = doc.getString("_id");
            doc.get("pending", Document.class).forEach((commitmentId, value) -> {
                Document p = (Document) value;
                Instant due = Instant.parse(p.getString("dueBy"));
                boolean overdue = DecisionDeadlinePolicy.overdue(due, now);
                if (!scope.sees(initiative, makerOf.get(commitmentId)) || (overdueOnly && !overdue)) {
                    return;
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("commitmentId", commitmentId);
                m.put("title", p.getString("title"));
                m.put("maker", p.getString("makerName"));
                m.put("initiativeId", initiative);
                m.put("initiativeName", initiativeName(names.get(initiative), initiative));
                m.put("pledgedAt", p.getString("pledgedAt"));
                m.put("dueBy", due);
                m.put("overdue", overdue);
                queue.add(m);
            });
        }
        queue.sort(Comparator.comparing((Map<String, Object> m) -> !(Boolean) m.get("overdue"))
                .thenComparing(m -> (Instant) m.get("dueBy")).thenComparing(m -> (String) m.get("commitmentId")));
        return queue;
    }

    /** A page of commitment rows matching the filter, ordered by pledge time; scans the rows. */
    public Page list(ListFilter filter, int page, int size) {
        List<Document> matching = matching(filter);
        // A page far past the end is an empty page, not an overflowed offset.
        int from = (int) Math.min(matching.size(), (long) page * size);
        int to = Math.min(matching.size(), from + size);
        return new Page(page, size, matching.size(), matching.subList(from, to).stream().map(ReadSide::rowView).toList());
    }

    public List<Document> matching(ListFilter filter) {
        Predicate<Document> p = filter.predicate();
        List<Document> rows = new ArrayList<>();
        for (Document row : collection(CommitmentProjector.ROWS).find()) {
            if (p.test(row)) {
                rows.add(row);
            }
        }
        rows.sort(Comparator.comparing((Document d) -> d.getString("pledgedAt")).thenComparing(d -> d.getString("_id")));
        return rows;
    }

    private static Map<String, Object> rowView(Document row) {
        Map<String, Object> m = new LinkedHashMap<>();
        row.forEach((k, v) -> {
            if (!k.equals(DocCache.POSITION)) {
                m.put(k.equals("_id") ? "commitmentId" : k, v);
            }
        });
        return m;
    }

    public record Page(int page, int size, int total, List<Map<String, Object>> items) {
    }

    // ---------------------------------------------------------------- dashboards

    /** The scope's figures for every period, now, from the precomputed documents (one {@code $in} on {@code _id}). */
    public Map<String, Map<String, Long>> figures(String scope) {
        Map<String, Map<String, Long>> figures = new TreeMap<>();
        List<String> keys = Contribution.periods(implementationPeriod).stream().map(p -> Contribution.key(scope, p)).toList();
        for (Document d : collection(DashboardProjector.DASHBOARDS).find(in("_id", keys))) {
            figures.put(d.getString("period"), toLongs(d.get("f", Document.class)));
        }
        return figures;
    }

    /** The scope's figures as the ledger had recorded things at {@code at}. */
    public Map<String, Map<String, Long>> figuresAsOf(String scope, Instant at) {
        return figuresAsOf.figures(scope, at);
    }

    private static Map<String, Long> toLongs(Document f) {
        Map<String, Long> m = new TreeMap<>();
        f.forEach((k, v) -> m.put(k, ((Number) v).longValue()));
        return m;
    }

    private record Cached(long version, long at, Map<String, Object> dashboard) {
    }

    private final Map<String, Cached> dashboards = new java.util.concurrent.ConcurrentHashMap<>();
    private java.util.function.LongSupplier dashboardsVersion = () -> -1;
    private static final long CACHE_NANOS = 2_000_000_000L;

    private final Set<String> refreshing = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.ExecutorService refresher = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "dashboard-refresh");
        t.setDaemon(true);
        return t;
    });

    /**
     * Lets the current dashboards be served from memory. An answer is fresh while {@code version}
     * (the dashboards projection's count of written batches in this process) is unchanged and for two
     * seconds at most (a batch another instance wrote); a stale answer is still served, once, while
     * one background read refreshes it, so readers never queue behind the store. A dashboard is
     * then at most one refresh behind the projection, which itself follows the ledger.
     */
    public void cacheDashboardsWhile(java.util.function.LongSupplier version) {
        this.dashboardsVersion = version;
    }

    /** A dashboard for a reader: the figures shaped, with the scope's name and the rates used. */
    public Map<String, Object> dashboard(String scope, Integer year, Instant asOf) {
        if (asOf != null) {
            return buildDashboard(scope, year, asOf);
        }
        String key = scope + "|" + year;
        long version = dashboardsVersion.getAsLong();
        long now = System.nanoTime();
        Cached cached = dashboards.get(key);
        if (cached != null && version >= 0) {
            if ((cached.version() != version || now - cached.at() >= CACHE_NANOS) && refreshing.add(key)) {
                refresher.execute(() -> {
                    try {
                        long v = dashboardsVersion.getAsLong();
                        dashboards.put(key, new Cached(v, System.nanoTime(),
                                java.util.Collections.unmodifiableMap(buildDashboard(scope, year, null))));
                    } finally {
                        refreshing.remove(key);
                    }
                });
            }
            return cached.dashboard();
        }
        Map<String, Object> built = java.util.Collections.unmodifiableMap(buildDashboard(scope, year, null));
        dashboards.put(key, new Cached(version, now, built));
        return built;
    }

    private Map<String, Object> buildDashboard(String scope, Integer year, Instant asOf) {
        Map<String, Map<String, Long>> figures = asOf == null ? figures(scope) : figuresAsOf(scope, asOf);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("scope", scope);
        v.put("name", scopeName(scope));
        if (asOf != null) {
            v.put("asOf", asOf);
        }
        if (year != null) {
            v.put("year", year);
            v.put("figures", shape(figures.getOrDefault(String.valueOf(year), Map.of()), false));
        } else {
            v.put("figures", shape(figures.getOrDefault(Contribution.ALL, Map.of()), true));
            Map<String, Object> byYear = new LinkedHashMap<>();
            for (int y : implementationPeriod.years()) {
                byYear.put(String.valueOf(y), shape(figures.getOrDefault(String.valueOf(y), Map.of()), false));
            }
            v.put("byYear", byYear);
        }
        v.put("rates", rates.describe());
        return v;
    }

    private static Map<String, Object> shape(Map<String, Long> f, boolean all) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("commitments", f.getOrDefault("commitments", 0L));
        m.put("byType", prefixed(f, "type:"));
        m.put("byStatus", prefixed(f, "status:"));
        m.put("progressStatusMix", prefixed(f, "progress:"));
        if (all) {
            long accepted = f.getOrDefault("accepted", 0L);
            long reported = f.getOrDefault("reported", 0L);
            m.put("accepted", accepted);
            m.put("reportedAtLeastOnce", reported);
            m.put("shareReported", share(reported, accepted));
            m.put("reportsCorrected", f.getOrDefault("reportsCorrected", 0L));
            m.put("financialCommitmentExpectedFlags", f.getOrDefault("flag:financialExpected", 0L));
        } else {
            long expected = f.getOrDefault("expected", 0L);
            long reported = f.getOrDefault("reported", 0L);
            m.put("reportsExpected", expected);
            m.put("reported", reported);
            m.put("shareReported", share(reported, expected));
        }
        m.put("reportsFiled", f.getOrDefault("reportsFiled", 0L));
        m.put("reportsLate", f.getOrDefault("reportsLate", 0L));
        m.put("pledgedUsd", BigDecimal.valueOf(f.getOrDefault("pledgedUsdCents", 0L), 2));
        m.put("disbursedUsd", BigDecimal.valueOf(f.getOrDefault("disbursedUsdCents", 0L), 2));
        m.put("unconvertedMovements", f.getOrDefault("unconvertedMovements", 0L));
        return m;
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

    private static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round(10_000.0 * part / whole) / 10_000.0;
    }

    private String scopeName(String scope) {
        String[] parts = scope.split(":");
        switch (parts[0]) {
            case "global":
                return "All commitments";
            case "initiative": {
                Document d = collection(CommitmentProjector.INITIATIVES).find(eq("_id", parts[1])).first();
                return initiativeName(d, parts[1]);
            }
            case "action": {
                Document d = collection(CommitmentProjector.INITIATIVES).find(eq("_id", parts[1])).first();
                return initiativeName(d, parts[1]) + ": " + actionName(d, parts[2]);
            }
            case "group":
                return Names.group(parts[1]);
            case "country":
                return Names.country(parts[1]);
            default:
                return Names.words(parts[1]);
        }
    }

    /** Ids and names of the initiatives, for listing their dashboards (a scan of the small initiatives collection). */
    public List<Map<String, Object>> initiatives() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Document d : collection(CommitmentProjector.INITIATIVES).find()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("initiativeId", d.getString("_id"));
            m.put("name", initiativeName(d, d.getString("_id")));
            m.put("kind", d.getString("kind"));
            m.put("actions", d.getList("actions", Document.class, List.of()).stream()
                    .map(a -> Map.of("code", a.getString("code"), "name", a.get("names", Document.class).getString("en")))
                    .toList());
            list.add(m);
        }
        list.sort(Comparator.comparing(m -> (String) m.get("initiativeId")));
        return list;
    }

    public Regions regions() {
        return regions;
    }
}
