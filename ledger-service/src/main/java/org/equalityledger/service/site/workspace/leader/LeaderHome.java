package org.equalityledger.service.site.workspace.leader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.commitment.Verdict;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.api.query.ReadAnswer;
import org.equalityledger.api.query.commitments.CommitmentFilter;
import org.equalityledger.api.query.commitments.CommitmentList;
import org.equalityledger.api.query.commitments.CommitmentPage;
import org.equalityledger.api.query.initiatives.FindInitiative;
import org.equalityledger.api.query.initiatives.InitiativeAnswer;
import org.equalityledger.api.query.queue.PendingDecisions;
import org.equalityledger.api.query.queue.QueueScope;
import org.equalityledger.api.query.queue.ValidationQueue;
import org.equalityledger.api.query.reporting.CycleCompliance;
import org.equalityledger.api.query.reporting.ReportingCycleCompliance;
import org.equalityledger.service.query.Queries;
import org.equalityledger.service.security.CurrentActor;
import org.equalityledger.service.site.SiteContext;
import org.equalityledger.service.web.Ids;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The leader's workspace: the pledges waiting for the decision of the initiatives it leads, overdue
 * first, each with the day its answer is due; then, per initiative it leads, how its commitments
 * reported cycle by cycle and its commitments, each with the way to its history.
 */
@Controller
public class LeaderHome {

    /** Commitments shown per initiative and page: the page stays short for a leader of a large alliance. */
    static final int COMMITMENTS_PER_PAGE = 10;

    private static final TypeReference<Map<String, String>> BY_LANGUAGE = new TypeReference<>() {
    };

    private final CurrentActor currentActor;
    private final QueryGateway queries;
    private final ImplementationPeriod implementationPeriod;
    private final ObjectMapper json;

    public LeaderHome(CurrentActor currentActor, QueryGateway queries, ImplementationPeriod implementationPeriod,
                      ObjectMapper json) {
        this.currentActor = currentActor;
        this.queries = queries;
        this.implementationPeriod = implementationPeriod;
        this.json = json;
    }

    /** An initiative the leader leads: its name, a page of its commitments, and its reporting cycles. */
    public record LedInitiative(String id, SiteContext.Name name, CommitmentPage commitments, int page, int lastPage,
                                List<Cycle> cycles) {

        /** The address parameter of this initiative's page of commitments (templates may not call static methods). */
        public String pageParameter() {
            return LeaderHome.pageParameter(id);
        }
    }

    /** One reporting cycle of an initiative's commitments; {@code onTime} excludes the late (the read side's {@code reported} does not). */
    public record Cycle(CycleCompliance compliance, int onTime) {
    }

    @GetMapping("/workspace/leader")
    String home(@RequestParam(required = false) String decided, @RequestParam(required = false) String verdict,
                @RequestParam Map<String, String> parameters, @ModelAttribute("site") SiteContext site, Model model) {
        Actor actor = currentActor.get();
        Set<String> led = new TreeSet<>(actor.ledInitiatives());
        // Every parameter is this page's to check: a misspelt one would silently show another page.
        for (String name : parameters.keySet()) {
            if (!Set.of("decided", "verdict", "lang", "asOf").contains(name)
                    && led.stream().map(LeaderHome::pageParameter).noneMatch(name::equals)) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown parameter " + name);
            }
        }
        // Only the queues of the initiatives led: a leader who is also an ally finds its own pledges in its ally workspace.
        ValidationQueue queue = Queries.answer(queries, new PendingDecisions(null, false, new QueueScope(false, led, Set.of())),
                ValidationQueue.class);
        List<ReadAnswer> answers = new ArrayList<>(List.of(queue));
        List<LedInitiative> initiatives = new ArrayList<>();
        for (String id : led) {
            int page = pageOf(parameters.get(pageParameter(id)));
            CommitmentPage commitments = Queries.answer(queries, new CommitmentList(new CommitmentFilter(id, null, null, null,
                    null, null, null, null, null, null), page, COMMITMENTS_PER_PAGE), CommitmentPage.class);
            List<Cycle> cycles = new ArrayList<>();
            for (int year : implementationPeriod.years()) {
                CycleCompliance cycle = Queries.answer(queries, new ReportingCycleCompliance(year, id, null), CycleCompliance.class);
                cycles.add(new Cycle(cycle, cycle.counts().reported() - cycle.counts().reportedLate()));
                answers.add(cycle);
            }
            answers.add(commitments);
            Map<String, String> names = Queries.optional(queries, new FindInitiative(id, null), InitiativeAnswer.class)
                    .map(a -> json.convertValue(a.initiative().names(), BY_LANGUAGE)).orElse(Map.of());
            initiatives.add(new LedInitiative(id, names.isEmpty() ? new SiteContext.Name(id, site.getLang(), false) : site.name(names),
                    commitments, page, Math.max(0, (commitments.total() - 1) / COMMITMENTS_PER_PAGE), cycles));
        }
        model.addAttribute("queue", queue);
        model.addAttribute("initiatives", initiatives);
        model.addAttribute("decided", decided != null && Ids.isCommitmentId(decided) ? decided : null);
        model.addAttribute("verdict", Stream.of(Verdict.values()).map(Enum::name).filter(v -> v.equals(verdict)).findFirst()
                .orElse(null));
        // A page built from several answers reflects the least advanced of them.
        model.addAttribute("reflects", answers.stream().min(Comparator.comparingLong(ReadAnswer::asOfPosition)).orElseThrow());
        return "workspace/leader/home";
    }

    /** The address parameter of an initiative's page of commitments (one per initiative, as a leader may lead several). */
    public static String pageParameter(String initiativeId) {
        return "page-" + initiativeId;
    }

    private static int pageOf(String value) {
        try {
            return value == null ? 0 : Math.max(0, Math.min(Integer.parseInt(value), 100_000));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
