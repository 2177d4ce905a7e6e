package org.equalityledger.api.query.makers;

import java.time.Instant;

/**
 * A commitment maker's profile: its commitments and its reporting record, now or as the ledger had
 * recorded them at {@code asOf} (when not null).
 */
public record MakerById(String makerId, Instant asOf) {

    public MakerById(String makerId) {
        this(makerId, null);
    }
}
