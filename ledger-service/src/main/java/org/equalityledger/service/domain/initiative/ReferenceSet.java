package org.equalityledger.service.domain.initiative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.LocalizedName;
import org.equalityledger.api.initiative.AssignGovernanceRole;
import org.equalityledger.api.initiative.DefineAction;
import org.equalityledger.api.initiative.GovernanceRole;
import org.equalityledger.api.initiative.InitiativeKind;
import org.equalityledger.api.initiative.LaunchInitiative;
import org.equalityledger.api.initiative.MeasurableTarget;
import org.equalityledger.api.initiative.RoleHolder;
import org.equalityledger.api.initiative.Term;

/**
 * The reference set of initiatives (classpath {@value #RESOURCE}) as the commands that set it up, each
 * at the historical instant the file gives it (with its source): an initiative's launch, its actions,
 * its governance roles, all in time order, parents before children. Loading it is sending these
 * commands with the domain's clock at those instants, so the reference set obeys the same rules as any
 * user and time travel never shows an initiative, action or role before it existed.
 */
public final class ReferenceSet {

    public static final String RESOURCE = "/reference/initiatives.json";

    private final JsonNode root;

    private ReferenceSet(JsonNode root) {
        this.root = root;
    }

    /** The reference set shipped with the service. */
    public static ReferenceSet shipped() {
        InputStream in = ReferenceSet.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("reference set " + RESOURCE + " is missing from the classpath");
        }
        return read(in);
    }

    public static ReferenceSet read(InputStream json) {
        try (json) {
            return new ReferenceSet(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("the reference set is not readable JSON", e);
        }
    }

    /** The ids of the initiatives, in file order. */
    public List<String> initiativeIds() {
        List<String> ids = new ArrayList<>();
        root.path("initiatives").forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }

    /** One command of the reference set and the instant it is recorded at. */
    public record Step(Instant at, Object command) {
    }

    /** The commands of {@link #steps}, in the same order. */
    public List<Object> commands(Actor secretariat) {
        return steps(secretariat).stream().map(Step::command).toList();
    }

    /**
     * The steps that load the reference set, done by {@code secretariat}, in time order (an instant's
     * steps in file order: a launch, then its actions, then its roles); refused when a child would be
     * launched before its parent.
     */
    public List<Step> steps(Actor secretariat) {
        List<JsonNode> pending = new ArrayList<>();
        root.path("initiatives").forEach(pending::add);
        Set<String> launched = new HashSet<>();
        List<Step> commands = new ArrayList<>();
        while (!pending.isEmpty()) {
            JsonNode next = pending.stream()
                    .filter(i -> text(i, "parentId") == null || launched.contains(text(i, "parentId")))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "the reference set names parents it does not contain, or a cycle of parents"));
            pending.remove(next);
            commands.addAll(stepsFor(next, secretariat));
            launched.add(text(next, "id"));
        }
        commands.sort(Comparator.comparing(Step::at)); // stable: an instant's steps keep their order
        Map<String, Instant> launchedAt = new HashMap<>();
        for (Step step : commands) {
            if (step.command() instanceof LaunchInitiative launch) {
                String parent = launch.parentInitiativeId();
                if (parent != null && !launchedAt.containsKey(parent)) {
                    throw new IllegalStateException("the reference set launches " + launch.initiativeId() + " at "
                            + step.at() + ", before its parent " + parent);
                }
                launchedAt.put(launch.initiativeId(), step.at());
            }
        }
        return commands;
    }

    private static List<Step> stepsFor(JsonNode initiative, Actor secretariat) {
        String id = text(initiative, "id");
        Instant launchedAt = recordedAt(initiative.path("recorded"), id);
        Instant actionsAt = initiative.has("actionsRecorded")
                ? recordedAt(initiative.path("actionsRecorded"), id + " actions") : launchedAt;
        List<Step> commands = new ArrayList<>();
        commands.add(new Step(launchedAt, new LaunchInitiative(id, InitiativeKind.valueOf(text(initiative, "kind")),
                text(initiative, "code"), names(initiative.path("names")), integer(initiative, "periodStartYear"),
                integer(initiative, "periodEndYear"), text(initiative, "parentId"), secretariat)));
        for (JsonNode action : initiative.path("actions")) {
            List<MeasurableTarget> targets = new ArrayList<>();
            for (JsonNode target : action.path("targets")) {
                targets.add(new MeasurableTarget(text(target, "description"),
                        target.hasNonNull("value") ? new BigDecimal(target.get("value").asText()) : null,
                        text(target, "unit"), integer(target, "byYear")));
            }
            commands.add(new Step(actionsAt, new DefineAction(id, text(action, "code"), names(action.path("names")),
                    targets, secretariat)));
        }
        for (JsonNode role : initiative.path("roles")) {
            String end = text(role, "end");
            commands.add(new Step(recordedAt(role.path("recorded"), id + " " + text(role, "role")),
                    new AssignGovernanceRole(id, GovernanceRole.valueOf(text(role, "role")),
                            new RoleHolder(text(role, "makerId"), text(role, "organisationName")),
                            new Term(LocalDate.parse(text(role, "start")), end == null ? null : LocalDate.parse(end)),
                            secretariat)));
        }
        return commands;
    }

    /** Every instant of the file comes with where its date comes from, or the file is refused. */
    private static Instant recordedAt(JsonNode recorded, String what) {
        if (text(recorded, "at") == null || text(recorded, "source") == null) {
            throw new IllegalStateException("the reference set gives " + what + " no recorded.at with its source");
        }
        return Instant.parse(text(recorded, "at"));
    }

    private static LocalizedName names(JsonNode names) {
        return new LocalizedName(text(names, "en"), text(names, "es"), text(names, "fr"), text(names, "ru"),
                text(names, "ar"));
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Integer integer(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asInt() : null;
    }
}
