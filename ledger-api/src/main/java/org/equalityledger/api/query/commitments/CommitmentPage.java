package org.equalityledger.api.query.commitments;

import java.time.Instant;
import java.util.List;

import org.equalityledger.api.query.ReadAnswer;

/** Page {@code page} of {@code size} rows out of {@code total} matching. */
public record CommitmentPage(int page, int size, int total, List<CommitmentRow> items, long asOfPosition,
                             Instant recordedUpTo) implements ReadAnswer {
}
