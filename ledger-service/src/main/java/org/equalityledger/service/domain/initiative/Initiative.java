package org.equalityledger.service.domain.initiative;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.equalityledger.api.common.RuleViolationException.broken;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.equalityledger.api.initiative.ActionDefined;
import org.equalityledger.api.initiative.AssignGovernanceRole;
import org.equalityledger.api.initiative.DefineAction;
import org.equalityledger.api.initiative.ExtendPresidency;
import org.equalityledger.api.initiative.GovernanceRole;
import org.equalityledger.api.initiative.GovernanceRoleAssigned;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.api.initiative.InitiativeKind;
import org.equalityledger.api.initiative.InitiativeLaunched;
import org.equalityledger.api.initiative.LaunchInitiative;
import org.equalityledger.api.initiative.PresidencyExtended;
import org.equalityledger.api.initiative.PresidencyTermPolicy;
import org.equalityledger.api.initiative.RoleHolder;
import org.equalityledger.api.initiative.Term;
import org.equalityledger.service.domain.InitiativeFacts;
import org.equalityledger.service.domain.Permissions;
import org.equalityledger.service.domain.ReferenceData;

/**
 * An action coalition, compact, alliance, working group or coordination table: its blueprint of
 * actions and its governance. Every role assignment stays in the events, so the history of who
 * held the presidency is never lost.
 */
@Aggregate
public class Initiative {

    static final int MAX_BLUEPRINT_ACTIONS = 4;

    @AggregateIdentifier
    private String initiativeId;
    private InitiativeKind kind;
    private int periodStartYear;
    private int periodEndYear;
    private final Set<String> actionCodes = new LinkedHashSet<>();
    private final List<Assignment> assignments = new ArrayList<>();

    /** One role assignment; a presidency's term grows by a year when extended. */
    private record Assignment(GovernanceRole role, RoleHolder holder, Term term, boolean extended) {
    }

    protected Initiative() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(LaunchInitiative command, ReferenceData referenceData) {
        Permissions.secretariat(command.actor(), "launch initiatives");
        if (kind != null) {
            throw broken("initiative.already-launched", "initiative %s was launched already", initiativeId);
        }
        String parent = command.parentInitiativeId();
        if (parent != null && referenceData.initiative(parent).isEmpty()) {
            throw broken("initiative.parent.unknown", "the parent initiative %s does not exist", parent);
        }
        ImplementationPeriod period = referenceData.implementationPeriod()
                .withYears(command.periodStartYear(), command.periodEndYear());
        apply(new InitiativeLaunched(command.initiativeId(), command.kind(), command.code(), command.names(),
                period.firstYear(), period.lastYear(), parent, command.actor().userId()));
    }

    @CommandHandler
    public void handle(DefineAction command) {
        Permissions.secretariat(command.actor(), "define the actions of an initiative");
        if (actionCodes.contains(command.actionCode())) {
            throw broken("initiative.action.duplicate-code", "initiative %s already has an action with code %s",
                    initiativeId, command.actionCode());
        }
        if (kind.hasBlueprintOfAtMostFourActions() && actionCodes.size() >= MAX_BLUEPRINT_ACTIONS) {
            throw broken("initiative.actions.at-most-four",
                    "an action coalition or compact has at most four actions; %s has %d already (%s)",
                    initiativeId, actionCodes.size(), String.join(", ", actionCodes));
        }
        apply(new ActionDefined(initiativeId, command.actionCode(), command.names(), command.targets(),
                command.actor().userId()));
    }

    @CommandHandler
    public void handle(AssignGovernanceRole command, ReferenceData referenceData) {
        Permissions.secretariat(command.actor(), "assign governance roles");
        RoleHolder holder = command.holder();
        Term term = command.term();
        if (holder.makerId() != null && referenceData.maker(holder.makerId()).isEmpty()) {
            throw broken("initiative.role.unknown-maker", "no commitment maker is registered with id %s",
                    holder.makerId());
        }
        if (command.role() == GovernanceRole.PRESIDENCY) {
            PresidencyTermPolicy.checkTerm(term);
            Optional<Assignment> clash = holding(GovernanceRole.PRESIDENCY, term).findFirst();
            if (clash.isPresent()) {
                throw broken("initiative.presidency.one-holder-at-a-time",
                        "the presidency has one holder at a time; %s holds it from %s to %s",
                        describe(clash.get().holder()), clash.get().term().start(), clash.get().term().end());
            }
        } else if (holding(command.role(), term).anyMatch(a -> a.holder().equals(holder))) {
            throw broken("initiative.role.already-held", "%s already holds the role %s in an overlapping term",
                    describe(holder), command.role());
        }
        apply(new GovernanceRoleAssigned(initiativeId, command.role(), holder, term, command.actor().userId()));
    }

    @CommandHandler
    public void handle(ExtendPresidency command) {
        Permissions.secretariat(command.actor(), "extend a presidency");
        Assignment latest = assignments.stream()
                .filter(a -> a.role() == GovernanceRole.PRESIDENCY)
                .max(Comparator.comparing(a -> a.term().start()))
                .orElseThrow(() -> broken("initiative.presidency.none",
                        "initiative %s has no presidency to extend", initiativeId));
        LocalDate end = latest.term().end();
        LocalDate newEnd = PresidencyTermPolicy.extendedEnd(describe(latest.holder()), end, latest.extended());
        apply(new PresidencyExtended(initiativeId, latest.holder(), latest.term().start(), end, newEnd,
                command.reason(), command.actor().userId()));
    }

    /** What other aggregates need to know of this initiative, as of {@code today}. */
    public InitiativeFacts facts(LocalDate today) {
        Set<String> leaders = assignments.stream()
                .filter(a -> a.role() == GovernanceRole.LEADER && a.holder().makerId() != null)
                .filter(a -> a.term().notEndedOn(today))
                .map(a -> a.holder().makerId())
                .collect(Collectors.toSet());
        return new InitiativeFacts(initiativeId, kind, periodStartYear, periodEndYear, actionCodes, leaders);
    }

    private java.util.stream.Stream<Assignment> holding(GovernanceRole role, Term term) {
        return assignments.stream().filter(a -> a.role() == role && a.term().overlaps(term));
    }

    private static String describe(RoleHolder holder) {
        return holder.organisationName() != null ? holder.organisationName() : "maker " + holder.makerId();
    }

    @EventSourcingHandler
    void on(InitiativeLaunched event) {
        initiativeId = event.initiativeId();
        kind = event.kind();
        periodStartYear = event.periodStartYear();
        periodEndYear = event.periodEndYear();
    }

    @EventSourcingHandler
    void on(ActionDefined event) {
        actionCodes.add(event.actionCode());
    }

    @EventSourcingHandler
    void on(GovernanceRoleAssigned event) {
        assignments.add(new Assignment(event.role(), event.holder(), event.term(), false));
    }

    @EventSourcingHandler
    void on(PresidencyExtended event) {
        for (int i = 0; i < assignments.size(); i++) {
            Assignment a = assignments.get(i);
            if (a.role() == GovernanceRole.PRESIDENCY && a.term().start().equals(event.termStart())) {
                assignments.set(i, new Assignment(a.role(), a.holder(), new Term(a.term().start(), event.newEnd()), true));
            }
        }
    }
}
