package org.equalityledger.projections.reference;

import static com.mongodb.client.model.Filters.in;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.bson.Document;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.api.query.LedgerPoint;
import org.equalityledger.api.reporting.ReportingStatusPolicy;
import org.equalityledger.projections.commitments.CommitmentProjector;
import org.equalityledger.projections.store.LedgerReader;
import org.equalityledger.projections.store.ReadModelPositions;
import org.equalityledger.projections.store.ReadModels;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.MongoCollection;

/**
 * What every room reads besides its own read model: the recorded initiatives' and actions' names, the
 * reporting cycles recorded by an instant, and the point of the ledger an answer reflects.
 */
public final class Recorded {

    private final ReadModels readModels;
    private final LedgerReader ledger;
    private final ReadModelPositions positions;
    private final ImplementationPeriod implementationPeriod;
    private final Clock clock;
    /**
     * Sets of rows that cannot change under their key (the rows as of a past position; today's rows at a
     * projection's position), kept while they are read: the first reader of a date pays for folding it.
     * Bounded by the rows held, so a ledger far larger than the demo keeps none rather than run short.
     */
    private final Cache<String, List<Document>> rowSets = Caffeine.newBuilder()
            .maximumWeight(ROWS_KEPT)
            .weigher((String key, List<Document> rows) -> Math.max(1, rows.size()))
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();
    /** About ten dates' rows of the demo ledger (2,000 commitments), some 40 MB at most. */
    static final int ROWS_KEPT = 25_000;

    public Recorded(ReadModels readModels, LedgerReader ledger, ReadModelPositions positions,
                    ImplementationPeriod implementationPeriod, Clock clock) {
        this.readModels = readModels;
        this.ledger = ledger;
        this.positions = positions;
        this.implementationPeriod = implementationPeriod;
        this.clock = clock;
    }

    public MongoCollection<Document> collection(String readModel) {
        return readModels.collection(readModel);
    }

    public LedgerReader ledger() {
        return ledger;
    }

    public ImplementationPeriod implementationPeriod() {
        return implementationPeriod;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The rows under {@code key}, read once while they are kept; {@code read} must answer the same rows for the same key. */
    public List<Document> rowSet(String key, java.util.function.Supplier<List<Document>> read) {
        return rowSets.get(key, k -> List.copyOf(read.get()));
    }

    // ---------------------------------------------------------------- what an answer reflects

    /** What a current read of these projections' read models reflects: the least advanced of them. */
    public LedgerPoint current(String... projections) {
        return Stream.of(projections).map(positions::reached).min(Comparator.comparingLong(LedgerPoint::position))
                .orElse(LedgerPoint.EMPTY);
    }

    /** What a read as of {@code at} reflects: every event recorded by then. */
    public LedgerPoint asOf(Instant at) {
        return at(ledger.lastPositionAt(at));
    }

    /** What a read of the ledger itself reflects: every event stored so far. */
    public LedgerPoint head() {
        return at(ledger.headPosition());
    }

    private LedgerPoint at(long position) {
        if (position < 0) {
            return LedgerPoint.EMPTY;
        }
        Instant recordedAt = ledger.recordedAt(position);
        return recordedAt == null ? LedgerPoint.EMPTY : new LedgerPoint(position, recordedAt);
    }

    // ---------------------------------------------------------------- initiatives and cycles

    /** The initiatives' documents by id (those recorded). */
    public Map<String, Document> initiatives(Collection<String> ids) {
        Map<String, Document> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            collection(CommitmentProjector.INITIATIVES).find(in("_id", new ArrayList<>(ids)))
                    .forEach(d -> byId.put(d.getString("_id"), d));
        }
        return byId;
    }

    /** Every recorded initiative's document, by id. */
    public List<Document> allInitiatives() {
        List<Document> all = new ArrayList<>();
        collection(CommitmentProjector.INITIATIVES).find().forEach(all::add);
        all.sort(Comparator.comparing(d -> d.getString("_id")));
        return all;
    }

    /** The initiative's English name; its id when it is not recorded. */
    public static String initiativeName(Document initiative, String id) {
        return initiative == null ? id : initiative.get("names", Document.class).getString("en");
    }

    /** The action's English name; its code when the initiative does not define it. */
    public static String actionName(Document initiative, String code) {
        Document action = action(initiative, code);
        return action == null ? code : action.get("names", Document.class).getString("en");
    }

    public static Document action(Document initiative, String code) {
        if (initiative != null) {
            for (Document a : initiative.getList("actions", Document.class, List.of())) {
                if (code.equals(a.getString("code"))) {
                    return a;
                }
            }
        }
        return null;
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

    /** {@code part / whole} to four decimals; null when there is no whole. */
    public static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round(10_000.0 * part / whole) / 10_000.0;
    }
}
