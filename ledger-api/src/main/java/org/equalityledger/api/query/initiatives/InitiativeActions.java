package org.equalityledger.api.query.initiatives;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.equalityledger.api.query.ReadAnswer;

/** An initiative's actions with their measurable targets and the progress against each (by action code). */
public record InitiativeActions(String initiativeId, List<ActionView> actions, Map<String, ActionProgress> progress,
                                long asOfPosition, Instant recordedUpTo) implements ReadAnswer {

    public InitiativeActions {
        actions = List.copyOf(actions);
        progress = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(progress)); // in action order
    }

    public static InitiativeActions of(InitiativeAnswer a) {
        return new InitiativeActions(a.initiative().initiativeId(), a.initiative().actions(), a.progress(),
                a.asOfPosition(), a.recordedUpTo());
    }
}
