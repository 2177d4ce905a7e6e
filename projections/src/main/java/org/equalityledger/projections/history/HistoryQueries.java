package org.equalityledger.projections.history;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.axonframework.queryhandling.QueryHandler;
import org.equalityledger.api.commitment.CommitmentAmended;
import org.equalityledger.api.query.LedgerPoint;
import org.equalityledger.api.query.history.CommitmentHistory;
import org.equalityledger.api.query.history.History;
import org.equalityledger.api.reporting.ProgressReport;
import org.equalityledger.api.reporting.ProgressReportCorrected;
import org.equalityledger.api.reporting.ProgressReportFiled;
import org.equalityledger.projections.model.CommitmentFold;
import org.equalityledger.projections.model.CommitmentState;
import org.equalityledger.projections.reference.Recorded;
import org.equalityledger.projections.store.LedgerEvent;
import org.equalityledger.projections.store.ReadModelJson;

/** The history room's answers: a commitment's events read from the ledger itself, folded to say what each changed. */
public class HistoryQueries {

    private final Recorded recorded;

    public HistoryQueries(Recorded recorded) {
        this.recorded = recorded;
    }

    /** Every event of a commitment recorded by {@code asOf} (all when null); none for an unknown commitment. */
    @QueryHandler
    public History handle(CommitmentHistory q) {
        LedgerPoint point = q.asOf() == null ? recorded.head() : recorded.asOf(q.asOf());
        List<History.Entry> entries = new ArrayList<>();
        CommitmentState state = null;
        for (LedgerEvent e : recorded.ledger().eventsOf(q.commitmentId())) {
            if (e.position() > point.position()) {
                break;
            }
            CommitmentState before = state == null ? null
                    : ReadModelJson.fromStored(ReadModelJson.toJson(state), CommitmentState.class);
            state = CommitmentFold.apply(state, e.payload(), e.recordedAt());
            Map<String, History.Change> changes = null;
            Integer year = null;
            Integer supersedes = null;
            if (e.payload() instanceof CommitmentAmended a && before != null) {
                changes = new LinkedHashMap<>();
                for (String field : a.changedFields()) {
                    changes.put(field, new History.Change(component(before.details, field), component(a.details(), field)));
                }
            } else if (e.payload() instanceof ProgressReportCorrected c && before != null
                    && before.reportInForce(c.year()) != null) {
                ProgressReport filed = before.reportInForce(c.year()).report;
                changes = new LinkedHashMap<>();
                for (RecordComponent field : ProgressReport.class.getRecordComponents()) {
                    Object from = component(filed, field.getName());
                    Object to = component(c.report(), field.getName());
                    if (!Objects.equals(from, to)) {
                        changes.put(field.getName(), new History.Change(from, to));
                    }
                }
                year = c.year();
                supersedes = c.supersedesRevision();
            } else if (e.payload() instanceof ProgressReportFiled f) {
                year = f.year();
            }
            entries.add(new History.Entry(e.position(), e.recordedAt(), e.payload().getClass().getSimpleName(),
                    by(e.payload()), reason(e.payload()), changes, year, supersedes));
        }
        return new History(q.commitmentId(), entries, point.position(), point.recordedAt());
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
}
