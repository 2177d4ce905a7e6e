package org.equalityledger.service.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.api.query.queue.QueueScope;
import org.equalityledger.projections.query.ReadSideQueries;
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
    private final CurrentActor currentActor;

    public ReportingQueryController(QueryGateway queries, ImplementationPeriod implementationPeriod,
                                    CurrentActor currentActor) {
        this.queries = queries;
        this.implementationPeriod = implementationPeriod;
        this.currentActor = currentActor;
    }

    @GetMapping("/reporting-cycles/{year}")
    public Map<String, Object> cycle(@PathVariable int year) {
        checkYear(year);
        return Queries.one(queries, new ReadSideQueries.ReportingCycleCompliance(year));
    }

    @GetMapping(value = "/reporting-cycles/{year}/export.csv", produces = "text/csv")
    public ResponseEntity<String> cycleCsv(@PathVariable int year) {
        checkYear(year);
        Map<String, Object> cycle = Queries.one(queries, new ReadSideQueries.ReportingCycleCompliance(year));
        StringBuilder out = new StringBuilder(Csv.line(List.of("Commitment", "Title", "Commitment maker", "Initiatives", "Reporting")));
        for (Object o : (List<?>) cycle.get("commitments")) {
            Map<?, ?> c = (Map<?, ?>) o;
            out.append(Csv.line(List.of(c.get("commitmentId"), c.get("title"), c.get("maker"), c.get("initiatives"),
                    switch (String.valueOf(c.get("reporting"))) {
                        case "reported" -> "Reported";
                        case "reportedLate" -> "Reported late";
                        case "overdue" -> "Overdue";
                        default -> "Not yet due";
                    })));
        }
        return csv("reporting-cycle-" + year + ".csv", out.toString());
    }

    private void checkYear(int year) {
        if (!implementationPeriod.contains(year)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no reporting cycle for " + year
                    + " (the implementation period is " + implementationPeriod + ")");
        }
    }

    @GetMapping("/commitment-makers/{makerId}")
    public Map<String, Object> maker(@PathVariable String makerId) {
        Map<String, Object> maker = Queries.one(queries, new ReadSideQueries.MakerProfile(makerId));
        if (maker == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no commitment maker " + makerId);
        }
        return maker;
    }

    /**
     * Pledges waiting for a decision that the caller may see (see {@link QueueScope}), overdue first:
     * a leader those of the initiatives it leads, an ally those of its makers, the secretariat and
     * auditors all.
     */
    @GetMapping("/validation-queue")
    public List<Map<String, Object>> queue(@RequestParam(required = false) String initiative,
                                           @RequestParam(defaultValue = "false") boolean overdue) {
        return Queries.list(queries, scopedQueue(initiative, overdue));
    }

    @GetMapping(value = "/validation-queue/export.csv", produces = "text/csv")
    public ResponseEntity<String> queueCsv(@RequestParam(required = false) String initiative,
                                           @RequestParam(defaultValue = "false") boolean overdue) {
        StringBuilder out = new StringBuilder(Csv.line(List.of("Commitment", "Title", "Commitment maker", "Initiative",
                "Pledged at", "Decision due by", "Overdue")));
        for (Map<String, Object> q : Queries.list(queries, scopedQueue(initiative, overdue))) {
            List<Object> fields = new ArrayList<>(List.of(q.get("commitmentId"), q.get("title"), q.get("maker"),
                    q.get("initiativeName"), q.get("pledgedAt"), q.get("dueBy"), Boolean.TRUE.equals(q.get("overdue")) ? "yes" : "no"));
            out.append(Csv.line(fields));
        }
        return csv("validation-queue.csv", out.toString());
    }

    private ReadSideQueries.ValidationQueue scopedQueue(String initiative, boolean overdueOnly) {
        return new ReadSideQueries.ValidationQueue(initiative, overdueOnly, QueueScope.of(currentActor.get()));
    }

    static ResponseEntity<String> csv(String filename, String body) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)).body(body);
    }
}
