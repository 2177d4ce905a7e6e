package org.equalityledger.api.common;

import java.util.Set;

/**
 * The authenticated user behind a command, as the security layer established it.
 *
 * @param userId        the stable id of the user; recorded on every event as {@code by}
 * @param roles         what the user is
 * @param ledInitiatives ids of the initiatives whose leadership the user acts for (role LEADER)
 * @param makers        ids of the commitment makers the user acts for (role ALLY)
 */
public record Actor(String userId, Set<Role> roles, Set<String> ledInitiatives, Set<String> makers) {

    public Actor {
        roles = Copies.set(roles);
        ledInitiatives = Copies.set(ledInitiatives);
        makers = Copies.set(makers);
    }

    public static Actor secretariat(String userId) {
        return new Actor(userId, Set.of(Role.SECRETARIAT), Set.of(), Set.of());
    }

    public static Actor leaderOf(String userId, String... initiativeIds) {
        return new Actor(userId, Set.of(Role.LEADER), Set.of(initiativeIds), Set.of());
    }

    public static Actor allyOf(String userId, String... makerIds) {
        return new Actor(userId, Set.of(Role.ALLY), Set.of(), Set.of(makerIds));
    }

    public static Actor auditor(String userId) {
        return new Actor(userId, Set.of(Role.AUDITOR), Set.of(), Set.of());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** True when the user is a leader acting for the given initiative. */
    public boolean leads(String initiativeId) {
        return has(Role.LEADER) && ledInitiatives.contains(initiativeId);
    }

    /** True when the user is an ally acting for the given commitment maker. */
    public boolean actsFor(String makerId) {
        return has(Role.ALLY) && makers.contains(makerId);
    }

    static void check(Checks checks, Actor actor) {
        if (checks.notNull("actor", actor)) {
            checks.line("actor.userId", actor.userId(), 200);
        }
    }
}
