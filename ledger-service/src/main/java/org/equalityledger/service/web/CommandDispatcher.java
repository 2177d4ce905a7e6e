package org.equalityledger.service.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.FieldError;
import org.equalityledger.service.eventstore.LedgerEvents;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sends a command on behalf of the logged-in actor and waits for it. The actor's user id goes into
 * the command's metadata as {@code actor} and the user's reason (where the request gives one) as
 * {@code reason}; the correlation data providers copy both, with the correlation id, onto every event
 * the command causes. The answer carries the ledger position of the command's last event (header
 * {@value #POSITION_HEADER}, and {@code position} in an {@link Outcome}): a read that asks for at
 * least that position ({@code minPosition}) sees what the command did.
 */
@Component
public class CommandDispatcher {

    public static final String ACTOR = "actor";
    public static final String REASON = "reason";
    public static final String POSITION_HEADER = "Ledger-Position";
    public static final String POSITION = CommandDispatcher.class.getName() + ".position";

    private final CommandGateway gateway;
    private final LedgerEvents ledger;

    public CommandDispatcher(CommandGateway gateway, LedgerEvents ledger) {
        this.gateway = gateway;
        this.ledger = ledger;
    }

    /**
     * Sends the command and waits; answers what its handler returned (remarks for the answer, or null). The
     * position of the command's last event (the ledger's head if it recorded none) goes into the
     * {@value #POSITION_HEADER} header and the {@link Outcome}.
     */
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
        List<R> result = new ArrayList<>(1);
        long position = ledger.positionAfter(() -> result.add(
                gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata))));
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            request.getRequest().setAttribute(POSITION, position);
            if (request.getResponse() != null) {
                request.getResponse().setHeader(POSITION_HEADER, String.valueOf(position));
            }
        }
        return result.get(0);
    }
}
