package org.equalityledger.service.site.workspace.leader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.commitment.DecideOnPledge;
import org.equalityledger.api.commitment.Verdict;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.query.commitments.CommitmentById;
import org.equalityledger.api.query.commitments.CommitmentView;
import org.equalityledger.api.query.makers.MakerById;
import org.equalityledger.api.query.makers.MakerProfile;
import org.equalityledger.service.query.Queries;
import org.equalityledger.service.security.CurrentActor;
import org.equalityledger.service.site.SiteContext;
import org.equalityledger.service.site.workspace.FormErrors;
import org.equalityledger.service.site.workspace.Refusals;
import org.equalityledger.service.site.workspace.Submissions;
import org.equalityledger.service.web.CommandDispatcher;
import org.equalityledger.service.web.CommitmentHistories;
import org.equalityledger.service.web.Ids;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A pledge as its initiative's leadership sees it: what was pledged and by whom, its history so far, and
 * for each initiative the leader leads that the pledge targets, the decision taken or the form to take it.
 * Who may see the page is who may read the commitment's history through the API; who may decide, and
 * that a rejection needs a reason, the commitment itself decides: the page shows its refusal.
 */
@Controller
public class DecisionPages {

    /** A decision form as sent; the verdict stays text, so that a value never offered is the command's to refuse. */
    public record DecisionForm(String initiativeId, String verdict, String reason) {
    }

    /**
     * One targeted initiative the leader leads: its decision as recorded and, while it is pending, its
     * form (submission key, values, refusal).
     */
    public record Slot(CommitmentView.Decision decision, String submission, String verdict, String reason, FormErrors errors) {

        public boolean open() {
            return "PENDING".equals(decision.decision()) && decision.stillTargeted();
        }
    }

    private final CurrentActor currentActor;
    private final QueryGateway queries;
    private final CommitmentHistories histories;
    private final CommandDispatcher commands;
    private final Submissions submissions;
    private final Refusals refusals;

    public DecisionPages(CurrentActor currentActor, QueryGateway queries, CommitmentHistories histories,
                       CommandDispatcher commands, Submissions submissions, Refusals refusals) {
        this.currentActor = currentActor;
        this.queries = queries;
        this.histories = histories;
        this.commands = commands;
        this.submissions = submissions;
        this.refusals = refusals;
    }

    @GetMapping("/workspace/leader/pledges/{commitmentId}")
    String pledge(@PathVariable String commitmentId, @ModelAttribute("site") SiteContext site, Model model) {
        return show(commitmentId, null, null, FormErrors.NONE, site, model);
    }

    @PostMapping("/workspace/leader/pledges/{commitmentId}")
    String decide(@PathVariable String commitmentId, DecisionForm form, HttpServletRequest request,
                  HttpServletResponse response, @ModelAttribute("site") SiteContext site, Model model) {
        if (!Ids.isCommitmentId(commitmentId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Actor actor = currentActor.get();
        try {
            return "redirect:" + submissions.once(request, () -> {
                Verdict verdict = verdict(form.verdict());
                String reason = form.reason() == null || form.reason().isBlank() ? null : form.reason().strip();
                commands.send(new DecideOnPledge(commitmentId, form.initiativeId(), verdict, reason, actor), actor, reason);
                return site.href("/workspace/leader", "decided", commitmentId, "verdict", verdict.name());
            });
        } catch (RuntimeException refused) {
            FormErrors errors = refusals.explain(refused, site.getLocale(), field -> switch (field) {
                case "reason", "verdict" -> field;
                default -> null;
            });
            response.setStatus(422);
            return show(commitmentId, form, request.getParameter(Submissions.FIELD), errors, site, model);
        }
    }

    /**
     * The page, with {@code sent} (the form of one initiative, refused) kept as it was sent. The history is
     * the API's, with the API's check of who may read it: a leader of no initiative the pledge targets is
     * refused the page, and so is shown nothing of a pledge it posted a decision on anyway.
     */
    private String show(String commitmentId, DecisionForm sent, String sentKey, FormErrors errors, SiteContext site,
                        Model model) {
        if (!Ids.isCommitmentId(commitmentId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Actor actor = currentActor.get();
        CommitmentHistories.History history = histories.of(commitmentId, actor, null);
        CommitmentView commitment = Queries.optional(queries, new CommitmentById(commitmentId, null), CommitmentView.class)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<Slot> slots = new ArrayList<>();
        List<CommitmentView.Decision> others = new ArrayList<>();
        for (CommitmentView.Decision d : commitment.decisions()) {
            if (!actor.leads(d.initiativeId())) {
                others.add(d);
            } else if (sent != null && d.initiativeId().equals(sent.initiativeId())) {
                slots.add(new Slot(d, sentKey, sent.verdict(), sent.reason(), errors));
            } else {
                slots.add(new Slot(d, Submissions.newKey(), null, "", FormErrors.NONE));
            }
        }
        Map<String, String> coMakers = new LinkedHashMap<>();
        for (String coMaker : commitment.coMakerIds()) {
            coMakers.put(coMaker, Queries.optional(queries, new MakerById(coMaker), MakerProfile.class)
                    .map(MakerProfile::name).orElse(coMaker));
        }
        // A refusal that concerns no decision of this leader's (an initiative it does not lead) shows at the top.
        boolean placed = sent != null && slots.stream().anyMatch(s -> s.decision().initiativeId().equals(sent.initiativeId()));
        List<CommitmentHistories.Event> events = new ArrayList<>(history.events());
        java.util.Collections.reverse(events);
        model.addAttribute("commitment", commitment);
        model.addAttribute("slots", slots);
        model.addAttribute("others", others);
        model.addAttribute("led", actor.ledInitiatives());
        Map<String, String> initiativeNames = new LinkedHashMap<>();
        commitment.decisions().forEach(d -> initiativeNames.put(d.initiativeId(),
                d.initiativeName() == null ? d.initiativeId() : d.initiativeName()));
        model.addAttribute("initiativeNames", initiativeNames);
        model.addAttribute("coMakers", coMakers);
        model.addAttribute("history", events);
        model.addAttribute("errors", placed ? FormErrors.NONE : errors);
        model.addAttribute("reflects", commitment);
        return "workspace/leader/pledge";
    }

    /** ACCEPT or REJECT; anything else (or nothing) is no verdict, which the command names as required. */
    private static Verdict verdict(String value) {
        for (Verdict v : Verdict.values()) {
            if (v.name().equals(value)) {
                return v;
            }
        }
        return null;
    }
}
