package org.equalityledger.api.query.initiatives;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.equalityledger.api.query.ReadAnswer;

/** An initiative's governance: every role assignment with its term, and who held the presidency {@code on} that day. */
public record InitiativeRoles(String initiativeId, LocalDate on, RoleView presidency, List<RoleView> roles,
                              long asOfPosition, Instant recordedUpTo) implements ReadAnswer {

    public InitiativeRoles {
        roles = List.copyOf(roles);
    }

    public static InitiativeRoles of(InitiativeAnswer a) {
        return new InitiativeRoles(a.initiative().initiativeId(), a.on(), a.presidency(), a.initiative().roles(),
                a.asOfPosition(), a.recordedUpTo());
    }
}
