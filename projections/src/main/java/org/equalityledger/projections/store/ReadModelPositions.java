package org.equalityledger.projections.store;

import org.equalityledger.api.query.LedgerPoint;

/** How far each projection has applied the ledger: the point a current read of its read models reflects. */
public interface ReadModelPositions {

    /** Every event up to the answer's position has been applied to projection {@code name}'s read models. */
    LedgerPoint reached(String projection);
}
