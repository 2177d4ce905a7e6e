package org.equalityledger.service.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.FieldError;
import org.equalityledger.api.initiative.AssignGovernanceRole;
import org.equalityledger.api.initiative.DefineAction;
import org.equalityledger.api.initiative.ExtendPresidency;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.api.initiative.LaunchInitiative;
import org.equalityledger.service.security.CurrentActor;
import org.equalityledger.service.web.Requests.AssignRoleRequest;
import org.equalityledger.service.web.Requests.DefineActionRequest;
import org.equalityledger.service.web.Requests.ExtendPresidencyRequest;
import org.equalityledger.service.web.Requests.LaunchInitiativeRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/initiatives")
@Tag(name = "Initiatives", description = "Action coalitions, compacts, alliances, working groups, coordination tables")
public class InitiativeController {

    private final CommandDispatcher commands;
    private final CurrentActor currentActor;
    private final ImplementationPeriod implementationPeriod;

    public InitiativeController(CommandDispatcher commands, CurrentActor currentActor,
                                ImplementationPeriod implementationPeriod) {
        this.commands = commands;
        this.currentActor = currentActor;
        this.implementationPeriod = implementationPeriod;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Launch an initiative (secretariat)",
            description = "The id defaults to the code in lower case. " + Ids.INITIATIVE_ID_RULE + ".")
    @ApiResponse(responseCode = "201", description = "launched; Location names the initiative")
    public ResponseEntity<Outcome> launch(@RequestBody LaunchInitiativeRequest request) {
        Actor actor = currentActor.get();
        String id = request.id() != null ? request.id() : Ids.initiativeIdFromCode(request.code());
        List<FieldError> errors = new ArrayList<>();
        if (id != null && !Ids.isInitiativeId(id)) {
            errors.add(new FieldError(request.id() != null ? "id" : "code", Ids.INITIATIVE_ID_RULE));
        }
        // A year left out is the configured period's, filled in here (the aggregate would too) so that a
        // lone end year before the period's start is answered together with the launch's other bad fields.
        Integer first = request.periodStartYear() != null ? request.periodStartYear() : implementationPeriod.firstYear();
        Integer last = request.periodEndYear() != null ? request.periodEndYear() : implementationPeriod.lastYear();
        LaunchInitiative command = Validation.build(errors,
                java.util.Map.of("initiativeId", request.id() != null || request.code() == null ? "id" : "code"), () -> new LaunchInitiative(id, request.kind(),
                request.code(), request.names(), first, last,
                request.parentInitiativeId(), actor));
        commands.send(command, actor, null);
        return ResponseEntity.created(URI.create("/api/initiatives/" + id)).body(Outcome.of(id, "launched"));
    }

    @PostMapping(path = "/{id}/actions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Define an action of the initiative's blueprint (secretariat)")
    @ApiResponse(responseCode = "200", description = "defined")
    public Outcome defineAction(@PathVariable String id, @RequestBody DefineActionRequest request) {
        Actor actor = currentActor.get();
        requireInitiativeId(id);
        commands.send(Validation.build(() -> new DefineAction(id, request.actionCode(), request.names(),
                request.targets(), actor)), actor, null);
        return Outcome.of(id, "action-defined");
    }

    @PostMapping(path = "/{id}/roles", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Assign a governance role for a term (secretariat)",
            description = "A presidency has one holder at a time, for one year (extendable once).")
    @ApiResponse(responseCode = "200", description = "assigned")
    public Outcome assignRole(@PathVariable String id, @RequestBody AssignRoleRequest request) {
        Actor actor = currentActor.get();
        requireInitiativeId(id);
        commands.send(Validation.build(() -> new AssignGovernanceRole(id, request.role(), request.holder(),
                request.term(), actor)), actor, null);
        return Outcome.of(id, "role-assigned");
    }

    @PostMapping(path = "/{id}/roles/presidency/extension")
    @Operation(summary = "Extend the latest presidency by a second year, once (secretariat)",
            description = "The body is optional.")
    @ApiResponse(responseCode = "200", description = "extended")
    public Outcome extendPresidency(@PathVariable String id,
                                    @RequestBody(required = false) ExtendPresidencyRequest request) {
        Actor actor = currentActor.get();
        requireInitiativeId(id);
        String reason = request == null ? null : request.reason();
        commands.send(Validation.build(() -> new ExtendPresidency(id, reason, actor)), actor, reason);
        return Outcome.of(id, "presidency-extended");
    }

    private static void requireInitiativeId(String id) {
        if (!Ids.isInitiativeId(id)) {
            throw new UnknownResourceException("no initiative has the id " + id);
        }
    }
}
