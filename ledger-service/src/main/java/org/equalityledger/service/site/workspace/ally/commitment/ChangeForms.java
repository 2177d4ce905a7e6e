package org.equalityledger.service.site.workspace.ally.commitment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.equalityledger.api.commitment.AmendCommitment;
import org.equalityledger.api.commitment.CommitmentChanges;
import org.equalityledger.api.commitment.CommitmentType;
import org.equalityledger.api.commitment.CompleteCommitment;
import org.equalityledger.api.commitment.ExtendCommitment;
import org.equalityledger.api.commitment.Indicator;
import org.equalityledger.api.commitment.WithdrawCommitment;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Money;
import org.equalityledger.api.query.commitments.CommitmentView;
import org.equalityledger.service.security.CurrentActor;
import org.equalityledger.service.site.SiteContext;
import org.equalityledger.service.site.workspace.FormErrors;
import org.equalityledger.service.site.workspace.Refusals;
import org.equalityledger.service.site.workspace.Submissions;
import org.equalityledger.service.web.CommandDispatcher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Amend, extend, withdraw and complete a commitment, each with its reason (a completion with its note),
 * as README's "Amend and extend" does through the API. The amendment offers the common changes: title and
 * description, the end of the period, the money pledged, the indicators' targets; it sends only what the
 * ally changed.
 */
@Controller
public class ChangeForms {

    private static final Pattern INDICATOR_TARGET = Pattern.compile("changes\\.indicators\\[(\\d+)]\\.target");

    private final CommitmentReads reads;
    private final CommandDispatcher commands;
    private final CurrentActor currentActor;
    private final Submissions submissions;
    private final Refusals refusals;

    public ChangeForms(CommitmentReads reads, CommandDispatcher commands, CurrentActor currentActor, Submissions submissions,
                       Refusals refusals) {
        this.reads = reads;
        this.commands = commands;
        this.currentActor = currentActor;
        this.submissions = submissions;
        this.refusals = refusals;
    }

    // ---- amend ------------------------------------------------------------------------------

    @GetMapping("/workspace/ally/commitments/{id}/amendment")
    String amendForm(@PathVariable String id, Model model) {
        CommitmentView c = reads.commitment(id);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", c.title());
        values.put("description", c.description());
        values.put("end", c.end().toString());
        values.put("amount", c.financial() == null ? "" : FormPages.plain(c.financial().amount()));
        values.put("currency", c.financial() == null ? "" : c.financial().currency());
        for (int i = 0; i < c.indicators().size(); i++) {
            values.put("target-" + i, FormPages.plain(c.indicators().get(i).target()));
        }
        values.put("reason", "");
        return FormPages.show(model, "amend", c, values, Submissions.newKey(), FormErrors.NONE);
    }

    @PostMapping("/workspace/ally/commitments/{id}/amendment")
    String amend(@PathVariable String id, HttpServletRequest request, HttpServletResponse response,
                 @ModelAttribute("site") SiteContext site, Model model) {
        CommitmentView c = reads.commitment(id);
        Actor actor = currentActor.get();
        return FormPages.send(submissions, refusals, request, response, site, model, "amend", c, "amended", () -> {
            FormInput input = new FormInput(site.getLocale());
            String reason = request.getParameter("reason");
            CommitmentChanges changes = changes(c, request, input);
            AmendCommitment command = input.build(() -> new AmendCommitment(id, changes, reason, actor));
            commands.send(command, actor, reason);
        }, field -> amendField(field), Map::of);
    }

    /** What the ally changed in the form, and nothing else. */
    private static CommitmentChanges changes(CommitmentView c, HttpServletRequest request, FormInput input) {
        // A title or description emptied is sent as such: the command says it must not be blank.
        String title = stripped(request.getParameter("title"));
        String description = stripped(request.getParameter("description"));
        LocalDate end = input.date("changes.end", request.getParameter("end"));
        BigDecimal amount = input.number("changes.financial.amount", request.getParameter("amount"));
        String currency = FormInput.given(request.getParameter("currency"));
        Set<CommitmentType> types = null;
        Money financial = null;
        if (amount != null || currency != null) {
            Money asked = new Money(amount, currency == null ? null : currency.toUpperCase(Locale.ROOT));
            Money now = c.financial();
            boolean same = now != null && amount != null && amount.compareTo(now.amount()) == 0
                    && Objects.equals(asked.currency(), now.currency());
            if (!same) {
                financial = asked;
                if (!c.types().contains(CommitmentType.FINANCIAL)) {
                    // Money pledged makes the commitment financial: the type goes with the amount.
                    types = new LinkedHashSet<>(c.types());
                    types.add(CommitmentType.FINANCIAL);
                }
            }
        }
        List<Indicator> indicators = null;
        List<Indicator> edited = new ArrayList<>();
        boolean indicatorsChanged = false;
        for (int i = 0; i < c.indicators().size(); i++) {
            Indicator was = c.indicators().get(i);
            String sent = request.getParameter("target-" + i);
            BigDecimal target = sent == null ? was.target()
                    : input.number("changes.indicators[" + i + "].target", sent);
            indicatorsChanged |= target == null || was.target() == null || target.compareTo(was.target()) != 0;
            edited.add(new Indicator(was.code(), was.unit(), was.baseline(), target));
        }
        if (indicatorsChanged) {
            indicators = edited;
        }
        return new CommitmentChanges(types, financial, null, null,
                title != null && !title.equals(c.title()) ? title : null,
                description != null && !description.equals(c.description()) ? description : null,
                indicators, null, null,
                end != null && !end.equals(c.end()) ? end : null, null);
    }

    private static String stripped(String value) {
        return value == null ? null : value.strip();
    }

    private static String amendField(String field) {
        Matcher target = INDICATOR_TARGET.matcher(field);
        if (target.matches()) {
            return "target-" + target.group(1);
        }
        if (FormPages.periodRule(field) || field.equals("changes.end") || field.equals("changes.start")) {
            return "end";
        }
        return switch (field) {
            case "reason" -> "reason";
            case "changes.title" -> "title";
            case "changes.description" -> "description";
            case "changes.financial", "changes.financial.amount", "changes.types" -> "amount";
            case "changes.financial.currency" -> "currency";
            default -> null;
        };
    }

    // ---- extend -----------------------------------------------------------------------------

    @GetMapping("/workspace/ally/commitments/{id}/extension")
    String extendForm(@PathVariable String id, Model model) {
        CommitmentView c = reads.commitment(id);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("newEnd", c.end().plusYears(1).toString());
        values.put("reason", "");
        return FormPages.show(model, "extend", c, values, Submissions.newKey(), FormErrors.NONE);
    }

    @PostMapping("/workspace/ally/commitments/{id}/extension")
    String extend(@PathVariable String id, HttpServletRequest request, HttpServletResponse response,
                  @ModelAttribute("site") SiteContext site, Model model) {
        CommitmentView c = reads.commitment(id);
        Actor actor = currentActor.get();
        return FormPages.send(submissions, refusals, request, response, site, model, "extend", c, "extended", () -> {
            FormInput input = new FormInput(site.getLocale());
            LocalDate newEnd = input.date("newEnd", request.getParameter("newEnd"));
            String reason = request.getParameter("reason");
            commands.send(input.build(() -> new ExtendCommitment(id, newEnd, reason, actor)), actor, reason);
        }, field -> FormPages.periodRule(field) || field.equals("commitment.extend.not-later") || field.equals("newEnd")
                ? "newEnd" : field.equals("reason") ? "reason" : null, Map::of);
    }

    // ---- withdraw and complete ----------------------------------------------------------------

    @GetMapping("/workspace/ally/commitments/{id}/withdrawal")
    String withdrawForm(@PathVariable String id, Model model) {
        return FormPages.show(model, "withdraw", reads.commitment(id), Map.of("reason", ""), Submissions.newKey(),
                FormErrors.NONE);
    }

    @PostMapping("/workspace/ally/commitments/{id}/withdrawal")
    String withdraw(@PathVariable String id, HttpServletRequest request, HttpServletResponse response,
                    @ModelAttribute("site") SiteContext site, Model model) {
        CommitmentView c = reads.commitment(id);
        Actor actor = currentActor.get();
        return FormPages.send(submissions, refusals, request, response, site, model, "withdraw", c, "withdrawn", () -> {
            String reason = request.getParameter("reason");
            commands.send(new FormInput(site.getLocale()).build(() -> new WithdrawCommitment(id, reason, actor)), actor, reason);
        }, field -> field.equals("reason") ? "reason" : null, Map::of);
    }

    @GetMapping("/workspace/ally/commitments/{id}/completion")
    String completeForm(@PathVariable String id, Model model) {
        return FormPages.show(model, "complete", reads.commitment(id), Map.of("note", ""), Submissions.newKey(),
                FormErrors.NONE);
    }

    @PostMapping("/workspace/ally/commitments/{id}/completion")
    String complete(@PathVariable String id, HttpServletRequest request, HttpServletResponse response,
                    @ModelAttribute("site") SiteContext site, Model model) {
        CommitmentView c = reads.commitment(id);
        Actor actor = currentActor.get();
        return FormPages.send(submissions, refusals, request, response, site, model, "complete", c, "completed", () -> {
            String note = FormInput.given(request.getParameter("note"));
            commands.send(new FormInput(site.getLocale()).build(() -> new CompleteCommitment(id, note, actor)), actor, note);
        }, field -> field.equals("note") ? "note" : null, Map::of);
    }
}
