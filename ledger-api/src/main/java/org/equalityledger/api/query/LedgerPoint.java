package org.equalityledger.api.query;

import java.time.Instant;

/**
 * A point of the ledger: every event up to {@code position} (inclusive), the last of them recorded at
 * {@code recordedAt}. Position -1 (and no instant) is the empty ledger.
 */
public record LedgerPoint(long position, Instant recordedAt) {

    public static final LedgerPoint EMPTY = new LedgerPoint(-1, null);

    public boolean reaches(long other) {
        return position >= other;
    }
}
