package org.equalityledger.service.query;

import java.time.Instant;

import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.initiative.InitiativeKind;
import org.equalityledger.api.query.initiatives.FindInitiative;
import org.equalityledger.api.query.initiatives.InitiativeActions;
import org.equalityledger.api.query.initiatives.InitiativeAnswer;
import org.equalityledger.api.query.initiatives.InitiativeList;
import org.equalityledger.api.query.initiatives.InitiativeRoles;
import org.equalityledger.api.query.initiatives.ListInitiatives;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Initiatives as readers see them, now or as the ledger recorded them at {@code asOf}. */
@RestController
@RequestMapping("/api/initiatives")
@Tag(name = "Initiatives", description = "Action coalitions, compacts, alliances, working groups, coordination tables")
public class InitiativeQueryController {

    private static final String AS_OF = "an instant (ISO 8601, e.g. 2021-03-31T00:00:00Z): the answer as the ledger recorded it then";

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    InitiativeQueryController(QueryGateway queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping
    @Operation(summary = "The initiatives: kind, names, parent, period, launch",
            description = "Ordered by id. Nothing launched after asOf appears.")
    public InitiativeList list(@Parameter(description = "only initiatives of this kind") @RequestParam(required = false) InitiativeKind kind,
                               @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf) {
        return Queries.answer(queries, new ListInitiatives(kind, asOf), InitiativeList.class);
    }

    @GetMapping("/{id}")
    @Operation(summary = "An initiative: its actions with their targets and progress, its governance, its commitments")
    @ApiResponse(responseCode = "404", description = "no such initiative, or not launched yet at asOf")
    public InitiativeAnswer one(@PathVariable String id,
                                @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf) {
        return find(id, asOf);
    }

    @GetMapping("/{id}/actions")
    @Operation(summary = "An initiative's actions, their measurable targets and the progress reported against them")
    @ApiResponse(responseCode = "404", description = "no such initiative, or not launched yet at asOf")
    public InitiativeActions actions(@PathVariable String id,
                                     @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf) {
        return InitiativeActions.of(find(id, asOf));
    }

    @GetMapping("/{id}/roles")
    @Operation(summary = "An initiative's governance roles: every holder with its term and extensions, and the presidency on the day")
    @ApiResponse(responseCode = "404", description = "no such initiative, or not launched yet at asOf")
    public InitiativeRoles roles(@PathVariable String id,
                                 @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf) {
        return InitiativeRoles.of(find(id, asOf));
    }

    /** Now, an initiative just launched is read once the read side holds it (its {@code Location} is readable at once). */
    private InitiativeAnswer find(String id, Instant asOf) {
        InitiativeAnswer answer = asOf != null ? findOrNull(id, asOf)
                : readYourWrites.onceApplied(ReadYourWrites.INITIATIVES, id, () -> findOrNull(id, null));
        if (answer == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, asOf == null ? "no initiative " + id
                    : "no initiative " + id + " was recorded by " + asOf);
        }
        return answer;
    }

    private InitiativeAnswer findOrNull(String id, Instant asOf) {
        return Queries.optional(queries, new FindInitiative(id, asOf), InitiativeAnswer.class).orElse(null);
    }
}
