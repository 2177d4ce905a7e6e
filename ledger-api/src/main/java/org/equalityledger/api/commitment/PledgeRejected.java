package org.equalityledger.api.commitment;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The leadership of {@code initiativeId} rejected the pledge, for {@code reason}. {@code status} is
 * the commitment's status after this decision: REJECTED once every targeted initiative rejected it.
 */
@Revision("1")
public record PledgeRejected(
        String commitmentId,
        String initiativeId,
        String reason,
        Instant decidedAt,
        Instant dueBy,
        boolean overdue,
        CommitmentStatus status,
        String by) {
}
