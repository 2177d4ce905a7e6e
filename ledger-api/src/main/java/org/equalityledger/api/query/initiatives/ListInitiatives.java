package org.equalityledger.api.query.initiatives;

import java.time.Instant;

import org.equalityledger.api.initiative.InitiativeKind;

/** The initiatives (of one kind when {@code kind} is given), now or as recorded at {@code asOf}. */
public record ListInitiatives(InitiativeKind kind, Instant asOf) {
}
