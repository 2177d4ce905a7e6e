package org.equalityledger.api.maker;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CommitmentMakerRegistered(
        String makerId,
        String name,
        StakeholderGroup stakeholderGroup,
        Hemisphere hemisphere,
        String country,
        String by) {
}
