package org.equalityledger.api.query.commitments;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

import org.equalityledger.api.commitment.CommitmentStatus;
import org.equalityledger.api.commitment.CommitmentType;
import org.equalityledger.api.commitment.Indicator;
import org.equalityledger.api.commitment.Origin;
import org.equalityledger.api.common.Money;
import org.equalityledger.api.query.ReadAnswer;
import org.equalityledger.api.query.makers.MakerSummary;
import org.equalityledger.api.reporting.ProgressStatus;
import org.equalityledger.api.reporting.ReportingStatus;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A commitment as readers see it: its details with names, every initiative's decision, its reports by
 * year (the one in force and those it superseded), flags, its reporting status at the read instant and
 * its latest declared progress. {@code asOf} only for a read as of an instant; {@code position}: the
 * commitment's last event applied.
 */
public record CommitmentView(
        String commitmentId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant asOf,
        long position,
        String title,
        String description,
        MakerSummary maker,
        CommitmentStatus status,
        SortedSet<CommitmentType> types,
        Money financial,
        List<Target> targets,
        SortedSet<String> coMakerIds,
        List<Indicator> indicators,
        SortedSet<String> countries,
        LocalDate start,
        LocalDate end,
        Origin origin,
        Instant pledgedAt,
        List<Decision> decisions,
        List<YearReports> reports,
        Flags flags,
        ReportingStatusView reportingStatus,
        DeclaredProgress progressStatus,
        int amendments,
        int extensions,
        Instant closedAt,
        String closingReason,
        Instant lastChangedAt,
        long asOfPosition,
        Instant recordedUpTo) implements ReadAnswer {

    public record Target(String initiativeId, String initiativeName, String actionCode, String actionName) {
    }

    /** {@code decision}: PENDING, ACCEPTED or REJECTED; {@code overdue} at the read instant while pending. */
    public record Decision(String initiativeId, String initiativeName, String decision, Instant dueBy, Instant decidedAt,
                           boolean overdue, String reason, String by, boolean stillTargeted) {
    }

    public record YearReports(int year, ReportRevision inForce, List<ReportRevision> superseded) {
    }

    public record ReportRevision(int revision, ProgressStatus progressStatus, Money moneyDisbursed,
                                 Map<String, BigDecimal> indicatorValues, Long peopleReached, Set<String> countries,
                                 String narrative, List<URI> evidenceLinks, Instant recordedAt, Instant deadline,
                                 boolean late, String correctionReason, String by, Integer supersededBy) {
    }

    public record Flags(boolean financialCommitmentExpected, List<Integer> lateReportYears) {
    }

    public record ReportingStatusView(ReportingStatus status, boolean inactive, List<Integer> dueYears,
                                      List<Integer> missingYears) {
    }

    public record DeclaredProgress(ProgressStatus declared, Integer year) {
    }
}
