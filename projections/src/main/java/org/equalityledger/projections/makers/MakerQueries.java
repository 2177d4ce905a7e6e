package org.equalityledger.projections.makers;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.equalityledger.api.query.LedgerPoint;
import org.equalityledger.api.query.makers.ListMakers;
import org.equalityledger.api.query.makers.MakerById;
import org.equalityledger.api.query.makers.MakerPage;
import org.equalityledger.api.query.makers.MakerProfile;
import org.equalityledger.api.query.makers.MakerSummary;
import org.equalityledger.api.reporting.ReportingStatusPolicy;
import org.equalityledger.projections.commitments.CommitmentProjector;
import org.equalityledger.projections.commitments.CommitmentRows;
import org.equalityledger.projections.model.CommitmentFold;
import org.equalityledger.projections.model.CommitmentState;
import org.equalityledger.projections.reference.Recorded;
import org.equalityledger.projections.rates.RateQueries;
import org.equalityledger.projections.store.LedgerEvent;
import org.equalityledger.projections.store.ReadModelJson;

/**
 * The makers room's answers, from the makers the commitments projection keeps ({@code rm_makers}): a
 * maker's profile with its commitments' states and its money in US dollars, by {@code _id}; the list of
 * makers, filtered by the fields the store matches, searched by name here (a scan of the makers, a few
 * thousand at real scale), ordered by name then id so that pages never overlap.
 */
public class MakerQueries {

    private final Recorded recorded;

    public MakerQueries(Recorded recorded) {
        this.recorded = recorded;
    }

    private static boolean registeredAfter(Document maker, Instant at) {
        String registeredAt = maker.getString("registeredAt");
        return registeredAt != null && Instant.parse(registeredAt).isAfter(at);
    }

    private List<CommitmentState> stored(List<String> ids) {
        List<CommitmentState> states = new ArrayList<>();
        for (Document doc : recorded.collection(CommitmentProjector.COMMITMENTS).find(in("_id", ids))) {
            states.add(ReadModelJson.fromStored(doc.get("state"), CommitmentState.class));
        }
        return states;
    }

    /** The commitments among {@code ids} that the ledger held at {@code at}, as they then were. */
    private List<CommitmentState> recordedBy(List<String> ids, Instant at) {
        List<CommitmentState> states = new ArrayList<>();
        for (String id : ids) {
            CommitmentState state = null;
            for (LedgerEvent e : recorded.ledger().eventsOf(id)) {
                if (e.recordedAt().isAfter(at)) {
                    break;
                }
                state = CommitmentFold.apply(state, e.payload(), e.recordedAt());
            }
            if (state != null) {
                states.add(state);
            }
        }
        return states;
    }

    /** Who the maker is, as {@code rm_makers} holds it; only the id when it is not there. */
    public static MakerSummary summary(String makerId, Document maker) {
        return maker == null ? MakerSummary.unknown(makerId) : new MakerSummary(makerId, maker.getString("name"),
                maker.getString("stakeholderGroup"), maker.getString("hemisphere"), maker.getString("country"),
                maker.getString("region"), maker.getList("commitmentIds", String.class, List.of()).size());
    }

    /**
     * Makers as of an instant are those registered by then, each with the commitments it had pledged by
     * then (counted from the rows as of that instant).
     */
    @QueryHandler
    public MakerPage handle(ListMakers q) {
        LedgerPoint point = q.asOf() == null ? recorded.current(CommitmentProjector.NAME) : recorded.asOf(q.asOf());
        Map<String, Integer> pledgedBy = q.asOf() == null ? null : pledgedBy(q.asOf());
        List<Bson> filters = new ArrayList<>();
        filters.add(exists("name")); // a maker only named by a commitment recorded before its registration is not listed
        if (q.group() != null) {
            filters.add(eq("stakeholderGroup", q.group().name()));
        }
        if (q.hemisphere() != null) {
            filters.add(eq("hemisphere", q.hemisphere().name()));
        }
        if (q.country() != null) {
            filters.add(eq("country", q.country()));
        }
        if (q.region() != null) {
            filters.add(eq("region", q.region()));
        }
        String text = q.text() == null ? null : q.text().toLowerCase(Locale.ROOT);
        List<MakerSummary> matching = new ArrayList<>();
        for (Document d : recorded.collection(CommitmentProjector.MAKERS).find(and(filters))) {
            String name = d.getString("name");
            if (name == null || text != null && !name.toLowerCase(Locale.ROOT).contains(text)) {
                continue;
            }
            if (pledgedBy == null) {
                matching.add(summary(d.getString("_id"), d));
            } else if (!registeredAfter(d, q.asOf())) {
                MakerSummary now = summary(d.getString("_id"), d);
                matching.add(new MakerSummary(now.makerId(), now.name(), now.stakeholderGroup(), now.hemisphere(), now.country(),
                        now.region(), pledgedBy.getOrDefault(now.makerId(), 0)));
            }
        }
        matching.sort(Comparator.comparing((MakerSummary m) -> m.name().toLowerCase(Locale.ROOT))
                .thenComparing(MakerSummary::makerId));
        int from = (int) Math.min(matching.size(), (long) q.page() * q.size());
        int to = (int) Math.min(matching.size(), (long) from + q.size());
        return new MakerPage(q.page(), q.size(), matching.size(), matching.subList(from, to), point.position(),
                point.recordedAt());
    }

    private Map<String, Integer> pledgedBy(Instant at) {
        Map<String, Integer> counts = new HashMap<>();
        CommitmentRows.of(recorded, at).forEach(row -> counts.merge(row.getString("makerId"), 1, Integer::sum));
        return counts;
    }

    /**
     * The maker's profile now, or as of an instant: then its commitments are those recorded by that
     * instant, each folded from its events up to it, with the cycles and the rates of that instant.
     */
    @QueryHandler
    public Optional<MakerProfile> handle(MakerById q) {
        Instant at = q.asOf();
        LedgerPoint point = at == null ? recorded.current(CommitmentProjector.NAME) : recorded.asOf(at);
        Document maker = recorded.collection(CommitmentProjector.MAKERS).find(eq("_id", q.makerId())).first();
        if (maker == null || maker.getString("name") == null || at != null && registeredAfter(maker, at)) {
            return Optional.empty();
        }
        Instant now = at == null ? recorded.now() : at;
        Map<Integer, ReportingStatusPolicy.Cycle> cycles = recorded.cycles(now);
        List<String> ids = maker.getList("commitmentIds", String.class, List.of());
        List<MakerProfile.MakerCommitment> commitments = new ArrayList<>();
        Map<Integer, int[]> record = new TreeMap<>();
        MakerMoneyTotals money = new MakerMoneyTotals(RateQueries.rates(recorded, at));
        for (CommitmentState s : at == null ? stored(ids) : recordedBy(ids, at)) {
            money.add(s);
            Integer latest = s.latestReportedYear();
            commitments.add(new MakerProfile.MakerCommitment(s.commitmentId, s.details.title(), s.status,
                    s.reportingStatus(cycles, now), latest == null ? null : s.reportInForce(latest).report.status(),
                    s.details.start(), s.details.end()));
            List<Integer> due = s.dueYears(cycles, now);
            for (int year : s.accepted() ? s.years() : List.<Integer>of()) {
                // expected, reported, late, overdue
                int[] y = record.computeIfAbsent(year, k -> new int[4]);
                y[0]++;
                CommitmentState.ReportRevision r = s.reportInForce(year);
                if (r != null) {
                    y[1]++;
                    y[2] += r.late ? 1 : 0;
                } else if (due.contains(year)) {
                    y[3]++;
                }
            }
        }
        commitments.sort(Comparator.comparing(MakerProfile.MakerCommitment::commitmentId));
        MakerSummary who = summary(q.makerId(), maker);
        return Optional.of(new MakerProfile(who.makerId(), who.name(), who.stakeholderGroup(), who.hemisphere(),
                who.country(), who.region(), commitments,
                record.entrySet().stream().map(e -> new MakerProfile.YearRecord(e.getKey(), e.getValue()[0],
                        e.getValue()[1], e.getValue()[2], e.getValue()[3])).toList(),
                money.money(), point.position(), point.recordedAt()));
    }
}
