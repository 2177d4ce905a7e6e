package org.equalityledger.api.query.initiatives;

import java.time.Instant;
import java.util.List;

import org.equalityledger.api.query.ReadAnswer;

/** The initiatives, by id. */
public record InitiativeList(List<InitiativeSummary> initiatives, long asOfPosition, Instant recordedUpTo)
        implements ReadAnswer {

    public InitiativeList {
        initiatives = List.copyOf(initiatives);
    }
}
