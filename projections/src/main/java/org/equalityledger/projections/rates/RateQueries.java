package org.equalityledger.projections.rates;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;

import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.equalityledger.api.query.LedgerPoint;
import org.equalityledger.api.query.rates.UsdRateTable;
import org.equalityledger.api.query.rates.UsdRatesAsOf;
import org.equalityledger.projections.dashboards.DashboardProjector;
import org.equalityledger.projections.query.ReadSideBehind;
import org.equalityledger.projections.reference.Recorded;

/**
 * The rates room's answers: the US-dollar rates the ledger recorded, as the dashboards projection keeps
 * them ({@code rm_dash_facts} {@code "rates"}), now or as of an instant.
 */
public class RateQueries {

    private final Recorded recorded;

    public RateQueries(Recorded recorded) {
        this.recorded = recorded;
    }

    /**
     * The US-dollar rates the dashboards projection has applied, with their positions: all of them for a
     * current read ({@code asOf} null), those recorded by {@code asOf} for time travel.
     */
    public static RecordedRates rates(Recorded recorded, Instant asOf) {
        Document doc = recorded.collection(DashboardProjector.FACTS).find(eq("_id", DashboardProjector.RATES)).first();
        RecordedRates all = RecordedRates.fromStored(doc == null ? null : doc.get("entries"));
        return asOf == null ? all : all.upTo(recorded.ledger().lastPositionAt(asOf));
    }

    /** The rates in force at {@code q.asOf()} (now when null), of one currency and year when asked. */
    @QueryHandler
    public UsdRateTable handle(UsdRatesAsOf q) {
        LedgerPoint reached = recorded.current(DashboardProjector.NAME);
        LedgerPoint point = q.asOf() == null ? reached : recorded.asOf(q.asOf());
        if (point.position() > reached.position()) {
            // A rate recorded by then may not be applied yet: answering without it would misstate the rates.
            throw new ReadSideBehind(point.position(), reached.position());
        }
        return new UsdRateTable(q.asOf(), RecordedRates.CONVERSION, rates(recorded, null).upTo(point.position())
                .table(q.currency(), q.year()), point.position(), point.recordedAt());
    }
}
