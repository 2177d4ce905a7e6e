package org.equalityledger.projections.model;

import org.equalityledger.api.maker.Hemisphere;
import org.equalityledger.api.maker.StakeholderGroup;

/** What the read side needs of a commitment maker; fixed at registration. */
public record MakerProfile(String makerId, String name, StakeholderGroup group, Hemisphere hemisphere, String country) {
}
