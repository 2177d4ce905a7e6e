package org.equalityledger.service.domain.commitment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.equalityledger.api.common.RuleViolationException.broken;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.equalityledger.api.commitment.AmendCommitment;
import org.equalityledger.api.commitment.CommitmentAmended;
import org.equalityledger.api.commitment.CommitmentCompleted;
import org.equalityledger.api.commitment.CommitmentDetails;
import org.equalityledger.api.commitment.CommitmentExtended;
import org.equalityledger.api.commitment.CommitmentPeriodPolicy;
import org.equalityledger.api.commitment.CommitmentPledged;
import org.equalityledger.api.commitment.CommitmentStatus;
import org.equalityledger.api.commitment.CommitmentWithdrawn;
import org.equalityledger.api.commitment.CompleteCommitment;
import org.equalityledger.api.commitment.DecideOnPledge;
import org.equalityledger.api.commitment.DecisionDeadlinePolicy;
import org.equalityledger.api.commitment.ExtendCommitment;
import org.equalityledger.api.commitment.PledgeAccepted;
import org.equalityledger.api.commitment.PledgeCommitment;
import org.equalityledger.api.commitment.PledgeRejected;
import org.equalityledger.api.commitment.Verdict;
import org.equalityledger.api.commitment.WithdrawCommitment;
import org.equalityledger.api.common.Checks;
import org.equalityledger.api.common.FieldError;
import org.equalityledger.api.common.InvalidCommandException;
import org.equalityledger.api.reporting.CorrectProgressReport;
import org.equalityledger.api.reporting.FileProgressReport;
import org.equalityledger.api.reporting.ProgressReport;
import org.equalityledger.api.reporting.ProgressReportCorrected;
import org.equalityledger.api.reporting.ProgressReportFiled;
import org.equalityledger.service.domain.DomainClock;
import org.equalityledger.service.domain.MakerFacts;
import org.equalityledger.service.domain.Permissions;
import org.equalityledger.service.domain.ReferenceData;

/**
 * A maker's commitment: pledged, decided on by the leadership of each targeted initiative, amended,
 * extended, withdrawn or completed, and reported on once a year.
 */
@Aggregate
public class Commitment {

    @AggregateIdentifier
    private String commitmentId;
    private String makerId;
    private CommitmentDetails details;
    private CommitmentStatus status;
    /** Targeted initiatives (current or former) and when their decision is due. */
    private final Map<String, Instant> decisionsDueBy = new HashMap<>();
    private final Map<String, Verdict> decisions = new HashMap<>();
    /** The current revision of each year's report. */
    private final Map<Integer, Integer> reportRevisions = new HashMap<>();
    /** The year the commitment was pledged in: its financial part counts at that year's US-dollar rate. */
    private int pledgeYear;

    protected Commitment() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public List<String> handle(PledgeCommitment command, ReferenceData referenceData) {
        Permissions.allyOf(command.actor(), command.makerId(), "pledge for this maker");
        if (status != null) {
            throw broken("commitment.already-pledged", "commitment %s was pledged already", commitmentId);
        }
        Instant now = DomainClock.now();
        if (DomainClock.today().isBefore(CommitmentRules.PLEDGES_OPEN)) {
            throw broken("commitment.pledge.window-not-open",
                    "pledges open at the Generation Equality Forum in Mexico City on %s", CommitmentRules.PLEDGES_OPEN);
        }
        MakerFacts maker = referenceData.maker(command.makerId()).orElseThrow(() -> broken(
                "commitment.maker.unknown", "no commitment maker is registered with id %s", command.makerId()));
        CommitmentRules.checkAgainstReferences(command.makerId(), command.details(), referenceData);
        apply(new CommitmentPledged(command.commitmentId(), command.makerId(), command.details(),
                CommitmentRules.financialCommitmentExpected(maker, command.details()), now,
                DecisionDeadlinePolicy.dueBy(now), command.actor().userId()));
        return CommitmentRules.conversionRemarks(command.details(), now.atZone(java.time.ZoneOffset.UTC).getYear(),
                referenceData);
    }

    @CommandHandler
    public void handle(DecideOnPledge command) {
        String initiativeId = command.initiativeId();
        Permissions.leaderOf(command.actor(), initiativeId, "decide on pledges to it");
        requireOpen("commitment.decision.closed", "decided on");
        if (!details.targetedInitiatives().contains(initiativeId)) {
            throw broken("commitment.decision.not-targeted", "commitment %s does not target initiative %s",
                    commitmentId, initiativeId);
        }
        if (decisions.containsKey(initiativeId)) {
            throw broken("commitment.decision.already-decided",
                    "one decision per initiative: the leadership of %s already %s this pledge", initiativeId,
                    decisions.get(initiativeId) == Verdict.ACCEPT ? "accepted" : "rejected");
        }
        Instant now = DomainClock.now();
        Instant dueBy = decisionsDueBy.get(initiativeId);
        boolean overdue = DecisionDeadlinePolicy.overdue(dueBy, now);
        String by = command.actor().userId();
        if (command.verdict() == Verdict.ACCEPT) {
            apply(new PledgeAccepted(commitmentId, initiativeId, command.reason(), now, dueBy, overdue,
                    CommitmentStatus.ACTIVE, by));
        } else {
            boolean allRejected = details.targetedInitiatives().stream()
                    .allMatch(id -> id.equals(initiativeId) || decisions.get(id) == Verdict.REJECT);
            CommitmentStatus after = status == CommitmentStatus.PLEDGED && allRejected
                    ? CommitmentStatus.REJECTED : status;
            apply(new PledgeRejected(commitmentId, initiativeId, command.reason(), now, dueBy, overdue, after, by));
        }
    }

    @CommandHandler
    public List<String> handle(AmendCommitment command, ReferenceData referenceData) {
        Permissions.allyOfAny(command.actor(), makers(), "amend this commitment");
        requireOpen("commitment.amend.closed", "amended");
        CommitmentDetails amended = command.changes().applyTo(details);
        Checks.check(checks -> CommitmentDetails.check(checks, "changes", amended, makerId));
        List<String> changed = amended.fieldsChangedFrom(details);
        if (changed.isEmpty()) {
            throw broken("commitment.amend.no-change", "the amendment changes nothing in commitment %s", commitmentId);
        }
        CommitmentRules.checkAgainstReferences(makerId, amended, referenceData);
        Optional<MakerFacts> maker = referenceData.maker(makerId);
        Set<String> newlyTargeted = new LinkedHashSet<>(amended.targetedInitiatives());
        newlyTargeted.removeAll(decisionsDueBy.keySet());
        Instant now = DomainClock.now();
        apply(new CommitmentAmended(commitmentId, changed, amended,
                CommitmentRules.financialCommitmentExpected(maker.orElse(null), amended), newlyTargeted,
                newlyTargeted.isEmpty() ? null : DecisionDeadlinePolicy.dueBy(now), command.reason(), now,
                command.actor().userId()));
        return CommitmentRules.conversionRemarks(amended, pledgeYear, referenceData);
    }

    @CommandHandler
    public void handle(ExtendCommitment command, ReferenceData referenceData) {
        Permissions.allyOfAny(command.actor(), makers(), "extend this commitment");
        requireOpen("commitment.extend.closed", "extended");
        CommitmentPeriodPolicy.checkExtension(makerId, details.start(), details.end(), command.newEnd(),
                CommitmentRules.targetedInitiatives(makerId, details, referenceData));
        apply(new CommitmentExtended(commitmentId, details.end(), command.newEnd(), command.reason(),
                command.actor().userId()));
    }

    @CommandHandler
    public void handle(WithdrawCommitment command) {
        Permissions.allyOfAny(command.actor(), makers(), "withdraw this commitment");
        requireOpen("commitment.withdraw.closed", "withdrawn");
        apply(new CommitmentWithdrawn(commitmentId, command.reason(), command.actor().userId()));
    }

    @CommandHandler
    public void handle(CompleteCommitment command) {
        Permissions.allyOfAny(command.actor(), makers(), "complete this commitment");
        if (status != CommitmentStatus.ACTIVE) {
            throw broken("commitment.complete.not-active",
                    "only an active commitment can be completed; commitment %s is %s", commitmentId, status);
        }
        apply(new CommitmentCompleted(commitmentId, command.note(), command.actor().userId()));
    }

    @CommandHandler
    public void handle(FileProgressReport command, ReferenceData referenceData) {
        Permissions.allyOfAny(command.actor(), makers(), "report on this commitment");
        int year = command.year();
        if (status != CommitmentStatus.ACTIVE && status != CommitmentStatus.COMPLETED) {
            throw broken("commitment.report.not-active",
                    "progress is reported on accepted commitments (active or completed); commitment %s is %s",
                    commitmentId, status);
        }
        if (year < details.start().getYear() || year > details.end().getYear()) {
            throw broken("commitment.report.year-outside-period",
                    "a report is for a year the commitment runs: %d to %d, not %d",
                    details.start().getYear(), details.end().getYear(), year);
        }
        Instant now = DomainClock.now();
        if (year > now.atOffset(ZoneOffset.UTC).getYear()) {
            throw broken("commitment.report.future-year", "the %d report cannot be filed before %d begins", year, year);
        }
        if (reportRevisions.containsKey(year)) {
            throw broken("commitment.report.already-filed",
                    "one report per commitment per year: the %d report is filed already; correct it instead", year);
        }
        checkIndicatorCodes(command.report());
        Optional<Instant> deadline = referenceData.reportingDeadline(year);
        boolean late = deadline.map(now::isAfter).orElse(false);
        apply(new ProgressReportFiled(commitmentId, year, command.report(), 1, now, deadline.orElse(null), late,
                command.actor().userId()));
    }

    @CommandHandler
    public void handle(CorrectProgressReport command) {
        Permissions.allyOfAny(command.actor(), makers(), "correct a report on this commitment");
        int year = command.year();
        Integer current = reportRevisions.get(year);
        if (current == null) {
            throw broken("commitment.correction.no-report", "there is no %d report to correct; file it first", year);
        }
        checkIndicatorCodes(command.report());
        apply(new ProgressReportCorrected(commitmentId, year, command.report(), current + 1, current,
                command.reason(), DomainClock.now(), command.actor().userId()));
    }

    /** The maker and its co-makers: their allies act for this commitment. */
    private Set<String> makers() {
        Set<String> makers = new LinkedHashSet<>();
        makers.add(makerId);
        makers.addAll(details.coMakerIds());
        return makers;
    }

    private void requireOpen(String rule, String what) {
        if (!status.isOpen()) {
            throw broken(rule, "a %s commitment cannot be %s", status.name().toLowerCase(), what);
        }
    }

    /** A report gives values only for the commitment's own indicators: an unknown code is bad input. */
    private void checkIndicatorCodes(ProgressReport report) {
        Set<String> known = details.indicatorCodes();
        List<FieldError> errors = new ArrayList<>();
        for (String code : report.indicatorValues().keySet()) {
            if (!known.contains(code)) {
                errors.add(new FieldError("report.indicatorValues." + code,
                        "is not an indicator of this commitment (known: " + String.join(", ", known) + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
    }

    @EventSourcingHandler
    void on(CommitmentPledged event) {
        commitmentId = event.commitmentId();
        makerId = event.makerId();
        details = event.details();
        status = CommitmentStatus.PLEDGED;
        pledgeYear = event.pledgedAt().atZone(java.time.ZoneOffset.UTC).getYear();
        event.details().targetedInitiatives().forEach(id -> decisionsDueBy.put(id, event.decisionsDueBy()));
    }

    @EventSourcingHandler
    void on(PledgeAccepted event) {
        decisions.put(event.initiativeId(), Verdict.ACCEPT);
        status = event.status();
    }

    @EventSourcingHandler
    void on(PledgeRejected event) {
        decisions.put(event.initiativeId(), Verdict.REJECT);
        status = event.status();
    }

    @EventSourcingHandler
    void on(CommitmentAmended event) {
        details = event.details();
        event.newlyTargetedInitiatives().forEach(id -> decisionsDueBy.put(id, event.decisionsDueBy()));
    }

    @EventSourcingHandler
    void on(CommitmentExtended event) {
        details = details.withEnd(event.newEnd());
    }

    @EventSourcingHandler
    void on(CommitmentWithdrawn event) {
        status = CommitmentStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(CommitmentCompleted event) {
        status = CommitmentStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(ProgressReportFiled event) {
        reportRevisions.put(event.year(), event.revision());
    }

    @EventSourcingHandler
    void on(ProgressReportCorrected event) {
        reportRevisions.put(event.year(), event.revision());
    }
}
