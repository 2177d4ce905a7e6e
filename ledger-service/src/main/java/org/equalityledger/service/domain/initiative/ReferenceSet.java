package org.equalityledger.service.domain.initiative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 * The reference set of initiatives (classpath {@value #RESOURCE}) as the commands that set it up:
 * each initiative's launch, then its actions, then its governance roles, parents before children.
 * Loading it is sending these commands, so the reference set obeys the same rules as any user.
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

    /**
     * The commands that load the reference set, done by {@code secretariat}: launches ordered so that
     * a parent is launched before its children, each followed by its actions and roles.
     */
    public List<Object> commands(Actor secretariat) {
        List<JsonNode> pending = new ArrayList<>();
        root.path("initiatives").forEach(pending::add);
        Set<String> launched = new HashSet<>();
        List<Object> commands = new ArrayList<>();
        while (!pending.isEmpty()) {
            JsonNode next = pending.stream()
                    .filter(i -> text(i, "parentId") == null || launched.contains(text(i, "parentId")))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "the reference set names parents it does not contain, or a cycle of parents"));
            pending.remove(next);
            commands.addAll(commandsFor(next, secretariat));
            launched.add(text(next, "id"));
        }
        return commands;
    }

    private static List<Object> commandsFor(JsonNode initiative, Actor secretariat) {
        String id = text(initiative, "id");
        List<Object> commands = new ArrayList<>();
        commands.add(new LaunchInitiative(id, InitiativeKind.valueOf(text(initiative, "kind")),
                text(initiative, "code"), names(initiative.path("names")), integer(initiative, "periodStartYear"),
                integer(initiative, "periodEndYear"), text(initiative, "parentId"), secretariat));
        for (JsonNode action : initiative.path("actions")) {
            List<MeasurableTarget> targets = new ArrayList<>();
            for (JsonNode target : action.path("targets")) {
                targets.add(new MeasurableTarget(text(target, "description"),
                        target.hasNonNull("value") ? new BigDecimal(target.get("value").asText()) : null,
                        text(target, "unit"), integer(target, "byYear")));
            }
            commands.add(new DefineAction(id, text(action, "code"), names(action.path("names")), targets,
                    secretariat));
        }
        for (JsonNode role : initiative.path("roles")) {
            String end = text(role, "end");
            commands.add(new AssignGovernanceRole(id, GovernanceRole.valueOf(text(role, "role")),
                    new RoleHolder(text(role, "makerId"), text(role, "organisationName")),
                    new Term(LocalDate.parse(text(role, "start")), end == null ? null : LocalDate.parse(end)),
                    secretariat));
        }
        return commands;
    }

    private static LocalizedName names(JsonNode names) {
        return new LocalizedName(text(names, "en"), text(names, "es"), text(names, "fr"));
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Integer integer(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asInt() : null;
    }
}
