package org.equalityledger.projections.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.equalityledger.api.commitment.CommitmentDetails;
import org.equalityledger.api.commitment.CommitmentStatus;
import org.equalityledger.api.common.Money;
import org.equalityledger.api.reporting.ProgressReport;
import org.equalityledger.api.reporting.ReportingStatus;
import org.equalityledger.api.reporting.ReportingStatusPolicy;

/**
 * Everything the read side knows of one commitment, folded from its events by {@link CommitmentFold}.
 * The same fold builds the live view, a rebuild and an as-of replay, so the three cannot disagree.
 */
public final class CommitmentState {

    public String commitmentId;
    public String makerId;
    public CommitmentDetails details;
    public CommitmentStatus status;
    /** A government, philanthropy or private-sector maker pledged no financial part. */
    public boolean financialCommitmentExpected;
    public Instant pledgedAt;
    /** The pledging window year: the year the commitment was recorded as pledged. */
    public int pledgeYear;
    public Instant lastChangedAt;
    public Instant closedAt;
    public String closingReason;
    /** One decision slot per targeted (or formerly targeted) initiative. */
    public TreeMap<String, Decision> decisions = new TreeMap<>();
    /** Every revision of every year's report; the last one of a year is in force. */
    public TreeMap<Integer, List<ReportRevision>> reports = new TreeMap<>();
    public int amendments;
    /**
     * The financial part as pledged, then as each amendment that changed it left it (null when one
     * removed it), in order: the commitment's pledged and revised money movements.
     */
    public List<FinancialRevision> financialRevisions = new ArrayList<>();
    public int extensions;
    /** Events folded into this state. */
    public int events;

    public enum DecisionState { PENDING, ACCEPTED, REJECTED }

    public static final class Decision {
        public DecisionState state = DecisionState.PENDING;
        public Instant dueBy;
        public Instant decidedAt;
        public boolean overdue;
        public String reason;
        public String by;

        public Decision() {
        }

        Decision(Instant dueBy) {
            this.dueBy = dueBy;
        }
    }

    public static final class ReportRevision {
        public int revision;
        public ProgressReport report;
        public Instant recordedAt;
        public Instant deadline;
        public boolean late;
        /** Why it was corrected (null for the report as first filed). */
        public String reason;
        public String by;
        public Integer supersededBy;

        public ReportRevision() {
        }
    }

    public static final class FinancialRevision {
        /** Null when the amendment removed the financial part. */
        public Money money;
        public Instant recordedAt;

        public FinancialRevision() {
        }

        FinancialRevision(Money money, Instant recordedAt) {
            this.money = money;
            this.recordedAt = recordedAt;
        }
    }

    /** The report of a year in force: its latest revision, or null when none was filed. */
    public ReportRevision reportInForce(int year) {
        List<ReportRevision> revisions = reports.get(year);
        return revisions == null || revisions.isEmpty() ? null : revisions.get(revisions.size() - 1);
    }

    /** Accepted by at least one targeted initiative and not withdrawn or rejected. */
    public boolean accepted() {
        return status == CommitmentStatus.ACTIVE || status == CommitmentStatus.COMPLETED;
    }

    public int startYear() {
        return details.start().getYear();
    }

    public int endYear() {
        return details.end().getYear();
    }

    public List<Integer> years() {
        List<Integer> years = new ArrayList<>();
        for (int y = startYear(); y <= endYear(); y++) {
            years.add(y);
        }
        return years;
    }

    /** The last year a report is expected for: the end year, or the year the commitment was closed. */
    public int lastExpectedYear() {
        return ReportingStatusPolicy.lastExpectedYear(endYear(), closedAt);
    }

    /** The years a report was due for by {@code at}: none unless accepted. */
    public List<Integer> dueYears(Map<Integer, ReportingStatusPolicy.Cycle> cycles, Instant at) {
        return accepted() ? ReportingStatusPolicy.dueYears(startYear(), lastExpectedYear(), cycles, at) : List.of();
    }

    /** Whether the commitment keeps up with the reporting at {@code at}, counting the reports recorded by then. */
    public ReportingStatus reportingStatus(Map<Integer, ReportingStatusPolicy.Cycle> cycles, Instant at) {
        return ReportingStatusPolicy.status(accepted(), dueYears(cycles, at), year -> {
            ReportRevision r = reportInForce(year);
            return r != null && !r.recordedAt.isAfter(at);
        });
    }

    /** The most recent year with a report in force, or null. */
    public Integer latestReportedYear() {
        return reports.isEmpty() ? null : reports.lastKey();
    }
}
