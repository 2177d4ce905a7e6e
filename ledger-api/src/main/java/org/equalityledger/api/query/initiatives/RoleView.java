package org.equalityledger.api.query.initiatives;

import java.time.Instant;
import java.util.List;

import org.equalityledger.api.initiative.GovernanceRole;
import org.equalityledger.api.initiative.RoleHolder;
import org.equalityledger.api.initiative.Term;

/**
 * One assignment of a governance role: its holder, its term as it stands (an extended presidency's
 * term ends at the new end), when it was assigned, and its extensions.
 */
public record RoleView(GovernanceRole role, RoleHolder holder, Term term, Instant assignedAt,
                       List<RoleExtension> extensions) {

    public RoleView {
        extensions = List.copyOf(extensions);
    }
}
