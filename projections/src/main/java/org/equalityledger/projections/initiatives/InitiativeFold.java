package org.equalityledger.projections.initiatives;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.equalityledger.api.initiative.ActionDefined;
import org.equalityledger.api.initiative.GovernanceRole;
import org.equalityledger.api.initiative.GovernanceRoleAssigned;
import org.equalityledger.api.initiative.InitiativeLaunched;
import org.equalityledger.api.initiative.PresidencyExtended;
import org.equalityledger.api.initiative.Term;
import org.equalityledger.api.query.initiatives.ActionView;
import org.equalityledger.api.query.initiatives.InitiativeView;
import org.equalityledger.api.query.initiatives.RoleExtension;
import org.equalityledger.api.query.initiatives.RoleView;
import org.equalityledger.projections.store.LedgerEvent;

/**
 * An initiative's state from its events, and nothing else: the projection folds each event as it
 * arrives, an answer as of an instant folds the events recorded by then, so both say the same.
 */
public final class InitiativeFold {

    private InitiativeFold() {
    }

    /** The initiative an event is about; null for any other event. */
    public static String initiativeIdOf(Object payload) {
        if (payload instanceof InitiativeLaunched e) {
            return e.initiativeId();
        }
        if (payload instanceof ActionDefined e) {
            return e.initiativeId();
        }
        if (payload instanceof GovernanceRoleAssigned e) {
            return e.initiativeId();
        }
        if (payload instanceof PresidencyExtended e) {
            return e.initiativeId();
        }
        return null;
    }

    /** The initiative after {@code events}, in order; empty when none of them launched it. */
    public static Optional<InitiativeView> fold(List<LedgerEvent> events) {
        InitiativeView state = null;
        for (LedgerEvent event : events) {
            state = apply(state, event);
        }
        return Optional.ofNullable(state);
    }

    /** {@code state} (null before the launch) after one more event. */
    public static InitiativeView apply(InitiativeView state, LedgerEvent event) {
        Object payload = event.payload();
        if (payload instanceof InitiativeLaunched e) {
            return new InitiativeView(e.initiativeId(), e.kind(), e.code(), e.names(), e.parentInitiativeId(),
                    e.periodStartYear(), e.periodEndYear(), event.recordedAt(), List.of(), List.of());
        }
        if (state == null) {
            return null;
        }
        if (payload instanceof ActionDefined e) {
            List<ActionView> actions = new ArrayList<>(state.actions());
            actions.add(new ActionView(e.actionCode(), e.names(), e.targets(), event.recordedAt()));
            return with(state, actions, state.roles());
        }
        if (payload instanceof GovernanceRoleAssigned e) {
            List<RoleView> roles = new ArrayList<>(state.roles());
            roles.add(new RoleView(e.role(), e.holder(), e.term(), event.recordedAt(), List.of()));
            return with(state, state.actions(), roles);
        }
        if (payload instanceof PresidencyExtended e) {
            List<RoleView> roles = new ArrayList<>(state.roles());
            for (int i = 0; i < roles.size(); i++) {
                RoleView r = roles.get(i);
                if (r.role() == GovernanceRole.PRESIDENCY && r.term().start().equals(e.termStart())) {
                    List<RoleExtension> extensions = new ArrayList<>(r.extensions());
                    extensions.add(new RoleExtension(e.previousEnd(), e.newEnd(), e.reason(), event.recordedAt()));
                    roles.set(i, new RoleView(r.role(), r.holder(), new Term(r.term().start(), e.newEnd()),
                            r.assignedAt(), extensions));
                }
            }
            return with(state, state.actions(), roles);
        }
        return state;
    }

    private static InitiativeView with(InitiativeView s, List<ActionView> actions, List<RoleView> roles) {
        return new InitiativeView(s.initiativeId(), s.kind(), s.code(), s.names(), s.parentInitiativeId(),
                s.periodStartYear(), s.periodEndYear(), s.launchedAt(), actions, roles);
    }
}
