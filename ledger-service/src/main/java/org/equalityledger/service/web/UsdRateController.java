package org.equalityledger.service.web;

import java.net.URI;

import org.equalityledger.api.common.Actor;
import org.equalityledger.api.rates.RecordUsdRate;
import org.equalityledger.service.security.CurrentActor;
import org.equalityledger.service.web.Requests.UsdRateRequest;
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
@RequestMapping("/api/usd-rates")
@Tag(name = "US-dollar rates", description = "The rates the ledger converts money at, each a recorded fact with its source")
public class UsdRateController {

    private final CommandDispatcher commands;
    private final CurrentActor currentActor;

    public UsdRateController(CommandDispatcher commands, CurrentActor currentActor) {
        this.commands = commands;
        this.currentActor = currentActor;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the US-dollar rate of a currency for a year (secretariat)",
            description = "US dollars per unit of the currency, the year's average, for a year of the implementation "
                    + "period, with its source. A rate already recorded is corrected by recording another with a "
                    + "reason: it supersedes the first, and both stay in the ledger. The dashboards convert every "
                    + "movement of that currency and year at the new rate from its position on.")
    @ApiResponse(responseCode = "201", description = "recorded; Location names the rates in force for the currency and year")
    public ResponseEntity<Outcome> record(@RequestBody UsdRateRequest request) {
        Actor actor = currentActor.get();
        commands.send(Validation.build(() -> new RecordUsdRate(request.currency(), request.year(), request.usdPerUnit(),
                request.source(), request.reason(), actor)), actor, request.reason());
        String id = request.currency() + "-" + request.year();
        return ResponseEntity.created(URI.create("/api/usd-rates?currency=" + request.currency() + "&year=" + request.year()))
                .body(Outcome.of(id, "usd-rate-recorded"));
    }
}
