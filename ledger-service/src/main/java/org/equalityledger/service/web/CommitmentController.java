package org.equalityledger.service.web;

import java.time.Instant;

import java.net.URI;
import java.util.List;

import org.equalityledger.api.commitment.AmendCommitment;
import org.equalityledger.api.commitment.CompleteCommitment;
import org.equalityledger.api.commitment.DecideOnPledge;
import org.equalityledger.api.commitment.ExtendCommitment;
import org.equalityledger.api.commitment.PledgeCommitment;
import org.equalityledger.api.commitment.Verdict;
import org.equalityledger.api.commitment.WithdrawCommitment;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.reporting.CorrectProgressReport;
import org.equalityledger.api.reporting.FileProgressReport;
import org.equalityledger.core.LedgerEntry;
import org.equalityledger.service.eventstore.LedgerEvents;
import org.equalityledger.service.security.CurrentActor;
import org.equalityledger.service.web.Requests.AmendmentRequest;
import org.equalityledger.service.web.Requests.CompletionRequest;
import org.equalityledger.service.web.Requests.CorrectionRequest;
import org.equalityledger.service.web.Requests.DecisionRequest;
import org.equalityledger.service.web.Requests.ExtensionRequest;
import org.equalityledger.service.web.Requests.PledgeRequest;
import org.equalityledger.service.web.Requests.ReportRequest;
import org.equalityledger.service.web.Requests.WithdrawalRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/commitments")
@Tag(name = "Commitments", description = "Pledges, decisions, amendments, extensions, yearly reports")
public class CommitmentController {

    static final String FINANCIAL_EXPECTED = "financial-commitment-expected";

    private final CommandDispatcher commands;
    private final CurrentActor currentActor;
    private final LedgerEvents ledger;
    private final CommitmentHistories histories;
    private final ObjectMapper json;

    public CommitmentController(CommandDispatcher commands, CurrentActor currentActor,
                                LedgerEvents ledger, CommitmentHistories histories, ObjectMapper json) {
        this.commands = commands;
        this.currentActor = currentActor;
        this.ledger = ledger;
        this.histories = histories;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Pledge a commitment (an ally of the maker)",
            description = "The server mints the commitment's id. The leadership of every targeted initiative is "
                    + "to answer within four weeks. A government, philanthropy or private-sector pledge without a "
                    + "financial part is accepted and flagged `financial-commitment-expected`; a financial part in a "
                    + "currency without a US-dollar rate recorded for the pledge year is accepted and flagged "
                    + "`usd-rate-unknown` (it shows in its own currency until the secretariat records the rate).")
    @ApiResponse(responseCode = "201", description = "pledged; Location names the commitment")
    public ResponseEntity<Outcome> pledge(@RequestBody PledgeRequest request) {
        Actor actor = currentActor.get();
        String id = Ids.newCommitmentId();
        List<String> remarks = commands.send(Validation.build(() -> new PledgeCommitment(id, request.makerId(),
                request.details(), actor)), actor, null);
        return ResponseEntity.created(URI.create("/api/commitments/" + id))
                .body(new Outcome(id, "pledged", flags(id, remarks)));
    }

    @PostMapping(path = "/{id}/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Accept or reject the pledge for one targeted initiative (its leadership)",
            description = "A rejection needs a reason. One decision per initiative.")
    @ApiResponse(responseCode = "200", description = "decided: outcome `accepted` or `rejected`")
    public Outcome decide(@PathVariable String id, @RequestBody DecisionRequest request) {
        Actor actor = currentActor.get();
        requireCommitmentId(id);
        commands.send(Validation.build(() -> new DecideOnPledge(id, request.initiativeId(), request.verdict(),
                request.reason(), actor)), actor, request.reason());
        return Outcome.of(id, request.verdict() == Verdict.ACCEPT ? "accepted" : "rejected");
    }

    @PostMapping(path = "/{id}/amendments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Amend any pledged field, with a reason (an ally of the maker or a co-maker)")
    @ApiResponse(responseCode = "200", description = "amended")
    public Outcome amend(@PathVariable String id, @RequestBody AmendmentRequest request) {
        Actor actor = currentActor.get();
        requireCommitmentId(id);
        List<String> remarks = commands.send(Validation.build(() -> new AmendCommitment(id, request.changes(),
                request.reason(), actor)), actor, request.reason());
        return new Outcome(id, "amended", flags(id, remarks));
    }

    @PostMapping(path = "/{id}/extensions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Move the end later, within the same bounds, with a reason (an ally)")
    @ApiResponse(responseCode = "200", description = "extended")
    public Outcome extend(@PathVariable String id, @RequestBody ExtensionRequest request) {
        Actor actor = currentActor.get();
        requireCommitmentId(id);
        commands.send(Validation.build(() -> new ExtendCommitment(id, request.newEnd(), request.reason(), actor)),
                actor, request.reason());
        return Outcome.of(id, "extended");
    }

    @PostMapping(path = "/{id}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Withdraw the commitment, with a reason (an ally)")
    @ApiResponse(responseCode = "200", description = "withdrawn")
    public Outcome withdraw(@PathVariable String id, @RequestBody WithdrawalRequest request) {
        Actor actor = currentActor.get();
        requireCommitmentId(id);
        commands.send(Validation.build(() -> new WithdrawCommitment(id, request.reason(), actor)),
                actor, request.reason());
        return Outcome.of(id, "withdrawn");
    }

    @PostMapping(path = "/{id}/completion")
    @Operation(summary = "Declare an active commitment fulfilled (an ally)", description = "The body is optional.")
    @ApiResponse(responseCode = "200", description = "completed")
    public Outcome complete(@PathVariable String id, @RequestBody(required = false) CompletionRequest request) {
        Actor actor = currentActor.get();
        requireCommitmentId(id);
        String note = request == null ? null : request.note();
        commands.send(Validation.build(() -> new CompleteCommitment(id, note, actor)), actor, note);
        return Outcome.of(id, "completed");
    }

    @PostMapping(path = "/{id}/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "File the progress report of a year (an ally)",
            description = "One report per commitment per year; filed after the year's deadline it is marked late.")
    @ApiResponse(responseCode = "200", description = "filed (flag `late` when after the deadline)")
    public Outcome fileReport(@PathVariable String id, @RequestBody ReportRequest request) {
        Actor actor = currentActor.get();
        requireCommitmentId(id);
        commands.send(Validation.build(() -> new FileProgressReport(id, request.year(), request.report(), actor)),
                actor, null);
        return new Outcome(id, "report-filed", flagsOfLastEvent(id));
    }

    @PostMapping(path = "/{id}/reports/{year}/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Correct the filed report of a year, with a reason (an ally)",
            description = "The correction supersedes the filed report; the original stays in the ledger.")
    @ApiResponse(responseCode = "200", description = "corrected")
    public Outcome correctReport(@PathVariable String id, @PathVariable int year,
                                 @RequestBody CorrectionRequest request) {
        Actor actor = currentActor.get();
        requireCommitmentId(id);
        commands.send(Validation.build(() -> new CorrectProgressReport(id, year, request.report(), request.reason(),
                actor)), actor, request.reason());
        return Outcome.of(id, "report-corrected");
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every stored event of the commitment, in order: what, who, when, why",
            description = "For the secretariat, auditors, the leadership of a targeted initiative and the allies "
                    + "of the maker or a co-maker. Each event comes with its ledger position and hash links.")
    @ApiResponse(responseCode = "200", description = "the history")
    public CommitmentHistories.History history(@PathVariable String id,
                                               @RequestParam(required = false) Instant asOf) {
        Actor actor = currentActor.get();
        requireCommitmentId(id);
        return histories.of(id, actor, asOf);
    }

    static void requireCommitmentId(String id) {
        if (!Ids.isCommitmentId(id)) {
            throw new UnknownResourceException("no commitment has the id " + id);
        }
    }

    /** The flags recorded on the command's event, then the remarks its handler answered (e.g. usd-rate-unknown). */
    private List<String> flags(String id, List<String> remarks) {
        List<String> flags = new java.util.ArrayList<>(flagsOfLastEvent(id));
        if (remarks != null) {
            flags.addAll(remarks);
        }
        return flags;
    }

    /** Flags the ledger recorded on the command's event without refusing it. */
    private List<String> flagsOfLastEvent(String id) {
        List<LedgerEntry> entries = ledger.entriesOf(id);
        if (entries.isEmpty()) {
            return List.of();
        }
        try {
            JsonNode payload = json.readTree(entries.get(entries.size() - 1).payload());
            java.util.List<String> flags = new java.util.ArrayList<>();
            if (payload.path("financialCommitmentExpected").asBoolean(false)) {
                flags.add(FINANCIAL_EXPECTED);
            }
            if (payload.path("late").asBoolean(false)) {
                flags.add("late");
            }
            return flags;
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
