package org.equalityledger.projections.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.equalityledger.api.commitment.CommitmentAmended;
import org.equalityledger.api.commitment.CommitmentCompleted;
import org.equalityledger.api.commitment.CommitmentExtended;
import org.equalityledger.api.commitment.CommitmentPledged;
import org.equalityledger.api.commitment.CommitmentStatus;
import org.equalityledger.api.commitment.CommitmentWithdrawn;
import org.equalityledger.api.commitment.PledgeAccepted;
import org.equalityledger.api.commitment.PledgeRejected;
import org.equalityledger.api.reporting.ProgressReportCorrected;
import org.equalityledger.api.reporting.ProgressReportFiled;

/** Folds one commitment's events into its {@link CommitmentState}. Pure: no clock, no store. */
public final class CommitmentFold {

    private CommitmentFold() {
    }

    /** The commitment an event belongs to, or null when it is not a commitment event. */
    public static String commitmentIdOf(Object event) {
        if (event instanceof CommitmentPledged e) {
            return e.commitmentId();
        } else if (event instanceof PledgeAccepted e) {
            return e.commitmentId();
        } else if (event instanceof PledgeRejected e) {
            return e.commitmentId();
        } else if (event instanceof CommitmentAmended e) {
            return e.commitmentId();
        } else if (event instanceof CommitmentExtended e) {
            return e.commitmentId();
        } else if (event instanceof CommitmentWithdrawn e) {
            return e.commitmentId();
        } else if (event instanceof CommitmentCompleted e) {
            return e.commitmentId();
        } else if (event instanceof ProgressReportFiled e) {
            return e.commitmentId();
        } else if (event instanceof ProgressReportCorrected e) {
            return e.commitmentId();
        }
        return null;
    }

    /**
     * Applies a commitment event recorded at {@code recordedAt}; {@code state} is null before the
     * pledge. Returns the state after the event.
     */
    public static CommitmentState apply(CommitmentState state, Object event, Instant recordedAt) {
        if (event instanceof CommitmentPledged e) {
            CommitmentState s = new CommitmentState();
            s.commitmentId = e.commitmentId();
            s.makerId = e.makerId();
            s.details = e.details();
            s.status = CommitmentStatus.PLEDGED;
            s.financialCommitmentExpected = e.financialCommitmentExpected();
            s.pledgedAt = e.pledgedAt();
            s.pledgeYear = e.pledgedAt().atOffset(ZoneOffset.UTC).getYear();
            if (e.details().financial() != null) {
                s.financialRevisions.add(new CommitmentState.FinancialRevision(e.details().financial(), e.pledgedAt()));
            }
            e.details().targetedInitiatives().forEach(id -> s.decisions.put(id, new CommitmentState.Decision(e.decisionsDueBy())));
            return touched(s, recordedAt);
        }
        if (state == null) {
            return null; // an event of a commitment whose pledge is not (yet) known: nothing to show
        }
        if (event instanceof PledgeAccepted e) {
            decide(state, e.initiativeId(), CommitmentState.DecisionState.ACCEPTED, e.decidedAt(), e.dueBy(), e.overdue(),
                    e.reason(), e.by());
            state.status = e.status();
        } else if (event instanceof PledgeRejected e) {
            decide(state, e.initiativeId(), CommitmentState.DecisionState.REJECTED, e.decidedAt(), e.dueBy(), e.overdue(),
                    e.reason(), e.by());
            state.status = e.status();
        } else if (event instanceof CommitmentAmended e) {
            if (!java.util.Objects.equals(state.details.financial(), e.details().financial())) {
                state.financialRevisions.add(new CommitmentState.FinancialRevision(e.details().financial(), recordedAt));
            }
            state.details = e.details();
            state.financialCommitmentExpected = e.financialCommitmentExpected();
            e.newlyTargetedInitiatives().forEach(id ->
                    state.decisions.putIfAbsent(id, new CommitmentState.Decision(e.decisionsDueBy())));
            state.amendments++;
        } else if (event instanceof CommitmentExtended e) {
            state.details = state.details.withEnd(e.newEnd());
            state.extensions++;
        } else if (event instanceof CommitmentWithdrawn e) {
            state.status = CommitmentStatus.WITHDRAWN;
            state.closedAt = recordedAt;
            state.closingReason = e.reason();
        } else if (event instanceof CommitmentCompleted e) {
            state.status = CommitmentStatus.COMPLETED;
            state.closedAt = recordedAt;
            state.closingReason = e.note();
        } else if (event instanceof ProgressReportFiled e) {
            CommitmentState.ReportRevision r = new CommitmentState.ReportRevision();
            r.revision = e.revision();
            r.report = e.report();
            r.recordedAt = e.filedAt();
            r.deadline = e.deadline();
            r.late = e.late();
            r.by = e.by();
            List<CommitmentState.ReportRevision> revisions = new ArrayList<>();
            revisions.add(r);
            state.reports.put(e.year(), revisions);
        } else if (event instanceof ProgressReportCorrected e) {
            List<CommitmentState.ReportRevision> revisions = state.reports.computeIfAbsent(e.year(), y -> new ArrayList<>());
            CommitmentState.ReportRevision previous = revisions.isEmpty() ? null : revisions.get(revisions.size() - 1);
            CommitmentState.ReportRevision r = new CommitmentState.ReportRevision();
            r.revision = e.revision();
            r.report = e.report();
            r.recordedAt = e.correctedAt();
            r.reason = e.reason();
            r.by = e.by();
            if (previous != null) {
                previous.supersededBy = e.revision();
                r.deadline = previous.deadline;
                r.late = previous.late; // lateness is the filing's: a correction does not make a report late
            }
            revisions.add(r);
        } else {
            return state;
        }
        return touched(state, recordedAt);
    }

    private static void decide(CommitmentState state, String initiativeId, CommitmentState.DecisionState verdict,
                               Instant decidedAt, Instant dueBy, boolean overdue, String reason, String by) {
        CommitmentState.Decision d = state.decisions.computeIfAbsent(initiativeId, id -> new CommitmentState.Decision(dueBy));
        d.state = verdict;
        d.decidedAt = decidedAt;
        d.dueBy = dueBy;
        d.overdue = overdue;
        d.reason = reason;
        d.by = by;
    }

    private static CommitmentState touched(CommitmentState state, Instant recordedAt) {
        state.lastChangedAt = recordedAt;
        state.events++;
        return state;
    }
}
