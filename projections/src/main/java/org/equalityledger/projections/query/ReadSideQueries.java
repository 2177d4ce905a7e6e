package org.equalityledger.projections.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.axonframework.queryhandling.QueryHandler;

/** The read side's query handlers on Axon's query bus; each answers from {@link ReadSide}. */
public class ReadSideQueries {

    public record CommitmentById(String commitmentId, Instant asOf) {
    }


    public record MakerProfile(String makerId) {
    }

    public record ReportingCycleCompliance(int year) {
    }

    public record ValidationQueue(String initiativeId, boolean overdueOnly, org.equalityledger.api.query.queue.QueueScope scope) {
    }

    public record Dashboard(String scope, Integer year, Instant asOf) {
    }

    public record CommitmentList(ListFilter filter, int page, int size) {
    }

    /**
     * Every answer travels in this envelope: Axon matches response types on the handler's declared
     * type, which a generic {@code Map<String, Object>} would not match. {@code value} is null for "no such thing".
     */
    public record Answer(Object value) {
    }

    private final ReadSide read;

    public ReadSideQueries(ReadSide read) {
        this.read = read;
    }

    /** The commitment view, or null when the ledger holds no such commitment (at that instant). */
    @QueryHandler
    public Answer handle(CommitmentById q) {
        return new Answer((q.asOf() == null ? read.commitment(q.commitmentId()) : read.commitmentAsOf(q.commitmentId(), q.asOf()))
                .orElse(null));
    }


    @QueryHandler
    public Answer handle(MakerProfile q) {
        return new Answer(read.maker(q.makerId()).orElse(null));
    }

    @QueryHandler
    public Answer handle(ReportingCycleCompliance q) {
        return new Answer(read.reportingCycle(q.year()));
    }

    @QueryHandler
    public Answer handle(ValidationQueue q) {
        return new Answer(read.validationQueue(q.initiativeId(), q.overdueOnly(), q.scope()));
    }

    @QueryHandler
    public Answer handle(Dashboard q) {
        return new Answer(read.dashboard(q.scope(), q.year(), q.asOf()));
    }

    @QueryHandler
    public Answer handle(CommitmentList q) {
        return new Answer(read.list(q.filter(), q.page(), q.size()));
    }
}
