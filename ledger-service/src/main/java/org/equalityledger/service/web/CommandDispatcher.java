package org.equalityledger.service.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.FieldError;
import org.springframework.stereotype.Component;

/**
 * Sends a command on behalf of the logged-in actor and waits for it. The actor's user id goes into
 * the command's metadata as {@code actor} and the user's reason (where the request gives one) as
 * {@code reason}; the correlation data providers copy both, with the correlation id, onto every event
 * the command causes.
 */
@Component
public class CommandDispatcher {

    public static final String ACTOR = "actor";
    public static final String REASON = "reason";

    private final CommandGateway gateway;

    public CommandDispatcher(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** Sends the command and waits; answers what its handler returned (remarks for the answer, or null). */
    public <R> R send(Object command, Actor actor, String reason) {
        List<FieldError> bodyErrors = BodyErrors.get();
        if (!bodyErrors.isEmpty()) {
            // Never dispatch a command read from a body that had bad values (they were read as nulls).
            throw new BadRequestBody(bodyErrors, null);
        }
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(ACTOR, actor.userId());
        if (reason != null && !reason.isBlank()) {
            metadata.put(REASON, reason);
        }
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
    }
}
