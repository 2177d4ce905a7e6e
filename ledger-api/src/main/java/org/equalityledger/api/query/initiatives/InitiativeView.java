package org.equalityledger.api.query.initiatives;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.equalityledger.api.common.LocalizedName;
import org.equalityledger.api.initiative.GovernanceRole;
import org.equalityledger.api.initiative.InitiativeKind;

/**
 * An initiative as its events made it: what it is, when it was launched, its actions with their
 * measurable targets, and every governance role ever assigned (the whole history of holders, each
 * presidency with its extensions).
 */
public record InitiativeView(
        String initiativeId,
        InitiativeKind kind,
        String code,
        LocalizedName names,
        String parentInitiativeId,
        int periodStartYear,
        int periodEndYear,
        Instant launchedAt,
        List<ActionView> actions,
        List<RoleView> roles) {

    public InitiativeView {
        actions = List.copyOf(actions);
        roles = List.copyOf(roles);
    }

    /** Who held the role on {@code day}: the assignment whose term (extensions included) contains it. */
    public Optional<RoleView> holder(GovernanceRole role, LocalDate day) {
        return roles.stream().filter(r -> r.role() == role && r.term().contains(day)).findFirst();
    }

    public InitiativeSummary summary() {
        return new InitiativeSummary(initiativeId, kind, code, names, parentInitiativeId, periodStartYear, periodEndYear,
                launchedAt, actions.size());
    }
}
