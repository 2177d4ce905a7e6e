package org.equalityledger.service.web;

import java.net.URI;

import org.equalityledger.api.common.Actor;
import org.equalityledger.api.reporting.CloseReportingCycle;
import org.equalityledger.api.reporting.OpenReportingCycle;
import org.equalityledger.service.security.CurrentActor;
import org.equalityledger.service.web.Requests.OpenCycleRequest;
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
@RequestMapping("/api/reporting-cycles")
@Tag(name = "Reporting cycles", description = "The yearly mutual-accountability reporting")
public class ReportingCycleController {

    private final CommandDispatcher commands;
    private final CurrentActor currentActor;

    public ReportingCycleController(CommandDispatcher commands, CurrentActor currentActor) {
        this.commands = commands;
        this.currentActor = currentActor;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open the reporting cycle of a year, with its deadline (secretariat)",
            description = "Reports on that year filed after the deadline are marked late.")
    @ApiResponse(responseCode = "201", description = "opened; Location names the cycle")
    public ResponseEntity<Outcome> open(@RequestBody OpenCycleRequest request) {
        Actor actor = currentActor.get();
        commands.send(Validation.build(() -> new OpenReportingCycle(request.year(), request.deadline(), actor)),
                actor, null);
        return ResponseEntity.created(URI.create("/api/reporting-cycles/" + request.year()))
                .body(Outcome.of(String.valueOf(request.year()), "cycle-opened"));
    }

    @PostMapping("/{year}/closure")
    @Operation(summary = "Close the reporting cycle of a year (secretariat)")
    @ApiResponse(responseCode = "200", description = "closed")
    public Outcome close(@PathVariable int year) {
        Actor actor = currentActor.get();
        commands.send(Validation.build(() -> new CloseReportingCycle(year, actor)), actor, null);
        return Outcome.of(String.valueOf(year), "cycle-closed");
    }
}
