package org.equalityledger.service.domain;

import org.equalityledger.api.maker.Hemisphere;
import org.equalityledger.api.maker.StakeholderGroup;

/** What other aggregates need to know of a commitment maker. */
public record MakerFacts(
        String makerId,
        String name,
        StakeholderGroup stakeholderGroup,
        Hemisphere hemisphere,
        String country) {
}
