package org.equalityledger.service.config;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.initiative.AssignGovernanceRole;
import org.equalityledger.api.initiative.DefineAction;
import org.equalityledger.api.initiative.LaunchInitiative;
import org.equalityledger.service.domain.initiative.ReferenceSet;
import org.equalityledger.service.eventstore.LedgerEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the reference set of initiatives at start (by default in embedded mode only, see
 * {@code ledger.reference-set.load}) so that a new user finds the coalitions, the compact, the Global
 * Alliance for Care and the Mexico cooperation table at hand. Each command is sent with the domain's
 * clock (Axon's event clock) at its historical instant, so its events are recorded then, as the demo
 * data's are: the clock is the process's, so this runs at start, before anyone else writes. An
 * initiative already in the ledger is left as it is, with its actions and roles: loading twice changes
 * nothing.
 */
public class ReferenceSetLoader {

    public static final String LOADER = "reference-loader";
    private static final Logger log = LoggerFactory.getLogger(ReferenceSetLoader.class);

    private final CommandGateway commands;
    private final LedgerEvents ledger;

    public ReferenceSetLoader(CommandGateway commands, LedgerEvents ledger) {
        this.commands = commands;
        this.ledger = ledger;
    }

    /** Sends the commands of every initiative not yet in the ledger; returns how many initiatives were loaded. */
    public int load() {
        Actor secretariat = Actor.secretariat(LOADER);
        Set<String> present = new HashSet<>();
        Set<String> loaded = new HashSet<>();
        Clock original = GenericEventMessage.clock;
        try {
            for (ReferenceSet.Step step : ReferenceSet.shipped().steps(secretariat)) {
                Object command = step.command();
                String initiativeId = initiativeOf(command);
                if (command instanceof LaunchInitiative && ledger.holds(initiativeId)) {
                    present.add(initiativeId);
                }
                if (present.contains(initiativeId)) {
                    continue;
                }
                GenericEventMessage.clock = Clock.fixed(step.at(), ZoneOffset.UTC);
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                        .andMetaData(Map.of("actor", LOADER, "reason", "the reference set, loaded at start")));
                loaded.add(initiativeId);
            }
        } finally {
            GenericEventMessage.clock = original;
        }
        if (!loaded.isEmpty()) {
            log.info("Reference set: loaded {} initiatives {}", loaded.size(), loaded);
        }
        return loaded.size();
    }

    private static String initiativeOf(Object command) {
        if (command instanceof LaunchInitiative launch) {
            return launch.initiativeId();
        }
        if (command instanceof DefineAction define) {
            return define.initiativeId();
        }
        if (command instanceof AssignGovernanceRole assign) {
            return assign.initiativeId();
        }
        throw new IllegalStateException("the reference set holds an unexpected command " + command.getClass());
    }
}
