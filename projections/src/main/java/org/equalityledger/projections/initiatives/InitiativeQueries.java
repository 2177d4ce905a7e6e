package org.equalityledger.projections.initiatives;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.equalityledger.api.initiative.GovernanceRole;
import org.equalityledger.api.query.LedgerPoint;
import org.equalityledger.api.query.initiatives.ActionProgress;
import org.equalityledger.api.query.initiatives.ActionView;
import org.equalityledger.api.query.initiatives.FindInitiative;
import org.equalityledger.api.query.initiatives.InitiativeAnswer;
import org.equalityledger.api.query.initiatives.InitiativeList;
import org.equalityledger.api.query.initiatives.InitiativeSummary;
import org.equalityledger.api.query.initiatives.InitiativeView;
import org.equalityledger.api.query.initiatives.ListInitiatives;
import org.equalityledger.projections.dashboards.Contribution;
import org.equalityledger.projections.dashboards.DashboardFiguresAsOf;
import org.equalityledger.projections.dashboards.DashboardProjector;
import org.equalityledger.projections.reference.Recorded;
import org.equalityledger.projections.store.LedgerEvent;
import org.equalityledger.projections.store.ReadModelJson;

/**
 * Answers about initiatives: now, from {@code rm_initiative_views} at the position the projection
 * reached; as of an instant, by folding each initiative's events recorded by then, so that nothing
 * appears before it existed. The progress against actions comes from the dashboards' figures (now, or
 * as of the same instant), so a current answer reflects the lower of the two projections' positions.
 */
public class InitiativeQueries {

    private final Recorded recorded;
    private final DashboardFiguresAsOf figuresAsOf;

    public InitiativeQueries(Recorded recorded, DashboardFiguresAsOf figuresAsOf) {
        this.recorded = recorded;
        this.figuresAsOf = figuresAsOf;
    }

    @QueryHandler
    public InitiativeList handle(ListInitiatives q) {
        LedgerPoint point = q.asOf() == null ? recorded.current(InitiativesProjector.NAME) : recorded.asOf(q.asOf());
        List<InitiativeView> views = q.asOf() == null ? current(q) : asOf(knownIds(), point.position());
        List<InitiativeSummary> list = views.stream()
                .filter(v -> q.kind() == null || v.kind() == q.kind())
                .map(InitiativeView::summary)
                .sorted(Comparator.comparing(InitiativeSummary::initiativeId))
                .toList();
        return new InitiativeList(list, point.position(), point.recordedAt());
    }

    @QueryHandler
    public Optional<InitiativeAnswer> handle(FindInitiative q) {
        LedgerPoint point;
        Optional<InitiativeView> view;
        Map<String, Map<String, Long>> figures;
        if (q.asOf() == null) {
            point = recorded.current(InitiativesProjector.NAME, DashboardProjector.NAME);
            Document doc = recorded.collection(InitiativesProjector.VIEWS).find(eq("_id", q.initiativeId())).first();
            view = Optional.ofNullable(doc).map(d -> ReadModelJson.fromStored(d.get("state"), InitiativeView.class));
            figures = view.map(this::currentFigures).orElse(Map.of());
        } else {
            point = recorded.asOf(q.asOf());
            view = asOf(List.of(q.initiativeId()), point.position()).stream().findFirst();
            figures = view.map(v -> figuresAsOf(v, q.asOf())).orElse(Map.of());
        }
        LocalDate on = LocalDate.ofInstant(q.asOf() == null ? recorded.now() : q.asOf(), ZoneOffset.UTC);
        return view.map(v -> answer(v, on, figures, point));
    }

    private static InitiativeAnswer answer(InitiativeView v, LocalDate on, Map<String, Map<String, Long>> figures,
                                           LedgerPoint point) {
        Map<String, ActionProgress> progress = new LinkedHashMap<>();
        for (ActionView a : v.actions()) {
            Map<String, Long> f = figures.getOrDefault(actionScope(v, a), Map.of());
            Map<String, Long> latest = new HashMap<>();
            f.forEach((name, value) -> {
                if (name.startsWith("progress:")) {
                    latest.put(name.substring("progress:".length()), value);
                }
            });
            progress.put(a.code(), new ActionProgress(f.getOrDefault("commitments", 0L), f.getOrDefault("accepted", 0L),
                    f.getOrDefault("reported", 0L), latest, ActionProgress.COUNTED));
        }
        long commitments = figures.getOrDefault(initiativeScope(v), Map.of()).getOrDefault("commitments", 0L);
        return new InitiativeAnswer(v, on, v.holder(GovernanceRole.PRESIDENCY, on).orElse(null), progress,
                new InitiativeAnswer.Commitments(commitments, "/api/commitments?initiative=" + v.initiativeId()),
                point.position(), point.recordedAt());
    }

    private List<InitiativeView> current(ListInitiatives q) {
        List<InitiativeView> views = new ArrayList<>();
        var docs = q.kind() == null ? recorded.collection(InitiativesProjector.VIEWS).find()
                : recorded.collection(InitiativesProjector.VIEWS).find(eq("kind", q.kind().name()));
        docs.forEach(d -> views.add(ReadModelJson.fromStored(d.get("state"), InitiativeView.class)));
        return views;
    }

    /** The initiatives the read model knows: those launched by any earlier instant are among them. */
    private List<String> knownIds() {
        List<String> ids = new ArrayList<>();
        recorded.collection(InitiativesProjector.VIEWS).find().projection(new Document("_id", 1))
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    /** Each initiative folded from its events up to {@code position}; those not launched by then are left out. */
    private List<InitiativeView> asOf(List<String> ids, long position) {
        List<InitiativeView> views = new ArrayList<>();
        if (position < 0) {
            return views;
        }
        for (List<LedgerEvent> events : recorded.ledger().eventsOf(ids).values()) {
            InitiativeFold.fold(events.stream().filter(e -> e.position() <= position).toList()).ifPresent(views::add);
        }
        return views;
    }

    private Map<String, Map<String, Long>> currentFigures(InitiativeView v) {
        List<String> keys = new ArrayList<>();
        keys.add(Contribution.key(initiativeScope(v), Contribution.ALL));
        v.actions().forEach(a -> keys.add(Contribution.key(actionScope(v, a), Contribution.ALL)));
        Map<String, Map<String, Long>> figures = new HashMap<>();
        for (Document d : recorded.collection(DashboardProjector.DASHBOARDS).find(in("_id", keys))) {
            String scope = d.getString("_id").substring(0, d.getString("_id").lastIndexOf('|'));
            Map<String, Long> f = new HashMap<>();
            d.get("f", Document.class).forEach((name, value) -> f.put(name, ((Number) value).longValue()));
            figures.put(scope, f);
        }
        return figures;
    }

    private Map<String, Map<String, Long>> figuresAsOf(InitiativeView v, Instant at) {
        Map<String, Map<String, Long>> figures = new HashMap<>();
        figures.put(initiativeScope(v), figuresAsOf.figures(initiativeScope(v), at).getOrDefault(Contribution.ALL, Map.of()));
        for (ActionView a : v.actions()) {
            figures.put(actionScope(v, a), figuresAsOf.figures(actionScope(v, a), at).getOrDefault(Contribution.ALL, Map.of()));
        }
        return figures;
    }

    private static String initiativeScope(InitiativeView v) {
        return "initiative:" + v.initiativeId();
    }

    private static String actionScope(InitiativeView v, ActionView a) {
        return "action:" + v.initiativeId() + ":" + a.code();
    }
}
