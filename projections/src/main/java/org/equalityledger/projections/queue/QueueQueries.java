package org.equalityledger.projections.queue;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.equalityledger.api.commitment.DecisionDeadlinePolicy;
import org.equalityledger.api.query.LedgerPoint;
import org.equalityledger.api.query.queue.PendingDecisions;
import org.equalityledger.api.query.queue.ValidationQueue;
import org.equalityledger.projections.commitments.CommitmentProjector;
import org.equalityledger.projections.reference.Recorded;

/** The validation queue room's answers, from {@code rm_validation_queue} (one document per initiative). */
public class QueueQueries {

    private final Recorded recorded;

    public QueueQueries(Recorded recorded) {
        this.recorded = recorded;
    }

    /**
     * Pledges waiting for an initiative's decision that the query's scope may see (of its initiative
     * only, and only the overdue, when asked), overdue first, then by due date.
     */
    @QueryHandler
    public ValidationQueue handle(PendingDecisions q) {
        LedgerPoint point = recorded.current(CommitmentProjector.NAME);
        Instant now = recorded.now();
        var queue = recorded.collection(CommitmentProjector.QUEUE);
        List<Document> all = new ArrayList<>();
        (q.initiativeId() == null ? queue.find() : queue.find(eq("_id", q.initiativeId()))).forEach(all::add);
        Map<String, Document> names = recorded.initiatives(all.stream().map(d -> d.getString("_id")).toList());
        // The queue does not name a pledge's maker by id: an ally's makers' commitments say which are theirs.
        Map<String, String> makerOf = new HashMap<>();
        if (!q.scope().makers().isEmpty()) {
            recorded.collection(CommitmentProjector.MAKERS).find(in("_id", new ArrayList<>(q.scope().makers()))).forEach(m ->
                    m.getList("commitmentIds", String.class, List.of()).forEach(c -> makerOf.put(c, m.getString("_id"))));
        }
        List<ValidationQueue.Pending> items = new ArrayList<>();
        for (Document doc : all) {
            String initiative = doc.getString("_id");
            doc.get("pending", Document.class).forEach((commitmentId, value) -> {
                Document p = (Document) value;
                Instant due = Instant.parse(p.getString("dueBy"));
                boolean overdue = DecisionDeadlinePolicy.overdue(due, now);
                if (!q.scope().sees(initiative, makerOf.get(commitmentId)) || (q.overdueOnly() && !overdue)) {
                    return;
                }
                items.add(new ValidationQueue.Pending(commitmentId, p.getString("title"), p.getString("makerName"), initiative,
                        Recorded.initiativeName(names.get(initiative), initiative), Instant.parse(p.getString("pledgedAt")),
                        due, overdue));
            });
        }
        items.sort(Comparator.comparing((ValidationQueue.Pending p) -> !p.overdue()).thenComparing(ValidationQueue.Pending::dueBy)
                .thenComparing(ValidationQueue.Pending::commitmentId));
        return new ValidationQueue(items, point.position(), point.recordedAt());
    }
}
