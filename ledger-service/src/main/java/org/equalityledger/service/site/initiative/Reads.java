package org.equalityledger.service.site.initiative;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.common.LocalizedName;
import org.equalityledger.api.query.ReadAnswer;
import org.equalityledger.api.query.dashboards.Dashboard;
import org.equalityledger.api.query.dashboards.DashboardQuery;
import org.equalityledger.api.query.initiatives.FindInitiative;
import org.equalityledger.api.query.initiatives.InitiativeAnswer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The questions the initiative pages ask the query gateway (the same typed queries the API answers),
 * with what the pages need around them: an unknown scope is a 404 page.
 */
@Component
class Reads {

    private static final TypeReference<Map<String, String>> BY_LANGUAGE = new TypeReference<>() {
    };

    private final QueryGateway queries;
    private final ObjectMapper json;

    Reads(QueryGateway queries, ObjectMapper json) {
        this.queries = queries;
        this.json = json;
    }

    <A> A answer(Object query, Class<A> answer) {
        return queries.query(query, ResponseTypes.instanceOf(answer)).join();
    }

    <A> Optional<A> optional(Object query, Class<A> answer) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(answer)).join();
    }

    /** The initiative as recorded at {@code asOf} (now when null); a 404 when it did not exist then. */
    InitiativeAnswer initiative(String id, Instant asOf) {
        return optional(new FindInitiative(id, asOf), InitiativeAnswer.class).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, asOf == null ? "no initiative " + id : "no initiative " + id + " was recorded by " + asOf));
    }

    /** A scope's dashboard over every year; a 404 when the ledger holds no such scope. */
    Dashboard dashboard(String scope, Instant asOf) {
        return optional(new DashboardQuery(scope, null, asOf), Dashboard.class)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no dashboard " + scope));
    }

    /** A name by language, whichever languages the ledger holds it in, for {@code site.name}. */
    Map<String, String> names(LocalizedName name) {
        return name == null ? Map.of() : json.convertValue(name, BY_LANGUAGE);
    }

    /** A page built from several answers reflects the least advanced of them. */
    static ReadAnswer least(ReadAnswer... answers) {
        return Stream.of(answers).min(Comparator.comparingLong(ReadAnswer::asOfPosition)).orElseThrow();
    }
}
