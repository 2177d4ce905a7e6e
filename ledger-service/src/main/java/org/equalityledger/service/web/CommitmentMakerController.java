package org.equalityledger.service.web;

import java.net.URI;

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

    private final MakerRegistration registration;

    public CommitmentMakerController(MakerRegistration registration) {
        this.registration = registration;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a commitment maker (secretariat, or an ally for itself)",
            description = "The server mints the maker's id. An ally who registers a maker acts for it from then on.")
    @ApiResponse(responseCode = "201", description = "registered; Location names the maker")
    public ResponseEntity<Outcome> register(@RequestBody RegisterMakerRequest request) {
        String makerId = registration.register(request.name(), request.stakeholderGroup(), request.hemisphere(),
                request.country());
        return ResponseEntity.created(URI.create("/api/commitment-makers/" + makerId))
                .body(Outcome.of(makerId, "registered"));
    }
}
