package org.equalityledger.api.query.initiatives;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.equalityledger.api.query.ReadAnswer;

/**
 * One initiative: its view, who held the presidency {@code on} the day the answer reflects (null when
 * nobody did), the progress against each action (by action code), and its commitments.
 */
public record InitiativeAnswer(InitiativeView initiative, LocalDate on, RoleView presidency,
                               Map<String, ActionProgress> progress, Commitments commitments,
                               long asOfPosition, Instant recordedUpTo) implements ReadAnswer {

    public InitiativeAnswer {
        progress = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(progress)); // in action order
    }

    /** How many commitments target the initiative, and where to read them (the list filtered by initiative). */
    public record Commitments(long count, String list) {
    }
}
