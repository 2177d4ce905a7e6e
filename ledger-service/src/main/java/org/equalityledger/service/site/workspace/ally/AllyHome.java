package org.equalityledger.service.site.workspace.ally;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.commitment.CommitmentStatus;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.LocalizedName;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.api.query.ReadAnswer;
import org.equalityledger.api.query.commitments.CommitmentById;
import org.equalityledger.api.query.commitments.CommitmentView;
import org.equalityledger.api.query.dashboards.CycleFigures;
import org.equalityledger.api.query.dashboards.Dashboard;
import org.equalityledger.api.query.dashboards.DashboardQuery;
import org.equalityledger.api.query.dashboards.Figures;
import org.equalityledger.api.query.initiatives.InitiativeList;
import org.equalityledger.api.query.initiatives.InitiativeSummary;
import org.equalityledger.api.query.initiatives.ListInitiatives;
import org.equalityledger.api.query.makers.MakerById;
import org.equalityledger.api.query.makers.MakerProfile;
import org.equalityledger.api.reporting.ReportingStatusPolicy;
import org.equalityledger.service.query.Queries;
import org.equalityledger.service.security.CurrentActor;
import org.equalityledger.service.site.SiteContext;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ally's workspace: the commitment makers it acts for and, for each, its commitments with their state,
 * every targeted initiative's decision, and what is due: a decision still awaited from an initiative's
 * leadership, the yearly report of an opened reporting cycle not filed yet (overdue once its deadline passed).
 * Each commitment leads to its workspace page, where the ally acts on it.
 */
@Controller
public class AllyHome {

    /** The commitments of one maker the page lists at most; the public maker page lists them all. */
    static final int SHOWN_MAX = 100;

    /** A maker, its commitments (newest first, those owing something before), and whether some were left out. */
    public record MakerWork(MakerProfile maker, List<CommitmentWork> commitments, boolean more) {
    }

    /** A commitment with its decisions, each initiative named in the reader's language, and what it owes. */
    public record CommitmentWork(CommitmentView commitment, List<DecisionLine> decisions, List<Due> due) {
    }

    public record DecisionLine(String initiativeId, SiteContext.Name initiative, String decision, Instant dueBy,
                               boolean overdue) {
    }

    /**
     * Something owed: {@code kind} {@code report} (for {@code year}, by the cycle's deadline {@code by}) or
     * {@code decision} (of {@code initiative}'s leadership, by {@code by}); {@code overdue} once {@code by} passed.
     */
    public record Due(String kind, Integer year, SiteContext.Name initiative, Instant by, boolean overdue) {
    }

    /** What the page's figures reflect: the least advanced of the answers it shows. */
    record Reflects(long asOfPosition, Instant recordedUpTo) implements ReadAnswer {
    }

    private final CurrentActor currentActor;
    private final QueryGateway queries;
    private final ImplementationPeriod implementationPeriod;

    public AllyHome(CurrentActor currentActor, QueryGateway queries, ImplementationPeriod implementationPeriod) {
        this.currentActor = currentActor;
        this.queries = queries;
        this.implementationPeriod = implementationPeriod;
    }

    @GetMapping("/workspace/ally")
    String home(@RequestParam(required = false) String registered, @ModelAttribute("site") SiteContext site, Model model) {
        Actor actor = currentActor.get();
        List<ReadAnswer> answers = new ArrayList<>();
        List<MakerProfile> makers = new ArrayList<>();
        for (String makerId : actor.makers()) {
            Queries.optional(queries, new MakerById(makerId), MakerProfile.class).ifPresent(makers::add);
        }
        makers.sort(Comparator.comparing(MakerProfile::name, String.CASE_INSENSITIVE_ORDER));
        answers.addAll(makers);
        List<MakerWork> work = new ArrayList<>();
        if (!makers.isEmpty()) {
            InitiativeList initiatives = Queries.answer(queries, new ListInitiatives(null, null), InitiativeList.class);
            answers.add(initiatives);
            Map<String, LocalizedName> names = new HashMap<>();
            for (InitiativeSummary i : initiatives.initiatives()) {
                names.put(i.initiativeId(), i.names());
            }
            Map<Integer, CycleFigures> cycles = openedCycles(answers);
            for (MakerProfile maker : makers) {
                List<CommitmentWork> commitments = new ArrayList<>();
                for (MakerProfile.MakerCommitment c : maker.commitments()) {
                    if (commitments.size() == SHOWN_MAX) {
                        break;
                    }
                    Queries.optional(queries, new CommitmentById(c.commitmentId(), null), CommitmentView.class)
                            .ifPresent(view -> {
                                answers.add(view);
                                commitments.add(work(view, d -> name(d.initiativeId(), d.initiativeName(), names, site), cycles));
                            });
                }
                commitments.sort(Comparator.comparing((CommitmentWork w) -> w.due().isEmpty())
                        .thenComparing(w -> w.commitment().pledgedAt(), Comparator.nullsLast(Comparator.reverseOrder())));
                work.add(new MakerWork(maker, commitments, maker.commitments().size() > SHOWN_MAX));
            }
        }
        model.addAttribute("makers", work);
        model.addAttribute("registered", registered);
        answers.stream().min(Comparator.comparingLong(ReadAnswer::asOfPosition))
                .ifPresent(least -> model.addAttribute("reflects", new Reflects(least.asOfPosition(), least.recordedUpTo())));
        return "workspace/ally/home";
    }

    /** The reporting cycles opened so far, by year: their deadline, and whether it has passed. */
    private Map<Integer, CycleFigures> openedCycles(List<ReadAnswer> answers) {
        Map<Integer, CycleFigures> cycles = new TreeMap<>();
        for (int year : implementationPeriod.years()) {
            Queries.optional(queries, new DashboardQuery("global", year, null), Dashboard.class).ifPresent(dashboard -> {
                answers.add(dashboard);
                if (dashboard.figures() instanceof Figures.Year figures && figures.cycle() != null
                        && figures.cycle().deadline() != null) {
                    cycles.put(year, figures.cycle());
                }
            });
        }
        return cycles;
    }

    /** The commitment's decisions, each initiative named by {@code namer}, and what it owes given the cycles opened. */
    static CommitmentWork work(CommitmentView view, Function<CommitmentView.Decision, SiteContext.Name> namer,
                               Map<Integer, CycleFigures> cycles) {
        List<DecisionLine> decisions = new ArrayList<>();
        List<Due> due = new ArrayList<>();
        for (CommitmentView.Decision d : view.decisions()) {
            SiteContext.Name initiative = namer.apply(d);
            decisions.add(new DecisionLine(d.initiativeId(), initiative, d.decision(), d.dueBy(), d.overdue()));
            if ("PENDING".equals(d.decision()) && d.stillTargeted() && view.status().isOpen()) {
                due.add(new Due("decision", null, initiative, d.dueBy(), d.overdue()));
            }
        }
        // The reports the read side counts as missing (their deadline passed), then those of cycles still running.
        List<Integer> missing = view.reportingStatus() == null ? List.of() : view.reportingStatus().missingYears();
        for (int year : missing) {
            CycleFigures cycle = cycles.get(year);
            due.add(new Due("report", year, null, cycle == null ? null : cycle.deadline(), true));
        }
        if (view.status() == CommitmentStatus.ACTIVE || view.status() == CommitmentStatus.COMPLETED) {
            int last = ReportingStatusPolicy.lastExpectedYear(view.end().getYear(), view.closedAt());
            cycles.forEach((year, cycle) -> {
                if (!cycle.deadlinePassed() && !missing.contains(year) && year >= view.start().getYear() && year <= last
                        && view.reports().stream().noneMatch(r -> r.year() == year)) {
                    due.add(new Due("report", year, null, cycle.deadline(), false));
                }
            });
        }
        return new CommitmentWork(view, decisions, due);
    }

    private static SiteContext.Name name(String id, String english, Map<String, LocalizedName> names, SiteContext site) {
        LocalizedName localized = names.get(id);
        if (localized == null) {
            return new SiteContext.Name(english == null ? id : english, "en", !"en".equals(site.getLang()));
        }
        return site.name(localized.given());
    }
}
