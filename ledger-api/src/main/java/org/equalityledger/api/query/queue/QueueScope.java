package org.equalityledger.api.query.queue;

import java.util.LinkedHashSet;
import java.util.Set;

import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Role;

/**
 * Which pending pledges a reader of the validation queue may see, as data the query carries (the read
 * side knows nothing of security): the secretariat and auditors see every initiative's queue, a leader
 * the queues of the initiatives it leads, an ally the pledges of the makers it acts for; someone with
 * several roles sees the union.
 */
public record QueueScope(boolean everything, Set<String> initiatives, Set<String> makers) {

    public QueueScope {
        initiatives = Set.copyOf(initiatives);
        makers = Set.copyOf(makers);
    }

    public static final QueueScope EVERYTHING = new QueueScope(true, Set.of(), Set.of());

    public static QueueScope of(Actor actor) {
        if (actor.has(Role.SECRETARIAT) || actor.has(Role.AUDITOR)) {
            return EVERYTHING;
        }
        Set<String> initiatives = actor.has(Role.LEADER) ? actor.ledInitiatives() : Set.of();
        Set<String> makers = actor.has(Role.ALLY) ? actor.makers() : Set.of();
        return new QueueScope(false, new LinkedHashSet<>(initiatives), new LinkedHashSet<>(makers));
    }

    /** Whether a pledge of {@code makerId} waiting for {@code initiativeId}'s decision is in scope. */
    public boolean sees(String initiativeId, String makerId) {
        return everything || initiatives.contains(initiativeId) || (makerId != null && makers.contains(makerId));
    }
}
