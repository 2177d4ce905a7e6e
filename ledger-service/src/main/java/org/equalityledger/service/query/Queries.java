package org.equalityledger.service.query;

import java.util.List;
import java.util.Map;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.projections.query.ReadSideQueries;

/** Sends a read-side query over Axon's query bus and waits for the answer. */
final class Queries {

    private Queries() {
    }

    static Object answer(QueryGateway gateway, Object query) {
        return gateway.query(query, ResponseTypes.instanceOf(ReadSideQueries.Answer.class)).join().value();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> one(QueryGateway gateway, Object query) {
        return (Map<String, Object>) answer(gateway, query);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(QueryGateway gateway, Object query) {
        return (List<Map<String, Object>>) answer(gateway, query);
    }
}
