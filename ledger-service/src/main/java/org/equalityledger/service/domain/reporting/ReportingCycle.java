package org.equalityledger.service.domain.reporting;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.equalityledger.api.common.RuleViolationException.broken;

import java.time.Instant;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.equalityledger.api.reporting.CloseReportingCycle;
import org.equalityledger.api.reporting.OpenReportingCycle;
import org.equalityledger.api.reporting.ReportingCycleClosed;
import org.equalityledger.api.reporting.ReportingCycleId;
import org.equalityledger.api.reporting.ReportingCycleOpened;
import org.equalityledger.service.domain.Permissions;

/** The yearly reporting cycle; its aggregate id is {@link ReportingCycleId#of(int)}, e.g. {@code reporting-cycle-2022}. */
@Aggregate
public class ReportingCycle {

    @AggregateIdentifier
    private String cycleId;
    private Instant deadline;
    private boolean closed;

    protected ReportingCycle() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenReportingCycle command) {
        Permissions.secretariat(command.actor(), "open a reporting cycle");
        if (deadline != null) {
            throw broken("reporting-cycle.already-opened", "the %d reporting cycle was opened already (deadline %s)",
                    command.year(), deadline);
        }
        apply(new ReportingCycleOpened(command.year(), command.deadline(), command.actor().userId()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CloseReportingCycle command) {
        Permissions.secretariat(command.actor(), "close a reporting cycle");
        if (deadline == null) {
            throw broken("reporting-cycle.not-opened", "the %d reporting cycle cannot be closed before it is opened",
                    command.year());
        }
        if (closed) {
            throw broken("reporting-cycle.already-closed", "the %d reporting cycle was closed already", command.year());
        }
        apply(new ReportingCycleClosed(command.year(), command.actor().userId()));
    }

    /** The reporting deadline, once the cycle is opened. */
    public Optional<Instant> deadline() {
        return Optional.ofNullable(deadline);
    }

    @EventSourcingHandler
    void on(ReportingCycleOpened event) {
        cycleId = ReportingCycleId.of(event.year());
        deadline = event.deadline();
    }

    @EventSourcingHandler
    void on(ReportingCycleClosed event) {
        closed = true;
    }
}
