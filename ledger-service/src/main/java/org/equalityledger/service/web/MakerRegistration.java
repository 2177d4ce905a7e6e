package org.equalityledger.service.web;

import java.util.LinkedHashSet;
import java.util.Set;

import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Role;
import org.equalityledger.api.maker.Hemisphere;
import org.equalityledger.api.maker.RegisterCommitmentMaker;
import org.equalityledger.api.maker.StakeholderGroup;
import org.equalityledger.service.security.CurrentActor;
import org.springframework.stereotype.Component;

/**
 * Registers a commitment maker for the API and the ally's workspace alike. An ally (not the secretariat)
 * registers the maker it will act for: the command is sent as acting for the new maker, and the login
 * acts for it from then on.
 */
@Component
public class MakerRegistration {

    private final CommandDispatcher commands;
    private final CurrentActor currentActor;

    public MakerRegistration(CommandDispatcher commands, CurrentActor currentActor) {
        this.commands = commands;
        this.currentActor = currentActor;
    }

    /** Registers the maker and answers its new id. */
    public String register(String name, StakeholderGroup group, Hemisphere hemisphere, String country) {
        Actor login = currentActor.get();
        String makerId = Ids.newMakerId();
        boolean selfRegistration = login.has(Role.ALLY) && !login.has(Role.SECRETARIAT);
        Actor actor = login;
        if (selfRegistration) {
            Set<String> makers = new LinkedHashSet<>(login.makers());
            makers.add(makerId);
            actor = new Actor(login.userId(), login.roles(), login.ledInitiatives(), makers);
        }
        Actor by = actor;
        commands.send(Validation.build(() -> new RegisterCommitmentMaker(makerId, name, group, hemisphere, country, by)),
                by, null);
        if (selfRegistration) {
            currentActor.recordSelfRegistration(login.userId(), makerId);
        }
        return makerId;
    }
}
