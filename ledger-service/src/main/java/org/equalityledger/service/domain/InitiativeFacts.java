package org.equalityledger.service.domain;

import java.util.Set;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.api.initiative.InitiativeKind;

/**
 * What other aggregates need to know of an initiative.
 *
 * @param leaderMakerIds makers holding the LEADER role in a term that has not ended
 */
public record InitiativeFacts(
        String initiativeId,
        InitiativeKind kind,
        int periodStartYear,
        int periodEndYear,
        Set<String> actionCodes,
        Set<String> leaderMakerIds) {

    public InitiativeFacts {
        actionCodes = Set.copyOf(actionCodes);
        leaderMakerIds = Set.copyOf(leaderMakerIds);
    }

    public ImplementationPeriod period() {
        return new ImplementationPeriod(periodStartYear, periodEndYear);
    }
}
