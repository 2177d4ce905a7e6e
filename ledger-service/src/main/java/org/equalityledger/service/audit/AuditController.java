package org.equalityledger.service.audit;

import java.net.URI;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.equalityledger.core.checkpoint.Checkpoint;
import org.equalityledger.core.checkpoint.LedgerKeys;
import org.equalityledger.core.export.ExportFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;

/**
 * The auditor's API: checkpoints, the public key, proofs, verification and the export. Checkpoints and
 * proofs come in exactly the JSON the offline verifier reads, so a response saved with curl is a file
 * to pass it. The public key and the latest checkpoint answer anyone, as a transparency log publishes
 * them: they are what the public compares its copies with.
 */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasAnyRole('AUDITOR','SECRETARIAT')")
public class AuditController {

    public static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    public static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");

    private final LedgerSealer sealer;
    private final CheckpointStore checkpoints;
    private final LedgerProofs proofs;
    private final LedgerVerification verification;
    private final LedgerExport export;
    private final String publicKeyPem;
    private final Clock clock;

    public AuditController(LedgerSealer sealer, CheckpointStore checkpoints, LedgerProofs proofs,
                           LedgerVerification verification, LedgerExport export, AuditKeys keys, Clock auditClock) {
        this.sealer = sealer;
        this.checkpoints = checkpoints;
        this.proofs = proofs;
        this.verification = verification;
        this.export = export;
        this.publicKeyPem = LedgerKeys.toPem(keys.pair().getPublic());
        this.clock = auditClock;
    }

    @GetMapping(path = "/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<Map<String, Object>> checkpoints() {
        return checkpoints.all().stream().map(AuditController::json).toList();
    }

    @GetMapping(path = "/checkpoints/latest", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("permitAll()")
    @SecurityRequirements
    @Operation(summary = "The latest signed checkpoint (tree size, root, time, key id, signature): no login needed")
    public Map<String, Object> latest() {
        return json(sealer.latest().orElseThrow(() -> AuditProblem.notFound("no checkpoint yet: nothing is sealed")));
    }

    @GetMapping(path = "/checkpoints/{treeSize}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> checkpoint(@PathVariable long treeSize) {
        return json(checkpoints.at(treeSize)
                .orElseThrow(() -> AuditProblem.notFound("no checkpoint at tree size " + treeSize)));
    }

    /** Seals now: 201 with the new checkpoint, or 200 with the latest when nothing is new. */
    @PostMapping(path = "/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> seal() {
        LedgerSealer.Seal seal = sealer.seal();
        switch (seal.outcome()) {
            case SEALED:
                return ResponseEntity.created(URI.create("/api/audit/checkpoints/" + seal.checkpoint().treeSize()))
                        .body(json(seal.checkpoint()));
            case UP_TO_DATE:
                return ResponseEntity.ok()
                        .location(URI.create("/api/audit/checkpoints/" + seal.checkpoint().treeSize()))
                        .body(json(seal.checkpoint()));
            case EMPTY:
                throw AuditProblem.conflict("nothing to seal: the ledger has no event yet");
            default:
                throw AuditProblem.conflict(seal.reason());
        }
    }

    @GetMapping(path = "/public-key")
    @PreAuthorize("permitAll()")
    @SecurityRequirements
    @Operation(summary = "The ledger's Ed25519 public key (PEM), which signs every checkpoint: no login needed")
    public ResponseEntity<String> publicKey() {
        return ResponseEntity.ok().contentType(PEM).body(publicKeyPem);
    }

    @GetMapping(path = "/proofs/inclusion", produces = MediaType.APPLICATION_JSON_VALUE)
    public String inclusion(@RequestParam long position, @RequestParam(required = false) Long treeSize) {
        return proofs.inclusion(position, treeSize).toJson();
    }

    @GetMapping(path = "/proofs/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
    public String consistency(@RequestParam long from, @RequestParam(required = false) Long to) {
        return proofs.consistency(from, to).toJson();
    }

    /** Verifies the whole ledger before answering. */
    @GetMapping(path = "/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> verify() {
        return verification.verify().toJson();
    }

    /**
     * Starts a verification in the background: 202, and its progress at the Location; while one runs,
     * 200 with that one instead (one at a time).
     */
    @PostMapping(path = "/verifications", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> startVerification() {
        LedgerVerification.Start start = verification.start();
        return ResponseEntity.status(start.started() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/api/audit/verifications/" + start.verification().id()))
                .body(start.verification().toJson());
    }

    @GetMapping(path = "/verifications/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> verification(@PathVariable String id) {
        return verification.find(id).map(LedgerVerification.Verification::toJson)
                .orElseThrow(() -> AuditProblem.notFound("no verification " + id + " on this instance"));
    }

    @GetMapping(path = "/export")
    public ResponseEntity<StreamingResponseBody> export() {
        String name = "equality-ledger-" + DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS))
                .replace(":", "") + ".jsonl";
        return ResponseEntity.ok()
                .contentType(NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(export::write);
    }

    @ExceptionHandler(AuditProblem.class)
    ResponseEntity<ProblemDetail> problem(AuditProblem problem) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(problem.status()), problem.getMessage());
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
    }

    private static Map<String, Object> json(Checkpoint checkpoint) {
        return ExportFormat.checkpointJson(checkpoint, false);
    }
}
