package org.equalityledger.service.site.workspace.secretariat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.api.query.initiatives.InitiativeList;
import org.equalityledger.api.query.initiatives.ListInitiatives;
import org.equalityledger.api.query.reporting.CycleCompliance;
import org.equalityledger.api.reporting.CloseReportingCycle;
import org.equalityledger.api.reporting.OpenReportingCycle;
import org.equalityledger.service.query.Queries;
import org.equalityledger.service.query.ReportingQueryController;
import org.equalityledger.service.security.CurrentActor;
import org.equalityledger.service.site.SiteContext;
import org.equalityledger.service.site.workspace.FormErrors;
import org.equalityledger.service.site.workspace.Refusals;
import org.equalityledger.service.site.workspace.Submissions;
import org.equalityledger.service.web.CommandDispatcher;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The yearly reporting cycles: opened with a deadline, closed, and for each the commitments that have not
 * reported yet, overdue first: a list to follow up, with its CSV in the reader's language.
 */
@Controller
public class ReportingCycleForms {

    static final String BASE = "/workspace/secretariat/reporting-cycles";
    /** Who has not reported: the standings of the read side's answer that are not a report. */
    static final List<String> NOT_REPORTED = List.of("overdue", "notYetDue");

    private final CommandDispatcher commands;
    private final CurrentActor currentActor;
    private final ImplementationPeriod implementationPeriod;
    private final QueryGateway queries;
    private final Submissions submissions;
    private final Refusals refusals;
    private final MessageSource messages;

    public ReportingCycleForms(CommandDispatcher commands, CurrentActor currentActor, ImplementationPeriod implementationPeriod,
                               QueryGateway queries, Submissions submissions, Refusals refusals, MessageSource messages) {
        this.commands = commands;
        this.currentActor = currentActor;
        this.implementationPeriod = implementationPeriod;
        this.queries = queries;
        this.submissions = submissions;
        this.refusals = refusals;
        this.messages = messages;
    }

    @GetMapping(BASE)
    String cycles(@RequestParam(required = false) Integer opened, Model model) {
        model.addAttribute("opened", opened);
        return showCycles(model, Map.of("year", "", "deadline", ""), Submissions.newKey(), FormErrors.NONE);
    }

    @PostMapping(BASE)
    String open(HttpServletRequest request, HttpServletResponse response, @ModelAttribute("site") SiteContext site, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("year", value(request, "year"));
        form.put("deadline", value(request, "deadline"));
        try {
            return "redirect:" + submissions.once(request, () -> {
                Actor actor = currentActor.get();
                FormValues values = new FormValues();
                Integer year = values.year("year", form.get("year"));
                LocalDate day = values.date("deadline", form.get("deadline"));
                // The deadline is the end of the day given, in UTC (the ledger's clock): reports filed after it are late.
                Instant deadline = day == null ? null : day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(1);
                OpenReportingCycle command = values.build(() -> new OpenReportingCycle(year, deadline, actor));
                commands.send(command, actor, null);
                return implementationPeriod.contains(year) ? site.href(BASE + "/" + year, "done", "opened")
                        : site.href(BASE, "opened", year);
            });
        } catch (RuntimeException refused) {
            FormErrors errors = refusals.explain(refused, site.getLocale(), field -> switch (field) {
                case "year", "reporting-cycle.already-opened" -> "year";
                case "deadline" -> "deadline";
                default -> null;
            });
            response.setStatus(422);
            return showCycles(model, form, request.getParameter(Submissions.FIELD), errors);
        }
    }

    private String showCycles(Model model, Map<String, String> form, String key, FormErrors errors) {
        List<CycleCompliance> cycles = new ArrayList<>();
        for (int year : implementationPeriod.years()) {
            cycles.add(compliance(year, null));
        }
        model.addAttribute("cycles", cycles);
        model.addAttribute("reflects", cycles.get(cycles.size() - 1));
        model.addAttribute("form", form);
        model.addAttribute("submission", key);
        model.addAttribute("errors", errors);
        model.addAttribute("period", implementationPeriod);
        return "workspace/secretariat/cycles";
    }

    @GetMapping(BASE + "/{year}")
    String cycle(@PathVariable int year, @RequestParam(required = false) String initiative,
                 @RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", done);
        return showCycle(model, year, initiative, Submissions.newKey(), FormErrors.NONE);
    }

    @PostMapping(BASE + "/{year}/closure")
    String close(@PathVariable int year, HttpServletRequest request, HttpServletResponse response,
                 @ModelAttribute("site") SiteContext site, Model model) {
        try {
            return "redirect:" + submissions.once(request, () -> {
                Actor actor = currentActor.get();
                commands.send(new FormValues().build(() -> new CloseReportingCycle(year, actor)), actor, null);
                return site.href(BASE + "/" + year, "done", "closed");
            });
        } catch (RuntimeException refused) {
            FormErrors errors = refusals.explain(refused, site.getLocale(), field -> "closure");
            response.setStatus(422);
            return showCycle(model, year, null, request.getParameter(Submissions.FIELD), errors);
        }
    }

    private String showCycle(Model model, int year, String initiative, String key, FormErrors errors) {
        String chosen = FormValues.text(initiative);
        CycleCompliance cycle = compliance(year, chosen);
        InitiativeList initiatives = Queries.answer(queries, new ListInitiatives(null, null), InitiativeList.class);
        model.addAttribute("cycle", cycle);
        model.addAttribute("reflects", cycle);
        model.addAttribute("notReported", notReported(cycle));
        model.addAttribute("initiative", chosen);
        model.addAttribute("initiatives", initiatives.initiatives());
        model.addAttribute("years", implementationPeriod.years());
        model.addAttribute("submission", key);
        model.addAttribute("errors", errors);
        return "workspace/secretariat/cycle";
    }

    /** The follow-up list as CSV: the same rows as the page, its headings and standings in the reader's language. */
    // No "produces": a browser following the link asks for HTML first; the answer says it is CSV.
    @GetMapping(BASE + "/{year}/not-reported.csv")
    ResponseEntity<String> notReportedCsv(@PathVariable int year, @RequestParam(required = false) String initiative,
                                          @ModelAttribute("site") SiteContext site) {
        CycleCompliance cycle = compliance(year, FormValues.text(initiative));
        StringBuilder out = new StringBuilder(csvLine(List.of(text("secretariat.cycle.col.commitment", site),
                text("secretariat.cycle.col.title", site), text("secretariat.cycle.col.maker", site),
                text("secretariat.cycle.col.makerId", site), text("secretariat.cycle.col.initiatives", site),
                text("secretariat.cycle.col.standing", site))));
        for (CycleCompliance.Expected e : notReported(cycle)) {
            out.append(csvLine(List.of(e.commitmentId(), e.title(), e.maker(), e.makerId(), String.join("; ", e.initiatives()),
                    text("secretariat.cycle.standing." + e.reporting(), site))));
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"not-reported-" + year + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(out.toString());
    }

    /** The commitments of the cycle without a report, overdue first (the order the read side answers in). */
    static List<CycleCompliance.Expected> notReported(CycleCompliance cycle) {
        List<CycleCompliance.Expected> rows = new ArrayList<>();
        for (String standing : NOT_REPORTED) {
            cycle.commitments().stream().filter(e -> standing.equals(e.reporting())).forEach(rows::add);
        }
        return rows;
    }

    private CycleCompliance compliance(int year, String initiative) {
        // A year outside the implementation period is a 404 page, as the API answers it.
        return Queries.answer(queries, ReportingQueryController.compliance(implementationPeriod, year, initiative, null),
                CycleCompliance.class);
    }

    private String text(String key, SiteContext site) {
        return messages.getMessage(key, null, site.getLocale());
    }

    private static String value(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }

    /** RFC 4180: a field quoted when it holds a comma, quote or line break; a leading formula character neutralised. */
    static String csvLine(List<String> fields) {
        return fields.stream().map(f -> {
            String s = f == null ? "" : f;
            if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
                s = "'" + s;
            }
            return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                    ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
        }).collect(Collectors.joining(",")) + "\r\n";
    }
}
