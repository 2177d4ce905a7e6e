package org.equalityledger.api.query.commitments;

import java.time.Instant;
import java.util.List;

/**
 * The money movements of each of these commitments, for exports: now at the US-dollar rates recorded
 * now, or as the ledger had recorded them at {@code asOf} (when not null) at the rates recorded by then.
 */
public record MoneyMovementsOf(List<String> commitmentIds, Instant asOf) {

    public MoneyMovementsOf(List<String> commitmentIds) {
        this(commitmentIds, null);
    }
}
