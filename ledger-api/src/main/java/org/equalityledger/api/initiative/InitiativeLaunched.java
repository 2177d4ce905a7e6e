package org.equalityledger.api.initiative;

import org.axonframework.serialization.Revision;
import org.equalityledger.api.common.LocalizedName;

@Revision("1")
public record InitiativeLaunched(
        String initiativeId,
        InitiativeKind kind,
        String code,
        LocalizedName names,
        int periodStartYear,
        int periodEndYear,
        String parentInitiativeId,
        String by) {
}
