package org.equalityledger.api.query.commitments;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.equalityledger.api.query.ReadAnswer;
import org.equalityledger.api.query.rates.MoneyMovement;

/** The money movements of commitments, by commitment id (a commitment the ledger does not hold is absent). */
public record CommitmentMoneyMovements(Map<String, List<MoneyMovement>> byCommitment, long asOfPosition,
                                       Instant recordedUpTo) implements ReadAnswer {
}
