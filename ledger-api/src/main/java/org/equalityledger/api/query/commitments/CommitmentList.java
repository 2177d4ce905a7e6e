package org.equalityledger.api.query.commitments;

import java.time.Instant;

/**
 * A page of the commitments matching {@code filter}, ordered by pledge time: now, or as the ledger had
 * recorded them at {@code asOf} (when not null).
 */
public record CommitmentList(CommitmentFilter filter, int page, int size, Instant asOf) {

    public CommitmentList(CommitmentFilter filter, int page, int size) {
        this(filter, page, size, null);
    }

    /** Every matching commitment on one page: for exports. */
    public static CommitmentList all(CommitmentFilter filter) {
        return all(filter, null);
    }

    public static CommitmentList all(CommitmentFilter filter, Instant asOf) {
        return new CommitmentList(filter, 0, Integer.MAX_VALUE, asOf);
    }
}
