package org.equalityledger.service.site.workspace.auditor;

import java.util.Map;

import org.equalityledger.core.checkpoint.Checkpoint;
import org.equalityledger.core.checkpoint.LedgerKeys;
import org.equalityledger.core.export.ExportFormat;
import org.equalityledger.service.audit.AuditController;
import org.equalityledger.service.audit.AuditKeys;
import org.equalityledger.service.audit.AuditProblem;
import org.equalityledger.service.audit.CheckpointStore;
import org.equalityledger.service.audit.LedgerExport;
import org.equalityledger.service.audit.LedgerProofs;
import org.equalityledger.service.audit.LedgerSealer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The audit API's files for someone signed in to the workspace. The API takes HTTP Basic or a bearer
 * token, which a browser with a session does not send; these addresses answer the session instead, with
 * the same services and so the same bytes, each named as the README's commands name it so that the
 * offline verifier's command shown beside the link runs as it is.
 */
@Controller
public class AuditorDownloads {

    private final LedgerSealer sealer;
    private final CheckpointStore checkpoints;
    private final LedgerProofs proofs;
    private final LedgerExport export;
    private final AuditKeys keys;

    public AuditorDownloads(LedgerSealer sealer, CheckpointStore checkpoints, LedgerProofs proofs, LedgerExport export,
                            AuditKeys keys) {
        this.sealer = sealer;
        this.checkpoints = checkpoints;
        this.proofs = proofs;
        this.export = export;
        this.keys = keys;
    }

    @GetMapping("/workspace/auditor/downloads/ledger.jsonl")
    ResponseEntity<StreamingResponseBody> export() {
        return file("ledger.jsonl", AuditController.NDJSON).body(export::write);
    }

    @GetMapping("/workspace/auditor/downloads/ledger-key.pub.pem")
    ResponseEntity<String> publicKey() {
        return file("ledger-key.pub.pem", AuditController.PEM).body(LedgerKeys.toPem(keys.pair().getPublic()));
    }

    @GetMapping("/workspace/auditor/downloads/checkpoint-latest.json")
    ResponseEntity<Map<String, Object>> latest() {
        Checkpoint latest = sealer.latest().orElseThrow(() -> new AuditProblem(AuditProblem.Kind.NOT_FOUND,
                "no checkpoint yet: nothing is sealed"));
        return file("checkpoint-latest.json", MediaType.APPLICATION_JSON).body(ExportFormat.checkpointJson(latest, false));
    }

    @GetMapping("/workspace/auditor/downloads/checkpoint-{treeSize}.json")
    ResponseEntity<Map<String, Object>> checkpoint(@PathVariable long treeSize) {
        Checkpoint checkpoint = checkpoints.at(treeSize).orElseThrow(() -> new AuditProblem(AuditProblem.Kind.NOT_FOUND,
                "no checkpoint at tree size " + treeSize));
        return file("checkpoint-" + treeSize + ".json", MediaType.APPLICATION_JSON)
                .body(ExportFormat.checkpointJson(checkpoint, false));
    }

    @GetMapping("/workspace/auditor/downloads/inclusion.json")
    ResponseEntity<String> inclusion(@RequestParam long position, @RequestParam(required = false) Long treeSize) {
        return file("inclusion.json", MediaType.APPLICATION_JSON).body(proofs.inclusion(position, treeSize).toJson());
    }

    @GetMapping("/workspace/auditor/downloads/consistency.json")
    ResponseEntity<String> consistency(@RequestParam long from, @RequestParam(required = false) Long to) {
        return file("consistency.json", MediaType.APPLICATION_JSON).body(proofs.consistency(from, to).toJson());
    }

    /** A file the audit cannot give: its status and why, as plain text the browser shows. */
    @ExceptionHandler(AuditProblem.class)
    ResponseEntity<String> problem(AuditProblem problem) {
        return ResponseEntity.status(problem.status()).contentType(MediaType.TEXT_PLAIN).body(problem.getMessage());
    }

    private static ResponseEntity.BodyBuilder file(String name, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString());
    }
}
