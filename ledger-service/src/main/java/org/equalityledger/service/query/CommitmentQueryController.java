package org.equalityledger.service.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.commitment.CommitmentStatus;
import org.equalityledger.api.commitment.CommitmentType;
import org.equalityledger.api.maker.StakeholderGroup;
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


    /**
     * A page of commitments, filtered, now or as recorded at {@code asOf}; scans the list rows (cost grows
     * with the number of commitments; as of an instant, with their events).
     */
    @GetMapping("/commitments")
    public CommitmentPage list(@RequestParam(required = false) String initiative, @RequestParam(required = false) String action,
                              @RequestParam(required = false) String group, @RequestParam(required = false) String country,
                              @RequestParam(required = false) String region, @RequestParam(required = false) String status,
                              @RequestParam(required = false) String type, @RequestParam(required = false) String maker,
                              @RequestParam(required = false) Integer year, @RequestParam(required = false) String text,
                              @RequestParam(required = false) Instant asOf, @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "50") int size) {
        return Queries.answer(queries, query(filter(initiative, action, group, country, region, status, type, maker, year, text),
                page, size, asOf), CommitmentPage.class);
    }

    /** The page asked for, refused (400) when the page or its size is out of bounds. */
    public static CommitmentList query(CommitmentFilter filter, int page, int size, Instant asOf) {
        if (page < 0 || size < 1 || size > 1_000) {
            throw bad("page must be 0 or more and size between 1 and 1000");
        }
        return new CommitmentList(filter, page, size, asOf);
    }

    /**
     * The filter of a list or export, refused (400) when a value cannot name anything: an unknown stakeholder
     * group, region, status or type (enum names, any case), a country that is not ISO 3166 alpha-2, a
     * text longer than 200 characters.
     */
    public static CommitmentFilter filter(String initiative, String action, String group, String country, String region,
                                          String status, String type, String maker, Integer year, String text) {
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            throw bad("country must be an ISO 3166 alpha-2 code, e.g. MX");
        }
        if (text != null && text.length() > 200) {
            throw bad("text must hold at most 200 characters");
        }
        return new CommitmentFilter(initiative, action, named("group", group, StakeholderGroup.class),
                country == null ? null : country.toUpperCase(Locale.ROOT), MakerQueryController.region(region),
                named("status", status, CommitmentStatus.class), named("type", type, CommitmentType.class), maker, year, text);
    }

    private static <E extends Enum<E>> String named(String parameter, String value, Class<E> names) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(names, value.toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException unknown) {
            throw bad(parameter + " must be one of " + java.util.Arrays.toString(names.getEnumConstants()));
        }
    }

    private static ResponseStatusException bad(String message) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
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

    /**
     * The same list, every matching row (now or as recorded at {@code asOf}), as CSV with names rather than
     * codes; a column lists the money movements.
     */
    @GetMapping(value = "/commitments/export.csv", produces = "text/csv")
    public ResponseEntity<String> csv(@RequestParam(required = false) String initiative, @RequestParam(required = false) String action,
                                      @RequestParam(required = false) String group, @RequestParam(required = false) String country,
                                      @RequestParam(required = false) String region, @RequestParam(required = false) String status,
                                      @RequestParam(required = false) String type, @RequestParam(required = false) String maker,
                                      @RequestParam(required = false) Integer year, @RequestParam(required = false) String text,
                                      @RequestParam(required = false) Instant asOf) {
        StringBuilder out = new StringBuilder(Csv.line(List.of("Commitment", "Title", "Commitment maker", "Stakeholder group",
                "Global South/North", "Country", "Region", "Initiatives", "Actions", "Status", "Types", "Start year", "End year",
                "Pledged amount", "Currency", "Financial commitment expected", "Years reported", "Years reported late",
                "Latest declared progress", "Decisions pending from", "Money movements")));
        CommitmentPage all = Queries.answer(queries, CommitmentList.all(
                filter(initiative, action, group, country, region, status, type, maker, year, text), asOf), CommitmentPage.class);
        Map<String, List<MoneyMovement>> movements = Queries.answer(queries,
                new MoneyMovementsOf(all.items().stream().map(CommitmentRow::commitmentId).toList(), asOf),
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
