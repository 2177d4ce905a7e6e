package org.equalityledger.api.commitment;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The leadership of {@code initiativeId} accepted the pledge. {@code overdue} when decided after
 * {@code dueBy}; {@code status} is the commitment's status after this decision.
 */
@Revision("1")
public record PledgeAccepted(
        String commitmentId,
        String initiativeId,
        String reason,
        Instant decidedAt,
        Instant dueBy,
        boolean overdue,
        CommitmentStatus status,
        String by) {
}
