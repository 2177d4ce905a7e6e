package org.equalityledger.service.query;

import java.time.Instant;
import java.util.List;

import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.api.query.makers.MakerById;
import org.equalityledger.api.query.makers.MakerProfile;
import org.equalityledger.api.query.queue.PendingDecisions;
import org.equalityledger.api.query.queue.QueueScope;
import org.equalityledger.api.query.queue.ValidationQueue;
import org.equalityledger.api.query.reporting.CycleCompliance;
import org.equalityledger.api.query.reporting.ReportingCycleCompliance;
import org.equalityledger.service.security.CurrentActor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Reporting-cycle compliance, maker profiles and the validation queue, with CSV exports. */
@RestController
@RequestMapping("/api")
public class ReportingQueryController {

    private final QueryGateway queries;
    private final ImplementationPeriod implementationPeriod;
    private final ReadYourWrites readYourWrites;
    private final CurrentActor currentActor;

    ReportingQueryController(QueryGateway queries, ImplementationPeriod implementationPeriod, ReadYourWrites readYourWrites,
                             CurrentActor currentActor) {
        this.queries = queries;
        this.implementationPeriod = implementationPeriod;
        this.readYourWrites = readYourWrites;
        this.currentActor = currentActor;
    }

    /** Who was expected to report for the year and who did: of one initiative's commitments, now or as recorded at {@code asOf}. */
    @GetMapping("/reporting-cycles/{year}")
    public CycleCompliance cycle(@PathVariable int year, @RequestParam(required = false) String initiative,
                                 @RequestParam(required = false) Instant asOf) {
        return Queries.answer(queries, compliance(implementationPeriod, year, initiative, asOf), CycleCompliance.class);
    }

    @GetMapping(value = "/reporting-cycles/{year}/export.csv", produces = "text/csv")
    public ResponseEntity<String> cycleCsv(@PathVariable int year, @RequestParam(required = false) String initiative,
                                           @RequestParam(required = false) Instant asOf) {
        CycleCompliance cycle = cycle(year, initiative, asOf);
        StringBuilder out = new StringBuilder(Csv.line(List.of("Commitment", "Title", "Commitment maker", "Initiatives", "Reporting")));
        for (CycleCompliance.Expected c : cycle.commitments()) {
            out.append(Csv.line(List.of(c.commitmentId(), c.title(), c.maker(), c.initiatives(),
                    switch (c.reporting()) {
                        case "reported" -> "Reported";
                        case "reportedLate" -> "Reported late";
                        case "overdue" -> "Overdue";
                        default -> "Not yet due";
                    })));
        }
        return csv("reporting-cycle-" + year + ".csv", out.toString());
    }

    /** The question for a year's cycle; refused (404) for a year outside the implementation period. */
    public static ReportingCycleCompliance compliance(ImplementationPeriod implementationPeriod, int year, String initiative,
                                                      Instant asOf) {
        if (!implementationPeriod.contains(year)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no reporting cycle for " + year
                    + " (the implementation period is " + implementationPeriod + ")");
        }
        return new ReportingCycleCompliance(year, initiative, asOf);
    }

    @GetMapping("/commitment-makers/{makerId}")
    public MakerProfile maker(@PathVariable String makerId, @RequestParam(required = false) Instant asOf) {
        MakerProfile maker = asOf != null ? Queries.optional(queries, new MakerById(makerId, asOf), MakerProfile.class).orElse(null)
                : readYourWrites.onceApplied(ReadYourWrites.COMMITMENTS, makerId,
                        () -> Queries.optional(queries, new MakerById(makerId), MakerProfile.class).orElse(null));
        if (maker == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, asOf == null ? "no commitment maker " + makerId
                    : "no commitment maker " + makerId + " was recorded by " + asOf);
        }
        return maker;
    }

    /**
     * Pledges waiting for a decision that the caller may see (see {@link QueueScope}), overdue first:
     * a leader those of the initiatives it leads, an ally those of its makers, the secretariat and
     * auditors all.
     */
    @GetMapping("/validation-queue")
    public ValidationQueue queue(@RequestParam(required = false) String initiative,
                                 @RequestParam(defaultValue = "false") boolean overdue) {
        return Queries.answer(queries, new PendingDecisions(initiative, overdue, QueueScope.of(currentActor.get())),
                ValidationQueue.class);
    }

    @GetMapping(value = "/validation-queue/export.csv", produces = "text/csv")
    public ResponseEntity<String> queueCsv(@RequestParam(required = false) String initiative,
                                           @RequestParam(defaultValue = "false") boolean overdue) {
        StringBuilder out = new StringBuilder(Csv.line(List.of("Commitment", "Title", "Commitment maker", "Initiative",
                "Pledged at", "Decision due by", "Overdue")));
        for (ValidationQueue.Pending q : queue(initiative, overdue).items()) {
            out.append(Csv.line(List.of(q.commitmentId(), q.title(), q.maker(), q.initiativeName(), q.pledgedAt(), q.dueBy(),
                    q.overdue() ? "yes" : "no")));
        }
        return csv("validation-queue.csv", out.toString());
    }

    static ResponseEntity<String> csv(String filename, String body) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)).body(body);
    }
}
