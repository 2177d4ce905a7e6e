package org.equalityledger.service.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.query.commitments.CommitmentById;
import org.equalityledger.api.query.commitments.CommitmentFilter;
import org.equalityledger.api.query.commitments.CommitmentList;
import org.equalityledger.api.query.commitments.CommitmentMoneyMovements;
import org.equalityledger.api.query.commitments.CommitmentPage;
import org.equalityledger.api.query.commitments.CommitmentRow;
import org.equalityledger.api.query.commitments.CommitmentView;
import org.equalityledger.api.query.commitments.MoneyMovementsOf;
import org.equalityledger.api.query.rates.MoneyMovement;
import org.equalityledger.projections.reference.Names;
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
    private final ReadYourWrites readYourWrites;

    CommitmentQueryController(QueryGateway queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/commitments/{id}")
    public CommitmentView commitment(@PathVariable String id, @RequestParam(required = false) Instant asOf) {
        CommitmentView view = asOf != null ? find(id, asOf)
                : readYourWrites.onceApplied(ReadYourWrites.COMMITMENTS, id, () -> find(id, null));
        if (view == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, asOf == null ? "no commitment " + id
                    : "no commitment " + id + " was recorded by " + asOf);
        }
        return view;
    }

    private CommitmentView find(String id, Instant asOf) {
        return Queries.optional(queries, new CommitmentById(id, asOf), CommitmentView.class).orElse(null);
    }


    /** A page of commitments, filtered; scans the list rows (cost grows with the number of commitments). */
    @GetMapping("/commitments")
    public CommitmentPage list(@RequestParam(required = false) String initiative, @RequestParam(required = false) String action,
                              @RequestParam(required = false) String group, @RequestParam(required = false) String country,
                              @RequestParam(required = false) String status, @RequestParam(required = false) Integer year,
                              @RequestParam(required = false) String text, @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 1_000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page must be 0 or more and size between 1 and 1000");
        }
        return Queries.answer(queries, new CommitmentList(
                new CommitmentFilter(initiative, action, group, country, status, year, text), page, size), CommitmentPage.class);
    }

    /**
     * A money movement in a CSV cell: {@code pledged 2021-07-01: 150000000 CRC = 241650.00 USD at 0.001611 USD per CRC
     * (2021 rate, ledger position 12)}; without a recorded rate, {@code = not converted (no 2022 rate)}.
     */
    static String movement(MoneyMovement m) {
        String head = m.kind().toLowerCase(Locale.ROOT) + (m.inForce() ? "" : " (superseded)") + " "
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
        CommitmentPage all = Queries.answer(queries,
                CommitmentList.all(new CommitmentFilter(initiative, action, group, country, status, year, text)), CommitmentPage.class);
        Map<String, List<MoneyMovement>> movements = Queries.answer(queries,
                new MoneyMovementsOf(all.items().stream().map(CommitmentRow::commitmentId).toList()),
                CommitmentMoneyMovements.class).byCommitment();
        for (CommitmentRow row : all.items()) {
            List<Object> fields = new ArrayList<>();
            fields.add(row.commitmentId());
            fields.add(row.title());
            fields.add(row.makerName());
            fields.add(Names.group(row.stakeholderGroup()));
            fields.add(Names.words(row.hemisphere()));
            fields.add(Names.country(row.country()));
            fields.add(Names.words(row.region()));
            fields.add(row.initiativeNames());
            fields.add(row.actionNames());
            fields.add(Names.words(row.status()));
            fields.add(row.types().stream().map(Names::words).toList());
            fields.add(row.startYear());
            fields.add(row.endYear());
            fields.add(row.financialAmount());
            fields.add(row.financialCurrency());
            fields.add(row.financialCommitmentExpected() ? "yes" : "no");
            fields.add(row.reportedYears());
            fields.add(row.lateYears());
            fields.add(Names.words(row.latestProgress()));
            fields.add(row.pendingDecisions());
            fields.add(movements.getOrDefault(row.commitmentId(), List.of()).stream()
                    .map(CommitmentQueryController::movement).toList());
            out.append(Csv.line(fields));
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"commitments.csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)).body(out.toString());
    }
}
