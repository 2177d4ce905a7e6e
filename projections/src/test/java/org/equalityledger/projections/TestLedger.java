package org.equalityledger.projections;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.equalityledger.api.commitment.CommitmentAmended;
import org.equalityledger.api.commitment.CommitmentDetails;
import org.equalityledger.api.commitment.CommitmentPledged;
import org.equalityledger.api.commitment.CommitmentStatus;
import org.equalityledger.api.commitment.CommitmentType;
import org.equalityledger.api.commitment.Indicator;
import org.equalityledger.api.commitment.Origin;
import org.equalityledger.api.commitment.PledgeAccepted;
import org.equalityledger.api.commitment.PledgeRejected;
import org.equalityledger.api.commitment.TargetAction;
import org.equalityledger.api.common.LocalizedName;
import org.equalityledger.api.common.Money;
import org.equalityledger.api.initiative.ActionDefined;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.api.initiative.InitiativeKind;
import org.equalityledger.api.initiative.InitiativeLaunched;
import org.equalityledger.api.maker.CommitmentMakerRegistered;
import org.equalityledger.api.rates.UsdRateRecorded;
import org.equalityledger.api.maker.Hemisphere;
import org.equalityledger.api.maker.StakeholderGroup;
import org.equalityledger.api.reporting.ProgressReport;
import org.equalityledger.api.reporting.ProgressStatus;
import org.equalityledger.api.reporting.ReportingCycleOpened;
import org.equalityledger.projections.commitments.CommitmentProjector;
import org.equalityledger.projections.dashboards.DashboardProjector;
import org.equalityledger.projections.model.CommitmentFold;
import org.equalityledger.projections.reference.Regions;
import org.equalityledger.projections.store.LedgerEvent;
import org.equalityledger.projections.store.LedgerReader;
import org.equalityledger.projections.store.Projector;
import org.equalityledger.projections.store.ReadModels;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** An in-memory ledger of events with positions and recording instants, and the projectors fed from it. */
final class TestLedger implements LedgerReader {

    /** Generation Equality's, as the service is configured. */
    static final ImplementationPeriod PERIOD = new ImplementationPeriod(2021, 2026);

    private static MongoClient client;
    private static final AtomicInteger databases = new AtomicInteger();

    static synchronized MongoDatabase freshDatabase() {
        if (client == null) {
            MongoServer server = new MongoServer(H2Backend.inMemory());
            client = MongoClients.create(server.bindAndGetConnectionString());
        }
        return client.getDatabase("projections_test_" + databases.incrementAndGet());
    }

    final List<LedgerEvent> events = new ArrayList<>();
    private final Map<Object, String> aggregateOf = new java.util.IdentityHashMap<>();
    Instant now = Instant.parse("2021-03-30T10:00:00Z");

    LedgerEvent record(String aggregateId, Object payload) {
        now = now.plusSeconds(1);
        LedgerEvent e = new LedgerEvent(events.size(), now, payload);
        events.add(e);
        aggregateOf.put(e, aggregateId);
        return e;
    }

    /** A projection fed every event recorded so far has reached the last of them. */
    org.equalityledger.api.query.LedgerPoint reached(String projection) {
        return events.isEmpty() ? org.equalityledger.api.query.LedgerPoint.EMPTY
                : new org.equalityledger.api.query.LedgerPoint(events.size() - 1, events.get(events.size() - 1).recordedAt());
    }

    void at(String instant) {
        now = Instant.parse(instant);
    }

    /** Feeds every event not yet fed (from {@code from}) to the projectors in batches of {@code batchSize}. */
    static void feed(List<LedgerEvent> events, int batchSize, Projector... projectors) {
        for (int from = 0; from < events.size(); from += batchSize) {
            List<LedgerEvent> batch = events.subList(from, Math.min(events.size(), from + batchSize));
            for (Projector p : projectors) {
                p.begin(batch);
                batch.forEach(p::apply);
                p.flush();
            }
        }
    }

    /** As a rebuild does: batches of {@code batchSize} events, each handed over in chunks of {@code chunkSize}. */
    static void feedInChunks(List<LedgerEvent> events, int batchSize, int chunkSize, Projector... projectors) {
        for (int from = 0; from < events.size(); from += batchSize) {
            List<LedgerEvent> batch = events.subList(from, Math.min(events.size(), from + batchSize));
            for (Projector p : projectors) {
                for (int c = 0; c < batch.size(); c += chunkSize) {
                    List<LedgerEvent> chunk = batch.subList(c, Math.min(batch.size(), c + chunkSize));
                    if (c == 0) {
                        p.begin(chunk);
                    } else {
                        p.extend(chunk);
                    }
                    chunk.forEach(p::apply);
                }
                p.flush();
            }
        }
    }

    static CommitmentProjector commitments(MongoDatabase db) {
        return new CommitmentProjector(ReadModels.of(db));
    }

    static DashboardProjector dashboards(MongoDatabase db) {
        return new DashboardProjector(ReadModels.of(db), Regions.shipped(), PERIOD);
    }

    static Map<String, List<Document>> dump(MongoDatabase db, Projector p) {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        for (String c : p.collections()) {
            List<Document> docs = new ArrayList<>();
            db.getCollection(c).find().forEach(docs::add);
            docs.sort(java.util.Comparator.comparing(d -> d.getString("_id")));
            all.put(c, docs);
        }
        return all;
    }

    // ------------------------------------------------------------------ events

    void initiative(String id, String... actions) {
        record(id, new InitiativeLaunched(id, InitiativeKind.ACTION_COALITION, id.toUpperCase(),
                new LocalizedName("Initiative " + id, "Iniciativa " + id, "Initiative " + id, null, null), 2021, 2026, null, "secretariat"));
        for (String a : actions) {
            record(id, new ActionDefined(id, a, new LocalizedName("Action " + a, "Acción " + a, "Action " + a, null, null), List.of(), "secretariat"));
        }
    }

    void maker(String id, StakeholderGroup group, Hemisphere hemisphere, String country) {
        record(id, new CommitmentMakerRegistered(id, "Maker " + id, group, hemisphere, country, "secretariat"));
    }

    /** The secretariat records a US-dollar rate (US dollars per unit); {@code supersedes} the rate it corrects, if any. */
    LedgerEvent usdRate(String currency, int year, String usdPerUnit, String supersedes) {
        return record("usd-rates-" + currency, new UsdRateRecorded(currency, year, new BigDecimal(usdPerUnit),
                "IMF International Financial Statistics, yearly average " + year, supersedes == null ? null : new BigDecimal(supersedes),
                supersedes == null ? null : "revised average", "secretariat"));
    }

    void cycle(int year, String deadline) {
        record("reporting-cycle-" + year, new ReportingCycleOpened(year, Instant.parse(deadline), "secretariat"));
    }

    static CommitmentDetails details(String title, Money financial, int startYear, int endYear, TargetAction... targets) {
        Set<CommitmentType> types = financial == null ? Set.of(CommitmentType.POLICY)
                : Set.of(CommitmentType.FINANCIAL, CommitmentType.PROGRAMMATIC);
        return new CommitmentDetails(types, financial, List.of(targets), Set.of(), title, "Description of " + title,
                List.of(new Indicator("women-reached", "people", BigDecimal.ZERO, new BigDecimal("1000"))), Set.of("MX"),
                LocalDate.of(startYear, 1, 1), LocalDate.of(endYear, 12, 31), Origin.forum("Generation Equality Forum"));
    }

    void pledge(String id, String maker, CommitmentDetails details, boolean financialExpected) {
        record(id, new CommitmentPledged(id, maker, details, financialExpected, now, now.plus(java.time.Duration.ofDays(28)), "ally-" + maker));
    }

    void accept(String id, String initiative) {
        record(id, new PledgeAccepted(id, initiative, null, now, now, false, CommitmentStatus.ACTIVE, "leader-" + initiative));
    }

    void reject(String id, String initiative, CommitmentStatus after) {
        record(id, new PledgeRejected(id, initiative, "out of scope", now, now, false, after, "leader-" + initiative));
    }

    void amend(String id, CommitmentDetails newDetails, List<String> fields, Set<String> newlyTargeted) {
        record(id, new CommitmentAmended(id, fields, newDetails, false, newlyTargeted,
                newlyTargeted.isEmpty() ? null : now.plus(java.time.Duration.ofDays(28)), "scope widened", now, "ally"));
    }

    static ProgressReport report(ProgressStatus status, Money disbursed) {
        return new ProgressReport(status, disbursed, Map.of("women-reached", new BigDecimal("120")), 120L, Set.of("MX"),
                "We did things", List.of());
    }

    // ------------------------------------------------------------------ LedgerReader

    @Override
    public List<LedgerEvent> eventsOf(String aggregateId) {
        return events.stream().filter(e -> aggregateId.equals(aggregateOf.get(e))
                || aggregateId.equals(CommitmentFold.commitmentIdOf(e.payload()))).toList();
    }

    @Override
    public Map<String, List<LedgerEvent>> eventsOf(Collection<String> aggregateIds) {
        Map<String, List<LedgerEvent>> m = new LinkedHashMap<>();
        aggregateIds.forEach(id -> m.put(id, eventsOf(id)));
        return m;
    }

    @Override
    public long lastPositionAt(Instant instant) {
        long last = -1;
        for (LedgerEvent e : events) {
            if (!e.recordedAt().isAfter(instant)) {
                last = e.position();
            }
        }
        return last;
    }

    @Override
    public Instant recordedAt(long position) {
        return position >= 0 && position < events.size() ? events.get((int) position).recordedAt() : null;
    }

    @Override
    public List<LedgerEvent> eventsBetween(long from, long to) {
        return events.stream().filter(e -> e.position() >= from && e.position() <= to).toList();
    }

    @Override
    public long headPosition() {
        return events.size() - 1;
    }
}
