package org.equalityledger.api.query.commitments;

import java.util.List;

/** The money movements of each of these commitments, at the US-dollar rates recorded now: for exports. */
public record MoneyMovementsOf(List<String> commitmentIds) {
}
