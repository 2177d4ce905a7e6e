package org.equalityledger.projections.makers;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.equalityledger.api.query.LedgerPoint;
import org.equalityledger.api.query.makers.ListMakers;
import org.equalityledger.api.query.makers.MakerPage;
import org.equalityledger.api.query.makers.MakerSummary;
import org.equalityledger.projections.commitments.CommitmentProjector;
import org.equalityledger.projections.store.ReadModelPositions;
import org.equalityledger.projections.store.ReadModels;

/**
 * The list of commitment makers, from the makers the commitments projection keeps ({@code rm_makers}):
 * filtered by the fields the store matches, searched by name here (a scan of the makers, a few
 * thousand at real scale), ordered by name then id so that pages never overlap.
 */
public class MakerQueries {

    private final ReadModels readModels;
    private final ReadModelPositions positions;

    public MakerQueries(ReadModels readModels, ReadModelPositions positions) {
        this.readModels = readModels;
        this.positions = positions;
    }

    @QueryHandler
    public MakerPage handle(ListMakers q) {
        LedgerPoint point = positions.reached(CommitmentProjector.NAME);
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
        for (Document d : readModels.collection(CommitmentProjector.MAKERS).find(and(filters))) {
            String name = d.getString("name");
            if (name != null && (text == null || name.toLowerCase(Locale.ROOT).contains(text))) {
                matching.add(new MakerSummary(d.getString("_id"), name, d.getString("stakeholderGroup"),
                        d.getString("hemisphere"), d.getString("country"), d.getString("region"),
                        d.getList("commitmentIds", String.class, List.of()).size()));
            }
        }
        matching.sort(Comparator.comparing((MakerSummary m) -> m.name().toLowerCase(Locale.ROOT))
                .thenComparing(MakerSummary::makerId));
        int from = (int) Math.min(matching.size(), (long) q.page() * q.size());
        int to = Math.min(matching.size(), from + q.size());
        return new MakerPage(q.page(), q.size(), matching.size(), matching.subList(from, to), point.position(),
                point.recordedAt());
    }
}
