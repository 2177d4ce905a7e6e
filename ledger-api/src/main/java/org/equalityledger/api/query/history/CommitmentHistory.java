package org.equalityledger.api.query.history;

import java.time.Instant;

/** Every event of a commitment recorded by {@code asOf} (all of them when null). */
public record CommitmentHistory(String commitmentId, Instant asOf) {
}
