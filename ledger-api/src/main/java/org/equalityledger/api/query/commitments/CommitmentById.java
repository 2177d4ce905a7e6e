package org.equalityledger.api.query.commitments;

import java.time.Instant;

/** One commitment now, or as the ledger had recorded it at {@code asOf} (when not null). */
public record CommitmentById(String commitmentId, Instant asOf) {
}
