package org.equalityledger.api.commitment;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.serialization.Revision;
import org.equalityledger.api.common.Copies;

/**
 * A commitment was amended. {@code changedFields} names what changed (see
 * {@link CommitmentDetails#FIELDS}); {@code details} is the whole commitment as it now stands.
 * Initiatives targeted for the first time are listed in {@code newlyTargetedInitiatives}; their
 * leadership is to answer by {@code decisionsDueBy} (null when there are none).
 */
@Revision("1")
public record CommitmentAmended(
        String commitmentId,
        List<String> changedFields,
        CommitmentDetails details,
        boolean financialCommitmentExpected,
        Set<String> newlyTargetedInitiatives,
        Instant decisionsDueBy,
        String reason,
        Instant amendedAt,
        String by) {

    public CommitmentAmended {
        changedFields = Copies.list(changedFields);
        newlyTargetedInitiatives = Copies.set(newlyTargetedInitiatives);
    }
}
