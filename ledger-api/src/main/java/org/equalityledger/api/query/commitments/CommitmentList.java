package org.equalityledger.api.query.commitments;

/** A page of the commitments matching {@code filter}, ordered by pledge time. */
public record CommitmentList(CommitmentFilter filter, int page, int size) {

    /** Every matching commitment on one page: for exports. */
    public static CommitmentList all(CommitmentFilter filter) {
        return new CommitmentList(filter, 0, Integer.MAX_VALUE);
    }
}
