package org.equalityledger.service.web;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Role;
import org.equalityledger.api.maker.RegisterCommitmentMaker;
import org.equalityledger.service.security.CurrentActor;
import org.equalityledger.service.web.Requests.RegisterMakerRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/commitment-makers")
@Tag(name = "Commitment makers")
public class CommitmentMakerController {

    private final CommandDispatcher commands;
    private final CurrentActor currentActor;

    public CommitmentMakerController(CommandDispatcher commands, CurrentActor currentActor) {
        this.commands = commands;
        this.currentActor = currentActor;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a commitment maker (secretariat, or an ally for itself)",
            description = "The server mints the maker's id. An ally who registers a maker acts for it from then on.")
    @ApiResponse(responseCode = "201", description = "registered; Location names the maker")
    public ResponseEntity<Outcome> register(@RequestBody RegisterMakerRequest request) {
        Actor login = currentActor.get();
        String makerId = Ids.newMakerId();
        // Self-registration: an ally (not the secretariat) registers the maker it will act for.
        boolean selfRegistration = login.has(Role.ALLY) && !login.has(Role.SECRETARIAT);
        Actor actor = login;
        if (selfRegistration) {
            Set<String> makers = new LinkedHashSet<>(login.makers());
            makers.add(makerId);
            actor = new Actor(login.userId(), login.roles(), login.ledInitiatives(), makers);
        }
        Actor by = actor;
        commands.send(Validation.build(() -> new RegisterCommitmentMaker(makerId, request.name(),
                request.stakeholderGroup(), request.hemisphere(), request.country(), by)), by, null);
        if (selfRegistration) {
            currentActor.recordSelfRegistration(login.userId(), makerId);
        }
        return ResponseEntity.created(URI.create("/api/commitment-makers/" + makerId))
                .body(Outcome.of(makerId, "registered"));
    }
}
