package org.equalityledger.service.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;
import org.equalityledger.projections.query.ListFilter;
import org.equalityledger.projections.query.Names;
import org.equalityledger.projections.query.ReadSide;
import org.equalityledger.projections.query.ReadSideQueries;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Commitments as readers see them: one (now or as of an instant), its history, lists and their CSV export. */
@RestController
@RequestMapping("/api")
public class CommitmentQueryController {

    private final QueryGateway queries;
    private final ReadSide read;
    private final ReadYourWrites readYourWrites;

    CommitmentQueryController(QueryGateway queries, ReadSide read, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.read = read;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/commitments/{id}")
    public Map<String, Object> commitment(@PathVariable String id, @RequestParam(required = false) Instant asOf) {
        Map<String, Object> view = asOf != null ? Queries.one(queries, new ReadSideQueries.CommitmentById(id, asOf))
                : readYourWrites.onceApplied(id, () -> Queries.one(queries, new ReadSideQueries.CommitmentById(id, null)));
        if (view == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, asOf == null ? "no commitment " + id
                    : "no commitment " + id + " was recorded by " + asOf);
        }
        return view;
    }


    /** A page of commitments, filtered; scans the list rows (cost grows with the number of commitments). */
    @GetMapping("/commitments")
    public ReadSide.Page list(@RequestParam(required = false) String initiative, @RequestParam(required = false) String action,
                              @RequestParam(required = false) String group, @RequestParam(required = false) String country,
                              @RequestParam(required = false) String status, @RequestParam(required = false) Integer year,
                              @RequestParam(required = false) String text, @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 1_000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page must be 0 or more and size between 1 and 1000");
        }
        return (ReadSide.Page) Queries.answer(queries, new ReadSideQueries.CommitmentList(
                new ListFilter(initiative, action, group, country, status, year, text), page, size));
    }

    /** The same list, every matching row, as CSV with names rather than codes. */
    @GetMapping(value = "/commitments/export.csv", produces = "text/csv")
    public ResponseEntity<String> csv(@RequestParam(required = false) String initiative, @RequestParam(required = false) String action,
                                      @RequestParam(required = false) String group, @RequestParam(required = false) String country,
                                      @RequestParam(required = false) String status, @RequestParam(required = false) Integer year,
                                      @RequestParam(required = false) String text) {
        StringBuilder out = new StringBuilder(Csv.line(List.of("Commitment", "Title", "Commitment maker", "Stakeholder group",
                "Global South/North", "Country", "Region", "Initiatives", "Actions", "Status", "Types", "Start year", "End year",
                "Pledged amount", "Currency", "Financial commitment expected", "Years reported", "Years reported late",
                "Latest declared progress", "Decisions pending from")));
        for (Document row : read.matching(new ListFilter(initiative, action, group, country, status, year, text))) {
            List<Object> fields = new ArrayList<>();
            fields.add(row.getString("_id"));
            fields.add(row.getString("title"));
            fields.add(row.getString("makerName"));
            fields.add(Names.group(row.getString("stakeholderGroup")));
            fields.add(Names.words(row.getString("hemisphere")));
            fields.add(Names.country(row.getString("country")));
            fields.add(Names.words(row.getString("region")));
            fields.add(row.getList("initiativeNames", String.class));
            fields.add(row.getList("actionNames", String.class));
            fields.add(Names.words(row.getString("status")));
            fields.add(row.getList("types", String.class).stream().map(Names::words).toList());
            fields.add(row.getInteger("startYear"));
            fields.add(row.getInteger("endYear"));
            fields.add(row.getString("financialAmount"));
            fields.add(row.getString("financialCurrency"));
            fields.add(row.getBoolean("financialCommitmentExpected") ? "yes" : "no");
            fields.add(row.getList("reportedYears", Integer.class));
            fields.add(row.getList("lateYears", Integer.class));
            fields.add(Names.words(row.getString("latestProgress")));
            fields.add(row.getList("pendingDecisions", String.class));
            out.append(Csv.line(fields));
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"commitments.csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)).body(out.toString());
    }
}
