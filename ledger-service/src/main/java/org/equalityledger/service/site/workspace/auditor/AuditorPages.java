package org.equalityledger.service.site.workspace.auditor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.equalityledger.core.checkpoint.Checkpoint;
import org.equalityledger.core.merkle.ConsistencyProof;
import org.equalityledger.service.audit.AuditKeys;
import org.equalityledger.service.audit.AuditProblem;
import org.equalityledger.service.audit.CheckpointStore;
import org.equalityledger.service.audit.LedgerProofs;
import org.equalityledger.service.audit.LedgerSealer;
import org.equalityledger.service.audit.LedgerVerification;
import org.equalityledger.service.security.CurrentActor;
import org.equalityledger.service.site.SiteContext;
import org.equalityledger.service.site.workspace.FormErrors;
import org.equalityledger.service.web.CommitmentHistories;
import org.equalityledger.service.web.Ids;
import org.equalityledger.service.web.UnknownResourceException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The auditor's workspace: any commitment's timeline with its hash links and proofs, the whole
 * ledger's verification while it runs, the checkpoints and a consistency check between two of them.
 * It reads and verifies only: no page here sends a ledger command (a verification run reads the store).
 * Everything it shows comes from the services behind the audit API and the history API, so the page
 * and {@code curl} can never disagree.
 */
@Controller
public class AuditorPages {

    private final CommitmentHistories histories;
    private final CurrentActor currentActor;
    private final LedgerSealer sealer;
    private final CheckpointStore checkpoints;
    private final LedgerProofs proofs;
    private final LedgerVerification verification;
    private final AuditKeys keys;
    private final MessageSource messages;
    private final ObjectMapper json;

    public AuditorPages(CommitmentHistories histories, CurrentActor currentActor, LedgerSealer sealer,
                        CheckpointStore checkpoints, LedgerProofs proofs, LedgerVerification verification, AuditKeys keys,
                        MessageSource messages, ObjectMapper json) {
        this.histories = histories;
        this.currentActor = currentActor;
        this.sealer = sealer;
        this.checkpoints = checkpoints;
        this.proofs = proofs;
        this.verification = verification;
        this.keys = keys;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/workspace/auditor")
    String home(Model model) {
        return showHome(model, "", FormErrors.NONE);
    }

    /** The find form: a commitment's id leads to its timeline; anything else is said beside the field. */
    @GetMapping("/workspace/auditor/commitments")
    String find(@RequestParam(name = "id", required = false) String id, @ModelAttribute("site") SiteContext site,
                HttpServletResponse response, Model model) {
        String wanted = id == null ? "" : id.strip();
        String problem = null;
        if (wanted.isEmpty()) {
            problem = "auditor.find.empty";
        } else if (!Ids.isCommitmentId(wanted)) {
            problem = "auditor.find.notAnId";
        } else {
            try {
                histories.of(wanted, currentActor.get(), null);
            } catch (UnknownResourceException unknown) {
                problem = "auditor.find.unknown";
            }
        }
        if (problem == null) {
            return "redirect:" + site.href("/workspace/auditor/commitments/" + wanted);
        }
        response.setStatus(problem.equals("auditor.find.unknown") ? 404 : 422);
        String message = messages.getMessage(problem, null, site.getLocale());
        return showHome(model, wanted, new FormErrors(message, null, Map.of("id", message)));
    }

    private String showHome(Model model, String id, FormErrors errors) {
        model.addAttribute("id", id);
        model.addAttribute("errors", errors);
        model.addAttribute("checkpoint", sealer.latest().orElse(null));
        return "workspace/auditor/home";
    }

    @GetMapping("/workspace/auditor/commitments/{id}")
    String timeline(@PathVariable String id, @ModelAttribute("site") SiteContext site, Model model) {
        if (!Ids.isCommitmentId(id)) {
            throw new UnknownResourceException("no commitment has the id " + id);
        }
        // As the ledger recorded it at the instant the page is asked for (the site's time travel), else all of it.
        CommitmentHistories.History history = histories.of(id, currentActor.get(), site.getAsOf());
        Long sealedSize = sealer.latest().map(Checkpoint::treeSize).orElse(null);
        model.addAttribute("timeline", Timeline.of(history, sealedSize, site, messages, json));
        model.addAttribute("reflects", history);
        return "workspace/auditor/timeline";
    }

    /** Starts a verification of the whole ledger, or finds the one running: its page either way. */
    @PostMapping("/workspace/auditor/verifications")
    String verify(@ModelAttribute("site") SiteContext site) {
        LedgerVerification.Start start = verification.start();
        return "redirect:" + site.href("/workspace/auditor/verifications/" + start.verification().id());
    }

    /**
     * Signs a checkpoint over the ledger as it stands (as the sealer does on its own every few minutes), so
     * an auditor can prove an event recorded a moment ago. Nothing new to sign is no failure: it says so.
     */
    @PostMapping("/workspace/auditor/checkpoints")
    String seal(@ModelAttribute("site") SiteContext site) {
        LedgerSealer.Seal seal = sealer.seal();
        String outcome = seal.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return "redirect:" + site.href("/workspace/auditor/checkpoints", "sealed", outcome);
    }

    @GetMapping("/workspace/auditor/verifications/{id}")
    String verification(@PathVariable String id, Model model) {
        model.addAttribute("v", VerificationView.of(find(id)));
        return "workspace/auditor/verification";
    }

    /** The progress alone, which the page polls each second (htmx) while the verification runs. */
    @GetMapping("/workspace/auditor/verifications/{id}/progress")
    String progress(@PathVariable String id, Model model) {
        model.addAttribute("v", VerificationView.of(find(id)));
        return "workspace/auditor/verification :: progress";
    }

    private LedgerVerification.Verification find(String id) {
        return verification.find(id)
                .orElseThrow(() -> new UnknownResourceException("no verification " + id + " on this instance"));
    }

    @GetMapping("/workspace/auditor/checkpoints")
    String checkpoints(@RequestParam(required = false) Long from, @RequestParam(required = false) Long to,
                       @RequestParam(required = false) String sealed,
                       @ModelAttribute("site") SiteContext site, HttpServletResponse response, Model model) {
        model.addAttribute("sealed", sealed == null ? null
                : switch (sealed) {
                    case "sealed", "up-to-date", "empty" -> sealed;
                    default -> "refused";
                });
        List<Checkpoint> all = new ArrayList<>(checkpoints.all());
        Collections.reverse(all);
        model.addAttribute("checkpoints", all);
        FormErrors errors = FormErrors.NONE;
        Consistency consistency = null;
        if (from != null || to != null) {
            String problem = null;
            String field = "from";
            Optional<Checkpoint> older = from == null ? Optional.empty() : checkpoints.at(from);
            Optional<Checkpoint> newer = to == null ? Optional.empty() : checkpoints.at(to);
            if (older.isEmpty()) {
                problem = "auditor.consistency.pick";
            } else if (newer.isEmpty()) {
                problem = "auditor.consistency.pick";
                field = "to";
            } else if (from >= to) {
                problem = "auditor.consistency.order";
            }
            if (problem != null) {
                String message = messages.getMessage(problem, null, site.getLocale());
                errors = new FormErrors(message, null, Map.of(field, message));
                response.setStatus(422);
            } else {
                consistency = check(older.get(), newer.get());
            }
        }
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("errors", errors);
        model.addAttribute("consistency", consistency);
        return "workspace/auditor/checkpoints";
    }

    /**
     * The outcome of a consistency check: the proof from the stored tree, and whether it shows the newer
     * tree extending the older one with the roots both checkpoints signed (as the offline verifier checks
     * it with {@code --checkpoint} twice). {@code problem} says why there is no proof.
     */
    public record Consistency(Checkpoint from, Checkpoint to, ConsistencyProof proof, boolean consistent,
                              boolean signaturesHold, boolean rootsMatch, String problem) {
    }

    private Consistency check(Checkpoint older, Checkpoint newer) {
        boolean signed = older.verify(keys.pair().getPublic()) && newer.verify(keys.pair().getPublic());
        ConsistencyProof proof;
        try {
            proof = proofs.consistency(older.treeSize(), newer.treeSize());
        } catch (AuditProblem problem) {
            return new Consistency(older, newer, null, false, signed, false, problem.getMessage());
        }
        boolean roots = proof.rootM().equals(older.rootHash()) && proof.rootN().equals(newer.rootHash());
        return new Consistency(older, newer, proof, signed && roots && proof.verify(), signed, roots, null);
    }

    /** A verification as its page shows it: figures while it runs, then its result. */
    public record VerificationView(String id, String state, long done, Long total, long eventsPerSecond,
                                   double seconds, Long secondsLeft, org.equalityledger.core.verify.VerificationResult result) {

        static VerificationView of(LedgerVerification.Verification v) {
            var r = v.result();
            String state = r == null ? "running" : r.ok() ? "verified" : "failed";
            Long total = v.total() < 0 ? null : Math.max(v.total(), v.done());
            double rate = v.eventsPerSecond();
            Long left = r == null && total != null && rate > 0 ? Math.round((total - v.done()) / rate) : null;
            return new VerificationView(v.id(), state, v.done(), total, Math.round(rate),
                    Math.round(v.seconds() * 10) / 10.0, left, r);
        }

        public boolean running() {
            return result == null;
        }
    }
}
