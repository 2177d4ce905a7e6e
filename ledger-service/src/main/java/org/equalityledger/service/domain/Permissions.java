package org.equalityledger.service.domain;

import java.util.Collection;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.NotPermittedException;
import org.equalityledger.api.common.Role;

/**
 * Who may do what. Every check refuses auditors first: an auditor reads everything and changes
 * nothing, whatever other role the same account holds (separation of duties).
 */
public final class Permissions {

    private Permissions() {
    }

    private static void notAuditor(Actor actor) {
        if (actor.has(Role.AUDITOR)) {
            throw new NotPermittedException("an auditor reads everything and changes nothing");
        }
    }

    /** Only the secretariat may {@code what}. */
    public static void secretariat(Actor actor, String what) {
        notAuditor(actor);
        if (!actor.has(Role.SECRETARIAT)) {
            throw new NotPermittedException("only the secretariat may " + what);
        }
    }

    /** Only the secretariat, or an ally acting for {@code makerId} itself, may {@code what}. */
    public static void secretariatOrAllyOf(Actor actor, String makerId, String what) {
        notAuditor(actor);
        if (!actor.has(Role.SECRETARIAT) && !actor.actsFor(makerId)) {
            throw new NotPermittedException("only the secretariat, or an ally acting for " + makerId
                    + " itself, may " + what);
        }
    }

    /** Only an ally acting for {@code makerId} may {@code what}. */
    public static void allyOf(Actor actor, String makerId, String what) {
        notAuditor(actor);
        if (!actor.actsFor(makerId)) {
            throw new NotPermittedException("only an ally acting for maker " + makerId + " may " + what);
        }
    }

    /** Only an ally acting for one of {@code makerIds} (the maker or a co-maker) may {@code what}. */
    public static void allyOfAny(Actor actor, Collection<String> makerIds, String what) {
        notAuditor(actor);
        if (makerIds.stream().noneMatch(actor::actsFor)) {
            throw new NotPermittedException("only an ally acting for the maker or a co-maker may " + what);
        }
    }

    /** Only the leadership of {@code initiativeId} may {@code what}. */
    public static void leaderOf(Actor actor, String initiativeId, String what) {
        notAuditor(actor);
        if (!actor.leads(initiativeId)) {
            throw new NotPermittedException("only the leadership of initiative " + initiativeId + " may " + what);
        }
    }
}
