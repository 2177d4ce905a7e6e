package org.equalityledger.service.site.workspace.secretariat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.LocalizedName;
import org.equalityledger.api.initiative.AssignGovernanceRole;
import org.equalityledger.api.initiative.DefineAction;
import org.equalityledger.api.initiative.ExtendPresidency;
import org.equalityledger.api.initiative.GovernanceRole;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.api.initiative.InitiativeKind;
import org.equalityledger.api.initiative.LaunchInitiative;
import org.equalityledger.api.initiative.MeasurableTarget;
import org.equalityledger.api.initiative.RoleHolder;
import org.equalityledger.api.initiative.Term;
import org.equalityledger.api.query.initiatives.FindInitiative;
import org.equalityledger.api.query.initiatives.InitiativeAnswer;
import org.equalityledger.api.query.initiatives.InitiativeList;
import org.equalityledger.api.query.initiatives.ListInitiatives;
import org.equalityledger.api.query.initiatives.RoleView;
import org.equalityledger.service.query.Queries;
import org.equalityledger.service.security.CurrentActor;
import org.equalityledger.service.site.SiteContext;
import org.equalityledger.service.site.workspace.FormErrors;
import org.equalityledger.service.site.workspace.Refusals;
import org.equalityledger.service.site.workspace.Submissions;
import org.equalityledger.service.web.CommandDispatcher;
import org.equalityledger.service.web.Ids;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The secretariat sets up initiatives: launches one, defines its actions with measurable targets, assigns
 * its governance roles and extends its presidency. Each form builds the command as the API does
 * ({@code InitiativeController}) and is sent once; the aggregate decides, the form shows its refusal beside
 * the field it concerns.
 */
@Controller
public class InitiativeForms {

    static final String BASE = "/workspace/secretariat/initiatives";
    /** Target rows a new action form offers; "another target" adds one (the command takes up to 50). */
    static final int TARGET_ROWS = 3;
    static final int MAX_TARGET_ROWS = 50;
    static final List<String> TARGET_PARTS = List.of("description", "value", "unit", "byYear");

    private final CommandDispatcher commands;
    private final CurrentActor currentActor;
    private final ImplementationPeriod implementationPeriod;
    private final QueryGateway queries;
    private final Submissions submissions;
    private final Refusals refusals;

    public InitiativeForms(CommandDispatcher commands, CurrentActor currentActor, ImplementationPeriod implementationPeriod,
                           QueryGateway queries, Submissions submissions, Refusals refusals) {
        this.commands = commands;
        this.currentActor = currentActor;
        this.implementationPeriod = implementationPeriod;
        this.queries = queries;
        this.submissions = submissions;
        this.refusals = refusals;
    }

    // ---- launch -------------------------------------------------------------------------------

    static final List<String> LAUNCH_FIELDS = List.of("id", "code", "kind", "parentInitiativeId", "nameEn", "nameFr", "nameEs",
            "nameRu", "nameAr", "periodStartYear", "periodEndYear");

    @GetMapping(BASE + "/new")
    String launchForm(Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        LAUNCH_FIELDS.forEach(f -> form.put(f, ""));
        return showLaunch(model, form, Submissions.newKey(), FormErrors.NONE);
    }

    @PostMapping(BASE + "/new")
    String launch(HttpServletRequest request, HttpServletResponse response, @ModelAttribute("site") SiteContext site, Model model) {
        Map<String, String> form = fields(request, LAUNCH_FIELDS);
        try {
            return "redirect:" + submissions.once(request, () -> {
                Actor actor = currentActor.get();
                FormValues values = new FormValues();
                String givenId = FormValues.text(form.get("id"));
                String code = FormValues.text(form.get("code"));
                String id = givenId != null ? givenId : Ids.initiativeIdFromCode(code);
                if (id != null && !Ids.isInitiativeId(id)) {
                    values.add(givenId != null ? "id" : "code", Ids.INITIATIVE_ID_RULE);
                }
                InitiativeKind kind = parse(InitiativeKind.class, form.get("kind"));
                Integer first = values.year("periodStartYear", form.get("periodStartYear"));
                Integer last = values.year("periodEndYear", form.get("periodEndYear"));
                // As the API: a year left out is the configured period's, so a lone end year before its start is named too.
                Integer start = first != null ? first : implementationPeriod.firstYear();
                Integer end = last != null ? last : implementationPeriod.lastYear();
                LocalizedName names = FormValues.names(FormValues.nameFields(request));
                LaunchInitiative command = values.build(() -> new LaunchInitiative(id, kind, code, names, start, end,
                        FormValues.text(form.get("parentInitiativeId")), actor));
                commands.send(command, actor, null);
                return site.href(BASE + "/" + id, "done", "launched");
            });
        } catch (RuntimeException refused) {
            boolean idGiven = FormValues.text(form.get("id")) != null;
            FormErrors errors = refusals.explain(refused, site.getLocale(), field -> switch (field) {
                case "initiativeId", "initiative.already-launched" -> idGiven ? "id" : "code";
                case "id", "code", "kind", "parentInitiativeId", "periodStartYear", "periodEndYear" -> field;
                case "initiative.parent.unknown" -> "parentInitiativeId";
                default -> FormValues.nameField(field);
            });
            response.setStatus(422);
            return showLaunch(model, form, request.getParameter(Submissions.FIELD), errors);
        }
    }

    private String showLaunch(Model model, Map<String, String> form, String key, FormErrors errors) {
        InitiativeList initiatives = Queries.answer(queries, new ListInitiatives(null, null), InitiativeList.class);
        model.addAttribute("form", form);
        model.addAttribute("submission", key);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", InitiativeKind.values());
        model.addAttribute("initiatives", initiatives.initiatives());
        model.addAttribute("period", implementationPeriod);
        model.addAttribute("languages", LocalizedName.LANGUAGES);
        return "workspace/secretariat/initiative-launch";
    }

    // ---- one initiative ----------------------------------------------------------------------

    @GetMapping(BASE + "/{id}")
    String initiative(@PathVariable String id, @RequestParam(required = false) String done, Model model) {
        InitiativeAnswer answer = initiative(id);
        model.addAttribute("answer", answer);
        model.addAttribute("initiative", answer.initiative());
        model.addAttribute("reflects", answer);
        model.addAttribute("done", done);
        model.addAttribute("presidency", latestPresidency(answer).orElse(null));
        return "workspace/secretariat/initiative";
    }

    // ---- define an action --------------------------------------------------------------------

    @GetMapping(BASE + "/{id}/actions/new")
    String actionForm(@PathVariable String id, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("actionCode", "");
        LocalizedName.LANGUAGES.forEach(l -> form.put(FormValues.nameField("names." + l), ""));
        return showAction(model, initiative(id), form, emptyRows(TARGET_ROWS), Submissions.newKey(), FormErrors.NONE, 200, null);
    }

    @PostMapping(BASE + "/{id}/actions/new")
    String defineAction(@PathVariable String id, HttpServletRequest request, HttpServletResponse response,
                        @ModelAttribute("site") SiteContext site, Model model) {
        InitiativeAnswer answer = initiative(id);
        Map<String, String> form = fields(request, List.of("actionCode", "nameEn", "nameFr", "nameEs", "nameRu", "nameAr"));
        List<Map<String, String>> rows = targetRows(request);
        if (request.getParameter("anotherTarget") != null) {
            // Another row for one more target; nothing is sent, the form keeps its key and values.
            if (rows.size() < MAX_TARGET_ROWS) {
                rows.addAll(emptyRows(1));
            }
            return showAction(model, answer, form, rows, request.getParameter(Submissions.FIELD), FormErrors.NONE, 200,
                    "target-" + (rows.size() - 1) + "-description");
        }
        // The command's targets are the rows filled in; each keeps the row it came from, for the refusals.
        List<Integer> rowOfTarget = new ArrayList<>();
        try {
            return "redirect:" + submissions.once(request, () -> {
                Actor actor = currentActor.get();
                FormValues values = new FormValues();
                List<MeasurableTarget> targets = new ArrayList<>();
                for (int row = 0; row < rows.size(); row++) {
                    Map<String, String> r = rows.get(row);
                    if (r.values().stream().allMatch(v -> v.isBlank())) {
                        continue;
                    }
                    int index = targets.size();
                    rowOfTarget.add(row);
                    String field = "targets[" + index + "]";
                    targets.add(new MeasurableTarget(r.get("description").strip(), values.number(field + ".value", r.get("value")),
                            FormValues.text(r.get("unit")), values.year(field + ".byYear", r.get("byYear"))));
                }
                DefineAction command = values.build(() -> new DefineAction(id, FormValues.text(form.get("actionCode")),
                        FormValues.names(FormValues.nameFields(request)), targets, actor));
                commands.send(command, actor, null);
                return site.href(BASE + "/" + id, "done", "action-defined");
            });
        } catch (RuntimeException refused) {
            FormErrors errors = refusals.explain(refused, site.getLocale(), targetField(rowOfTarget));
            response.setStatus(422);
            return showAction(model, answer, form, rows, request.getParameter(Submissions.FIELD), errors, 422, null);
        }
    }

    /** Where a refusal of the action form goes: the code, a name, or the row of the target it names. */
    private static UnaryOperator<String> targetField(List<Integer> rowOfTarget) {
        return field -> {
            if (field.equals("actionCode") || field.equals("initiative.action.duplicate-code")
                    || field.equals("initiative.actions.at-most-four")) {
                return "actionCode";
            }
            if (field.equals("targets")) {
                return "target-0-description";
            }
            java.util.regex.Matcher target = java.util.regex.Pattern.compile("targets\\[(\\d+)]\\.?(\\w*)").matcher(field);
            if (target.matches()) {
                int index = Integer.parseInt(target.group(1));
                int row = index < rowOfTarget.size() ? rowOfTarget.get(index) : index;
                String part = TARGET_PARTS.contains(target.group(2)) ? target.group(2) : "description";
                return "target-" + row + "-" + part;
            }
            return FormValues.nameField(field);
        };
    }

    private String showAction(Model model, InitiativeAnswer answer, Map<String, String> form, List<Map<String, String>> rows,
                              String key, FormErrors errors, int status, String focus) {
        model.addAttribute("initiative", answer.initiative());
        model.addAttribute("reflects", answer);
        model.addAttribute("form", form);
        model.addAttribute("rows", rows);
        model.addAttribute("canAddRow", rows.size() < MAX_TARGET_ROWS);
        model.addAttribute("targetParts", TARGET_PARTS);
        model.addAttribute("submission", key);
        model.addAttribute("errors", errors);
        model.addAttribute("languages", LocalizedName.LANGUAGES);
        model.addAttribute("focus", focus);
        return "workspace/secretariat/action-form";
    }

    private static List<Map<String, String>> emptyRows(int count) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, String> row = new LinkedHashMap<>();
            TARGET_PARTS.forEach(p -> row.put(p, ""));
            rows.add(row);
        }
        return rows;
    }

    /** The target rows as sent: each part a repeated field ({@code targetDescription} …), row by row. */
    private static List<Map<String, String>> targetRows(HttpServletRequest request) {
        Map<String, String[]> parts = new LinkedHashMap<>();
        int count = 0;
        for (String part : TARGET_PARTS) {
            String[] values = request.getParameterValues("target" + Character.toUpperCase(part.charAt(0)) + part.substring(1));
            parts.put(part, values == null ? new String[0] : values);
            count = Math.max(count, parts.get(part).length);
        }
        List<Map<String, String>> rows = emptyRows(Math.min(Math.max(count, 1), MAX_TARGET_ROWS));
        for (int i = 0; i < rows.size(); i++) {
            for (String part : TARGET_PARTS) {
                String[] values = parts.get(part);
                rows.get(i).put(part, i < values.length ? values[i] : "");
            }
        }
        return rows;
    }

    // ---- assign a governance role ------------------------------------------------------------

    static final List<String> ROLE_FIELDS = List.of("role", "holderMakerId", "holderOrganisationName", "termStart", "termEnd");

    @GetMapping(BASE + "/{id}/roles/new")
    String roleForm(@PathVariable String id, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        ROLE_FIELDS.forEach(f -> form.put(f, ""));
        return showRole(model, initiative(id), form, Submissions.newKey(), FormErrors.NONE);
    }

    @PostMapping(BASE + "/{id}/roles/new")
    String assignRole(@PathVariable String id, HttpServletRequest request, HttpServletResponse response,
                      @ModelAttribute("site") SiteContext site, Model model) {
        InitiativeAnswer answer = initiative(id);
        Map<String, String> form = fields(request, ROLE_FIELDS);
        try {
            return "redirect:" + submissions.once(request, () -> {
                Actor actor = currentActor.get();
                FormValues values = new FormValues();
                String makerId = FormValues.text(form.get("holderMakerId"));
                String organisation = FormValues.text(form.get("holderOrganisationName"));
                RoleHolder holder = new RoleHolder(makerId, organisation);
                LocalDate start = values.date("term.start", form.get("termStart"));
                LocalDate end = values.date("term.end", form.get("termEnd"));
                AssignGovernanceRole command = values.build(() -> new AssignGovernanceRole(id,
                        parse(GovernanceRole.class, form.get("role")), holder, new Term(start, end), actor));
                commands.send(command, actor, null);
                return site.href(BASE + "/" + id, "done", "role-assigned");
            });
        } catch (RuntimeException refused) {
            FormErrors errors = refusals.explain(refused, site.getLocale(), field -> switch (field) {
                case "role" -> "role";
                case "holder", "holder.organisationName", "initiative.role.already-held" -> "holderOrganisationName";
                case "holder.makerId", "initiative.role.unknown-maker" -> "holderMakerId";
                case "term", "term.start", "initiative.presidency.one-holder-at-a-time" -> "termStart";
                case "term.end", "initiative.presidency.one-year-term" -> "termEnd";
                default -> null;
            });
            response.setStatus(422);
            return showRole(model, answer, form, request.getParameter(Submissions.FIELD), errors);
        }
    }

    private String showRole(Model model, InitiativeAnswer answer, Map<String, String> form, String key, FormErrors errors) {
        model.addAttribute("initiative", answer.initiative());
        model.addAttribute("reflects", answer);
        model.addAttribute("form", form);
        model.addAttribute("submission", key);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", GovernanceRole.values());
        return "workspace/secretariat/role-form";
    }

    // ---- extend the presidency ---------------------------------------------------------------

    @GetMapping(BASE + "/{id}/presidency/extension")
    String extensionForm(@PathVariable String id, Model model) {
        return showExtension(model, initiative(id), "", Submissions.newKey(), FormErrors.NONE);
    }

    @PostMapping(BASE + "/{id}/presidency/extension")
    String extendPresidency(@PathVariable String id, HttpServletRequest request, HttpServletResponse response,
                            @ModelAttribute("site") SiteContext site, Model model) {
        InitiativeAnswer answer = initiative(id);
        String reason = request.getParameter("reason") == null ? "" : request.getParameter("reason");
        try {
            return "redirect:" + submissions.once(request, () -> {
                Actor actor = currentActor.get();
                String given = FormValues.text(reason);
                commands.send(new FormValues().build(() -> new ExtendPresidency(id, given, actor)), actor, given);
                return site.href(BASE + "/" + id, "done", "presidency-extended");
            });
        } catch (RuntimeException refused) {
            FormErrors errors = refusals.explain(refused, site.getLocale(), field -> switch (field) {
                case "reason" -> "reason";
                // The presidency's own rules concern the presidency shown above the form.
                case "initiative.presidency.none", "initiative.presidency.extended-once" -> "presidency";
                default -> null;
            });
            response.setStatus(422);
            return showExtension(model, answer, reason, request.getParameter(Submissions.FIELD), errors);
        }
    }

    private String showExtension(Model model, InitiativeAnswer answer, String reason, String key, FormErrors errors) {
        model.addAttribute("initiative", answer.initiative());
        model.addAttribute("reflects", answer);
        model.addAttribute("presidency", latestPresidency(answer).orElse(null));
        model.addAttribute("reason", reason);
        model.addAttribute("submission", key);
        model.addAttribute("errors", errors);
        return "workspace/secretariat/presidency-extension";
    }

    // ---- shared ------------------------------------------------------------------------------

    /** The initiative as the read side holds it now; a 404 page for an id it does not know. */
    InitiativeAnswer initiative(String id) {
        return Queries.optional(queries, new FindInitiative(id, null), InitiativeAnswer.class)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no initiative " + id));
    }

    /** The presidency assigned last (the one an extension would concern, as the aggregate picks it), if any. */
    static Optional<RoleView> latestPresidency(InitiativeAnswer answer) {
        return answer.initiative().roles().stream().filter(r -> r.role() == GovernanceRole.PRESIDENCY)
                .max(Comparator.comparing(r -> r.term().start()));
    }

    private static Map<String, String> fields(HttpServletRequest request, List<String> names) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String name : names) {
            String value = request.getParameter(name);
            form.put(name, value == null ? "" : value);
        }
        return form;
    }

    /** A choice the form offers, or null for none or a value it never offered (the command names it required). */
    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException notOffered) {
            return null;
        }
    }
}
