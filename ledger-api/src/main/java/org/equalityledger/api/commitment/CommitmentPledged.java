package org.equalityledger.api.commitment;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A commitment was pledged, with everything pledged. The leadership of every targeted initiative is
 * to answer by {@code decisionsDueBy} (four weeks after {@code pledgedAt}).
 *
 * @param financialCommitmentExpected the maker is a government, philanthropy or private-sector
 *                                    entity and pledged no financial part: accepted, but flagged
 */
@Revision("1")
public record CommitmentPledged(
        String commitmentId,
        String makerId,
        CommitmentDetails details,
        boolean financialCommitmentExpected,
        Instant pledgedAt,
        Instant decisionsDueBy,
        String by) {
}
