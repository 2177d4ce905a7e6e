package org.equalityledger.service.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;
import org.equalityledger.api.query.rates.MoneyMovement;
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

    public CommitmentQueryController(QueryGateway queries, ReadSide read) {
        this.queries = queries;
        this.read = read;
    }

    @GetMapping("/commitments/{id}")
    public Map<String, Object> commitment(@PathVariable String id, @RequestParam(required = false) Instant asOf) {
        Map<String, Object> view = Queries.one(queries, new ReadSideQueries.CommitmentById(id, asOf));
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

    /**
     * A money movement in a CSV cell: {@code pledged 2021-07-01: 150000000 CRC = 241650.00 USD at 0.001611 USD per CRC
     * (2021 rate, ledger position 12)}; without a recorded rate, {@code = not converted (no 2022 rate)}.
     */
    static String movement(MoneyMovement m) {
        String head = m.kind().toLowerCase(java.util.Locale.ROOT) + (m.inForce() ? "" : " (superseded)") + " "
                + (m.recordedAt() == null ? "" : m.recordedAt().toString().substring(0, 10)) + ": ";
        if (m.amount() == null) {
            return head + "removed";
        }
        String money = m.amount().toPlainString() + " " + m.currency();
        if (m.usd() == null) {
            return head + money + " = not converted (no " + m.rateYear() + " rate)";
        }
        return head + money + " = " + m.usd().toPlainString() + " USD" + (m.rate() == null ? ""
                : " at " + m.rate().usdPerUnit().toPlainString() + " USD per " + m.currency() + " (" + m.rateYear()
                + " rate, ledger position " + m.rate().position() + ")");
    }

    /** The same list, every matching row, as CSV with names rather than codes; a column lists the money movements. */
    @GetMapping(value = "/commitments/export.csv", produces = "text/csv")
    public ResponseEntity<String> csv(@RequestParam(required = false) String initiative, @RequestParam(required = false) String action,
                                      @RequestParam(required = false) String group, @RequestParam(required = false) String country,
                                      @RequestParam(required = false) String status, @RequestParam(required = false) Integer year,
                                      @RequestParam(required = false) String text) {
        StringBuilder out = new StringBuilder(Csv.line(List.of("Commitment", "Title", "Commitment maker", "Stakeholder group",
                "Global South/North", "Country", "Region", "Initiatives", "Actions", "Status", "Types", "Start year", "End year",
                "Pledged amount", "Currency", "Financial commitment expected", "Years reported", "Years reported late",
                "Latest declared progress", "Decisions pending from", "Money movements")));
        List<Document> rows = read.matching(new ListFilter(initiative, action, group, country, status, year, text));
        Map<String, List<MoneyMovement>> movements = read.moneyMovements(rows.stream().map(r -> r.getString("_id")).toList());
        for (Document row : rows) {
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
            fields.add(movements.getOrDefault(row.getString("_id"), List.of()).stream().map(CommitmentQueryController::movement).toList());
            out.append(Csv.line(fields));
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"commitments.csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)).body(out.toString());
    }
}
