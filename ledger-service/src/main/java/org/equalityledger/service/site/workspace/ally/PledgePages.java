package org.equalityledger.service.site.workspace.ally;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.commitment.CommitmentType;
import org.equalityledger.api.commitment.OriginKind;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.api.maker.StakeholderGroup;
import org.equalityledger.api.query.initiatives.ActionView;
import org.equalityledger.api.query.initiatives.FindInitiative;
import org.equalityledger.api.query.initiatives.InitiativeAnswer;
import org.equalityledger.api.query.initiatives.InitiativeList;
import org.equalityledger.api.query.initiatives.InitiativeSummary;
import org.equalityledger.api.query.initiatives.ListInitiatives;
import org.equalityledger.api.query.makers.ListMakers;
import org.equalityledger.api.query.makers.MakerById;
import org.equalityledger.api.query.makers.MakerPage;
import org.equalityledger.api.query.makers.MakerProfile;
import org.equalityledger.api.query.makers.MakerSummary;
import org.equalityledger.service.domain.DomainClock;
import org.equalityledger.service.query.Queries;
import org.equalityledger.service.security.CurrentActor;
import org.equalityledger.service.site.SiteContext;
import org.equalityledger.service.site.workspace.FormErrors;
import org.equalityledger.service.site.workspace.MakerPages;
import org.equalityledger.service.site.workspace.Refusals;
import org.equalityledger.service.site.workspace.Submissions;
import org.equalityledger.service.web.CommandDispatcher;
import org.equalityledger.service.web.Ids;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An ally pledges a commitment for one of its makers: the form walks through what
 * {@link org.equalityledger.api.commitment.CommitmentDetails} holds, each field with the rule that applies to
 * it in words. The ledger decides: the form only builds the command and shows the refusal beside the field it
 * concerns. Two buttons besides the pledge re-show the form without sending anything: one more indicator row,
 * and a search for co-makers by name (no JavaScript needed).
 */
@Controller
public class PledgePages {

    static final String PATH = "/workspace/ally/pledges/new";
    /** The co-makers a search shows at most. */
    private static final int FOUND_MAX = 20;
    private static final Pattern INDICATOR = Pattern.compile("details\\.indicators\\[(\\d+)](?:\\..*)?");

    /** An initiative whose actions a pledge can target, its name in the reader's language. */
    public record Initiative(String id, String code, SiteContext.Name name, List<Action> actions) {
    }

    /** An action to pick: its value in the form ({@code initiativeId:actionCode}), code and name. */
    public record Action(String value, String code, SiteContext.Name name) {
    }

    private final QueryGateway queries;
    private final CurrentActor currentActor;
    private final CommandDispatcher commands;
    private final Submissions submissions;
    private final Refusals refusals;
    private final ImplementationPeriod implementationPeriod;

    public PledgePages(QueryGateway queries, CurrentActor currentActor, CommandDispatcher commands, Submissions submissions,
                       Refusals refusals, ImplementationPeriod implementationPeriod) {
        this.queries = queries;
        this.currentActor = currentActor;
        this.commands = commands;
        this.submissions = submissions;
        this.refusals = refusals;
        this.implementationPeriod = implementationPeriod;
    }

    @GetMapping(PATH)
    String form(@RequestParam(required = false) String maker, @ModelAttribute("site") SiteContext site, Model model) {
        List<MakerProfile> makers = makers();
        String chosen = maker != null && makers.stream().anyMatch(m -> m.makerId().equals(maker)) ? maker
                : makers.size() == 1 ? makers.get(0).makerId() : "";
        return show(model, site, makers, PledgeForm.empty(chosen, DomainClock.today().getYear()), Submissions.newKey(),
                FormErrors.NONE, null);
    }

    @PostMapping(PATH)
    String pledge(@RequestParam(defaultValue = "pledge") String action, HttpServletRequest request,
                  HttpServletResponse response, @ModelAttribute("site") SiteContext site, Model model) {
        PledgeForm form = PledgeForm.from(request);
        String key = request.getParameter(Submissions.FIELD);
        if ("addIndicator".equals(action)) {
            return show(model, site, makers(), form.withAnotherIndicator(), key, FormErrors.NONE, null);
        }
        if ("findCoMakers".equals(action)) {
            return show(model, site, makers(), form, key, FormErrors.NONE, find(form));
        }
        Actor actor = currentActor.get();
        try {
            return "redirect:" + submissions.once(request, () -> {
                String commitmentId = Ids.newCommitmentId();
                commands.send(form.command(commitmentId, actor), actor, null);
                return site.href("/workspace/ally/commitments/" + commitmentId);
            });
        } catch (RuntimeException refused) {
            FormErrors errors = refusals.explain(refused, site.getLocale(), field -> fieldOf(field, form));
            response.setStatus(422);
            return show(model, site, makers(), form, key, errors, null);
        }
    }

    /** The form's field for a field of the command or a rule's code; null for what no field shows. */
    static String fieldOf(String field, PledgeForm form) {
        Matcher indicator = INDICATOR.matcher(field);
        if (indicator.matches()) {
            int row = form.rowOfIndicator(Integer.parseInt(indicator.group(1)));
            return row < 0 ? "indicators" : "indicator-" + row;
        }
        if (field.startsWith("commitment.period.") || field.equals("details.start") || field.equals("details.end")) {
            return "period";
        }
        if (field.startsWith("commitment.target.") || field.startsWith("details.targets")) {
            return "targets";
        }
        if (field.equals("commitment.co-maker.unknown") || field.startsWith("details.coMakerIds")) {
            return "coMakers";
        }
        if (field.equals("makerId") || field.equals("commitment.maker.unknown")) {
            return "makerId";
        }
        if (field.startsWith("details.")) {
            String name = field.substring("details.".length()).replaceAll("[.\\[].*", "");
            return switch (name) {
                case "types", "financial", "title", "description", "indicators", "countries", "origin" -> name;
                default -> null;
            };
        }
        return null;
    }

    private String show(Model model, SiteContext site, List<MakerProfile> makers, PledgeForm form, String key,
                        FormErrors errors, List<MakerSummary> found) {
        boolean searched = found != null;
        found = searched ? found : List.of();
        InitiativeList list = Queries.answer(queries, new ListInitiatives(null, null), InitiativeList.class);
        List<Initiative> initiatives = new ArrayList<>();
        int firstYear = implementationPeriod.firstYear();
        int lastYear = implementationPeriod.lastYear();
        for (InitiativeSummary summary : list.initiatives()) {
            // An initiative launched with years of its own (a table older than the period) widens the years offered.
            firstYear = Math.min(firstYear, summary.periodStartYear());
            lastYear = Math.max(lastYear, summary.periodEndYear());
            if (summary.actionCount() == 0) {
                continue;
            }
            InitiativeAnswer answer = Queries.optional(queries, new FindInitiative(summary.initiativeId(), null),
                    InitiativeAnswer.class).orElse(null);
            if (answer == null) {
                continue;
            }
            List<Action> actions = new ArrayList<>();
            for (ActionView a : answer.initiative().actions()) {
                actions.add(new Action(summary.initiativeId() + ":" + a.code(), a.code(),
                        site.name(a.names() == null ? Map.of() : a.names().given())));
            }
            initiatives.add(new Initiative(summary.initiativeId(), summary.code(),
                    site.name(summary.names() == null ? Map.of() : summary.names().given()), actions));
        }
        MakerProfile chosen = makers.stream().filter(m -> m.makerId().equals(form.makerId())).findFirst().orElse(null);
        StakeholderGroup group = chosen == null ? null : MakerPages.parse(StakeholderGroup.class, chosen.stakeholderGroup());
        List<Integer> years = new ArrayList<>();
        for (int y = firstYear; y <= lastYear; y++) {
            years.add(y);
        }
        model.addAttribute("form", form);
        model.addAttribute("submission", key);
        model.addAttribute("errors", errors);
        model.addAttribute("makers", makers);
        model.addAttribute("chosenMaker", chosen);
        model.addAttribute("financialExpected", group != null && group.expectedToCommitFinancially());
        model.addAttribute("types", CommitmentType.values());
        model.addAttribute("initiatives", initiatives);
        model.addAttribute("coMakerNames", coMakerNames(form, found));
        model.addAttribute("found", found);
        model.addAttribute("searched", searched);
        model.addAttribute("years", years);
        model.addAttribute("period", implementationPeriod);
        model.addAttribute("originKinds", OriginKind.values());
        model.addAttribute("reflects", list);
        return "workspace/ally/pledge-form";
    }

    /** The makers the signed-in ally acts for, as the read side knows them. */
    private List<MakerProfile> makers() {
        List<MakerProfile> makers = new ArrayList<>();
        for (String makerId : currentActor.get().makers()) {
            Queries.optional(queries, new MakerById(makerId), MakerProfile.class).ifPresent(makers::add);
        }
        makers.sort(java.util.Comparator.comparing(MakerProfile::name, String.CASE_INSENSITIVE_ORDER));
        return makers;
    }

    /** Makers whose name holds the search text, other than the one pledging and those already chosen. */
    private List<MakerSummary> find(PledgeForm form) {
        String text = form.coMakerSearch().strip();
        if (text.isEmpty()) {
            return List.of();
        }
        MakerPage page = Queries.answer(queries, new ListMakers(text, null, null, null, null, 0, FOUND_MAX + 1
                + form.coMakers().size()), MakerPage.class);
        return page.items().stream().filter(m -> !m.makerId().equals(form.makerId()) && !form.coMakers().contains(m.makerId()))
                .limit(FOUND_MAX).toList();
    }

    /** The names of the co-makers already chosen (their ids when the read side does not know them). */
    private Map<String, String> coMakerNames(PledgeForm form, List<MakerSummary> found) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String id : form.coMakers()) {
            names.put(id, found.stream().filter(m -> m.makerId().equals(id)).map(MakerSummary::name).findFirst()
                    .orElseGet(() -> id.length() > 200 ? null : Queries.optional(queries, new MakerById(id), MakerProfile.class)
                            .map(MakerProfile::name).orElse(id)));
        }
        return names;
    }
}
