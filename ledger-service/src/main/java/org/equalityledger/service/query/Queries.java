package org.equalityledger.service.query;

import java.util.Optional;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/** Sends a read-side query over Axon's query bus and waits for its typed answer. */
public final class Queries {

    private Queries() {
    }

    public static <A> A answer(QueryGateway gateway, Object query, Class<A> answer) {
        return gateway.query(query, ResponseTypes.instanceOf(answer)).join();
    }

    /** An answer that may be missing (no such commitment, maker, initiative). */
    public static <A> Optional<A> optional(QueryGateway gateway, Object query, Class<A> answer) {
        return gateway.query(query, ResponseTypes.optionalInstanceOf(answer)).join();
    }
}
