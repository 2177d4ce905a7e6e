package org.equalityledger.service.site.workspace.ally.commitment;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Money;
import org.equalityledger.api.query.commitments.CommitmentView;
import org.equalityledger.api.reporting.CorrectProgressReport;
import org.equalityledger.api.reporting.FileProgressReport;
import org.equalityledger.api.reporting.ProgressReport;
import org.equalityledger.api.reporting.ProgressStatus;
import org.equalityledger.service.security.CurrentActor;
import org.equalityledger.service.site.SiteContext;
import org.equalityledger.service.site.workspace.FormErrors;
import org.equalityledger.service.site.workspace.Refusals;
import org.equalityledger.service.site.workspace.Submissions;
import org.equalityledger.service.web.CommandDispatcher;
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
 * The yearly report (README's "File a yearly report and correct it"): its progress status, the money
 * disbursed, each indicator's value beside its target, the people reached, the countries, the narrative
 * and the evidence links; and its correction, the same form filled with the report in force, with a reason.
 */
@Controller
public class ReportForms {

    private final CommitmentReads reads;
    private final CommandDispatcher commands;
    private final CurrentActor currentActor;
    private final Submissions submissions;
    private final Refusals refusals;

    public ReportForms(CommitmentReads reads, CommandDispatcher commands, CurrentActor currentActor, Submissions submissions,
                       Refusals refusals) {
        this.reads = reads;
        this.commands = commands;
        this.currentActor = currentActor;
        this.submissions = submissions;
        this.refusals = refusals;
    }

    @GetMapping("/workspace/ally/commitments/{id}/reports/new")
    String fileForm(@PathVariable String id, @RequestParam(required = false) Integer year, Model model) {
        CommitmentView c = reads.commitment(id);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("year", String.valueOf(year != null ? year : firstUnfiledYear(c)));
        values.put("status", "");
        values.put("moneyAmount", "");
        values.put("moneyCurrency", c.financial() == null ? "" : c.financial().currency());
        for (int i = 0; i < c.indicators().size(); i++) {
            values.put("value-" + i, "");
        }
        values.put("peopleReached", "");
        values.put("countries", String.join(", ", c.countries()));
        values.put("narrative", "");
        values.put("evidenceLinks", "");
        return FormPages.show(model, "report", c, values, Submissions.newKey(), FormErrors.NONE);
    }

    @PostMapping("/workspace/ally/commitments/{id}/reports")
    String file(@PathVariable String id, HttpServletRequest request, HttpServletResponse response,
                @ModelAttribute("site") SiteContext site, Model model) {
        CommitmentView c = reads.commitment(id);
        Actor actor = currentActor.get();
        return FormPages.send(submissions, refusals, request, response, site, model, "report", c, "reported", () -> {
            FormInput input = new FormInput(site.getLocale());
            Integer year = input.year("year", request.getParameter("year"));
            ProgressReport report = report(c, request, input);
            commands.send(input.build(() -> new FileProgressReport(id, year, report, actor)), actor, null);
        }, fields(c), Map::of);
    }

    @GetMapping("/workspace/ally/commitments/{id}/reports/{year}/correction")
    String correctForm(@PathVariable String id, @PathVariable int year, Model model) {
        CommitmentView c = reads.commitment(id);
        CommitmentView.ReportRevision inForce = c.reports().stream().filter(r -> r.year() == year).findFirst()
                .map(CommitmentView.YearReports::inForce)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("year", String.valueOf(year));
        values.put("status", inForce.progressStatus() == null ? "" : inForce.progressStatus().name());
        values.put("moneyAmount", inForce.moneyDisbursed() == null ? "" : FormPages.plain(inForce.moneyDisbursed().amount()));
        values.put("moneyCurrency", inForce.moneyDisbursed() == null
                ? (c.financial() == null ? "" : c.financial().currency()) : inForce.moneyDisbursed().currency());
        for (int i = 0; i < c.indicators().size(); i++) {
            BigDecimal v = inForce.indicatorValues() == null ? null : inForce.indicatorValues().get(c.indicators().get(i).code());
            values.put("value-" + i, FormPages.plain(v));
        }
        values.put("peopleReached", inForce.peopleReached() == null ? "" : String.valueOf(inForce.peopleReached()));
        values.put("countries", inForce.countries() == null ? "" : String.join(", ", inForce.countries()));
        values.put("narrative", inForce.narrative() == null ? "" : inForce.narrative());
        values.put("evidenceLinks", inForce.evidenceLinks() == null ? ""
                : inForce.evidenceLinks().stream().map(URI::toString).collect(Collectors.joining("\n")));
        values.put("reason", "");
        model.addAttribute("correction", year);
        return FormPages.show(model, "report", c, values, Submissions.newKey(), FormErrors.NONE);
    }

    @PostMapping("/workspace/ally/commitments/{id}/reports/{year}/correction")
    String correct(@PathVariable String id, @PathVariable int year, HttpServletRequest request, HttpServletResponse response,
                   @ModelAttribute("site") SiteContext site, Model model) {
        CommitmentView c = reads.commitment(id);
        Actor actor = currentActor.get();
        return FormPages.send(submissions, refusals, request, response, site, model, "report", c, "corrected", () -> {
            FormInput input = new FormInput(site.getLocale());
            ProgressReport report = report(c, request, input);
            String reason = request.getParameter("reason");
            commands.send(input.build(() -> new CorrectProgressReport(id, year, report, reason, actor)), actor, reason);
        }, fields(c), () -> Map.of("correction", year));
    }

    /** The report as the form gives it; a blank indicator value is no value. */
    private static ProgressReport report(CommitmentView c, HttpServletRequest request, FormInput input) {
        ProgressStatus status = status(request.getParameter("status"));
        BigDecimal amount = input.number("report.moneyDisbursed.amount", request.getParameter("moneyAmount"));
        String currency = FormInput.given(request.getParameter("moneyCurrency"));
        // A currency alone (kept from the pledge) is no money disbursed; an amount is, in its currency.
        Money disbursed = amount == null ? null : new Money(amount, currency == null ? null : currency.toUpperCase(Locale.ROOT));
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (int i = 0; i < c.indicators().size(); i++) {
            BigDecimal value = input.number("report.indicatorValues." + c.indicators().get(i).code(),
                    request.getParameter("value-" + i));
            if (value != null) {
                values.put(c.indicators().get(i).code(), value);
            }
        }
        Long people = input.wholeNumber("report.peopleReached", request.getParameter("peopleReached"));
        Set<String> countries = FormInput.countries(request.getParameter("countries"));
        String narrative = request.getParameter("narrative");
        List<URI> links = input.links("report.evidenceLinks", request.getParameter("evidenceLinks"));
        return new ProgressReport(status, disbursed, values, people, countries, narrative, links);
    }

    private static ProgressStatus status(String value) {
        try {
            return value == null || value.isBlank() ? null : ProgressStatus.valueOf(value);
        } catch (IllegalArgumentException notOffered) {
            return null;
        }
    }

    /** A command field or rule's code → the form's field. */
    private static UnaryOperator<String> fields(CommitmentView c) {
        return field -> {
            if (field.startsWith("report.indicatorValues.")) {
                String code = field.substring("report.indicatorValues.".length());
                for (int i = 0; i < c.indicators().size(); i++) {
                    if (c.indicators().get(i).code().equals(code)) {
                        return "value-" + i;
                    }
                }
                return null;
            }
            if (field.startsWith("report.countries")) {
                return "countries";
            }
            if (field.startsWith("report.evidenceLinks")) {
                return "evidenceLinks";
            }
            return switch (field) {
                case "year", "commitment.report.year-outside-period", "commitment.report.future-year",
                     "commitment.report.already-filed" -> "year";
                case "report.status" -> "status";
                case "report.moneyDisbursed", "report.moneyDisbursed.amount" -> "moneyAmount";
                case "report.moneyDisbursed.currency" -> "moneyCurrency";
                case "report.peopleReached" -> "peopleReached";
                case "report.narrative" -> "narrative";
                case "reason" -> "reason";
                default -> null;
            };
        };
    }

    /** The year a new report is most likely for: the first of the commitment's begun years without one. */
    private static int firstUnfiledYear(CommitmentView c) {
        int thisYear = Instant.now().atOffset(ZoneOffset.UTC).getYear();
        for (int year : CommitmentReads.years(c)) {
            if (year <= thisYear && c.reports().stream().noneMatch(r -> r.year() == year)) {
                return year;
            }
        }
        return Math.min(thisYear, c.end().getYear());
    }
}
