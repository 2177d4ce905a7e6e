package org.equalityledger.api.query.initiatives;

import java.time.Instant;

import org.equalityledger.api.common.LocalizedName;
import org.equalityledger.api.initiative.InitiativeKind;

/** One line of the list of initiatives. */
public record InitiativeSummary(
        String initiativeId,
        InitiativeKind kind,
        String code,
        LocalizedName names,
        String parentInitiativeId,
        int periodStartYear,
        int periodEndYear,
        Instant launchedAt,
        int actionCount) {
}
