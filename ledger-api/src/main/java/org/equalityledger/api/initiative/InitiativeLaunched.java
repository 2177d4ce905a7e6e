package org.equalityledger.api.initiative;

import org.axonframework.serialization.Revision;
import org.equalityledger.api.common.LocalizedName;

/**
 * An initiative was launched. Revision 2: its names in up to five languages (see {@link LocalizedName}); revision 1
 * named it in English, Spanish and French only and reads as revision 2 without Russian or Arabic names.
 */
@Revision("2")
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
