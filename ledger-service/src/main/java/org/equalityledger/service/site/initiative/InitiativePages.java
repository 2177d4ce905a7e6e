package org.equalityledger.service.site.initiative;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.equalityledger.api.initiative.GovernanceRole;
import org.equalityledger.api.initiative.InitiativeKind;
import org.equalityledger.api.query.commitments.CommitmentFilter;
import org.equalityledger.api.query.commitments.CommitmentList;
import org.equalityledger.api.query.commitments.CommitmentPage;
import org.equalityledger.api.query.dashboards.Dashboard;
import org.equalityledger.api.query.dashboards.InitiativeDashboards;
import org.equalityledger.api.query.dashboards.InitiativeDashboardsQuery;
import org.equalityledger.api.query.initiatives.ActionProgress;
import org.equalityledger.api.query.initiatives.ActionView;
import org.equalityledger.api.query.initiatives.InitiativeAnswer;
import org.equalityledger.api.query.initiatives.InitiativeList;
import org.equalityledger.api.query.initiatives.InitiativeSummary;
import org.equalityledger.api.query.initiatives.ListInitiatives;
import org.equalityledger.api.query.initiatives.RoleExtension;
import org.equalityledger.api.query.initiatives.RoleView;
import org.equalityledger.api.query.makers.MakerById;
import org.equalityledger.api.query.makers.MakerProfile;
import org.equalityledger.service.query.DashboardScopes;
import org.equalityledger.service.site.SiteContext;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The initiatives of every kind, one initiative (its actions with their targets and progress, its
 * commitments, its governance, its dashboard) and one action, now or as the ledger recorded them.
 */
@Controller
public class InitiativePages {

    /** The commitments an initiative's page lists before linking to all of them. */
    static final int FEW_COMMITMENTS = 5;

    private final Reads reads;
    private final DashboardFigures figures;

    public InitiativePages(Reads reads, DashboardFigures figures) {
        this.reads = reads;
        this.figures = figures;
    }

    @GetMapping("/initiatives")
    String list(@RequestParam(required = false) InitiativeKind kind, @ModelAttribute(name = "site", binding = false) SiteContext site,
                Model model) {
        Instant asOf = site.getAsOf();
        InitiativeList all = reads.answer(new ListInitiatives(null, asOf), InitiativeList.class);
        InitiativeList shown = kind == null ? all : reads.answer(new ListInitiatives(kind, asOf), InitiativeList.class);
        InitiativeDashboards dashboards = reads.answer(new InitiativeDashboardsQuery(null, asOf), InitiativeDashboards.class);
        Map<String, Dashboard> byScope = dashboards.initiatives().stream()
                .collect(Collectors.toMap(Dashboard::scope, Function.identity()));
        Map<String, SiteContext.Name> names = names(all, site);

        Map<InitiativeKind, List<Line>> byKind = new EnumMap<>(InitiativeKind.class);
        for (InitiativeSummary i : shown.initiatives()) {
            byKind.computeIfAbsent(i.kind(), k -> new ArrayList<>()).add(new Line(i, names.get(i.initiativeId()),
                    i.parentInitiativeId() == null ? null : names.get(i.parentInitiativeId()),
                    byScope.get("initiative:" + i.initiativeId())));
        }
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", InitiativeKind.values());
        model.addAttribute("byKind", byKind);
        model.addAttribute("groups", DashboardScopes.groups());
        model.addAttribute("regions", DashboardScopes.regions());
        model.addAttribute("reflects", Reads.least(shown, dashboards));
        return "initiative/list";
    }

    @GetMapping("/initiatives/{id}")
    String initiative(@PathVariable String id, @ModelAttribute(name = "site", binding = false) SiteContext site, Model model) {
        Instant asOf = site.getAsOf();
        InitiativeAnswer answer = reads.initiative(id, asOf);
        Dashboard dashboard = reads.dashboard("initiative:" + id, asOf);
        InitiativeList all = reads.answer(new ListInitiatives(null, asOf), InitiativeList.class);
        Map<String, SiteContext.Name> names = names(all, site);
        var initiative = answer.initiative();

        model.addAttribute("answer", answer);
        model.addAttribute("initiative", initiative);
        model.addAttribute("name", site.name(reads.names(initiative.names())));
        model.addAttribute("parentName", initiative.parentInitiativeId() == null ? null : names.get(initiative.parentInitiativeId()));
        model.addAttribute("children", all.initiatives().stream().filter(i -> id.equals(i.parentInitiativeId()))
                .map(i -> new Line(i, names.get(i.initiativeId()), null, null)).toList());
        model.addAttribute("actions", actions(initiative.actions(), answer.progress(), site));
        model.addAttribute("few", reads.answer(new CommitmentList(new CommitmentFilter(id, null, null, null, null, null, null),
                0, FEW_COMMITMENTS, site.getAsOf()), CommitmentPage.class));
        model.addAttribute("governance", governance(initiative.roles(), answer.on()));
        model.addAttribute("figures", figures.view(dashboard, site, "initiative"));
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("reflects", Reads.least(answer, dashboard, all));
        return "initiative/initiative";
    }

    @GetMapping("/initiatives/{id}/actions/{code}")
    String action(@PathVariable String id, @PathVariable String code,
                  @ModelAttribute(name = "site", binding = false) SiteContext site, Model model) {
        Instant asOf = site.getAsOf();
        InitiativeAnswer answer = reads.initiative(id, asOf);
        var initiative = answer.initiative();
        ActionView action = initiative.actions().stream().filter(a -> a.code().equals(code)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no action " + code + " in " + id
                        + (asOf == null ? "" : " by " + asOf)));
        Dashboard dashboard = reads.dashboard("action:" + id + ":" + code, asOf);

        model.addAttribute("initiative", initiative);
        model.addAttribute("initiativeName", site.name(reads.names(initiative.names())));
        model.addAttribute("action", actions(List.of(action), answer.progress(), site).get(0));
        model.addAttribute("figures", figures.view(dashboard, site, "action"));
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("reflects", Reads.least(answer, dashboard));
        return "initiative/action";
    }

    private Map<String, SiteContext.Name> names(InitiativeList all, SiteContext site) {
        Map<String, SiteContext.Name> names = new LinkedHashMap<>();
        all.initiatives().forEach(i -> names.put(i.initiativeId(), site.name(reads.names(i.names()))));
        return names;
    }

    private List<Action> actions(List<ActionView> actions, Map<String, ActionProgress> progress, SiteContext site) {
        return actions.stream().map(a -> new Action(a, site.name(reads.names(a.names())), progress.get(a.code()))).toList();
    }

    /**
     * Every assignment, by role in the order of {@link GovernanceRole}; the presidency by term, as its
     * timeline. {@code on} is the day the answer reflects: a term is current, past or to come on it.
     */
    private Governance governance(List<RoleView> roles, LocalDate on) {
        Map<String, String> makerNames = new LinkedHashMap<>();
        roles.stream().map(r -> r.holder().makerId()).filter(java.util.Objects::nonNull).distinct()
                .forEach(maker -> makerNames.put(maker, reads.optional(new MakerById(maker), MakerProfile.class)
                        .map(MakerProfile::name).orElse(maker)));
        Map<GovernanceRole, List<Holding>> byRole = new EnumMap<>(GovernanceRole.class);
        roles.stream().sorted(Comparator.comparing((RoleView r) -> r.term().start()))
                .forEach(r -> byRole.computeIfAbsent(r.role(), k -> new ArrayList<>()).add(new Holding(r,
                        r.holder().makerId() == null ? r.holder().organisationName() : makerNames.get(r.holder().makerId()),
                        state(r, on))));
        List<Holding> presidency = byRole.remove(GovernanceRole.PRESIDENCY);
        return new Governance(presidency == null ? List.of() : presidency, byRole, on);
    }

    private static String state(RoleView role, LocalDate on) {
        if (on == null) {
            return "current";
        }
        if (role.term().contains(on)) {
            return "current";
        }
        return on.isBefore(role.term().start()) ? "upcoming" : "past";
    }

    /** A line of the list: the initiative, its name (and its parent's) and its dashboard (null when it has none). */
    public record Line(InitiativeSummary initiative, SiteContext.Name name, SiteContext.Name parentName, Dashboard dashboard) {
    }

    /** An action, its name for the reader, and the progress against it (null when none is counted). */
    public record Action(ActionView action, SiteContext.Name name, ActionProgress progress) {
    }

    /** One role assignment: who (by name), and whether its term is current, past or upcoming on the day. */
    public record Holding(RoleView role, String holder, String state) {

        public List<RoleExtension> extensions() {
            return role.extensions();
        }
    }

    /** The presidency's holders in order of term, and every other role's. */
    public record Governance(List<Holding> presidency, Map<GovernanceRole, List<Holding>> bodies, LocalDate on) {

        public boolean isEmpty() {
            return presidency.isEmpty() && bodies.isEmpty();
        }
    }
}
