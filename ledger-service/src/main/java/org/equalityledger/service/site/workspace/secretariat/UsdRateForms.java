package org.equalityledger.service.site.workspace.secretariat;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.api.query.rates.UsdRateTable;
import org.equalityledger.api.query.rates.UsdRatesAsOf;
import org.equalityledger.api.rates.RecordUsdRate;
import org.equalityledger.api.rates.UsdRatePolicy;
import org.equalityledger.service.query.Queries;
import org.equalityledger.service.security.CurrentActor;
import org.equalityledger.service.site.SiteContext;
import org.equalityledger.service.site.workspace.FormErrors;
import org.equalityledger.service.site.workspace.Refusals;
import org.equalityledger.service.site.workspace.Submissions;
import org.equalityledger.service.web.CommandDispatcher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * US-dollar rates as facts: the table of the rates in force (of one currency when asked) and the form
 * that records one, with its source; a rate recorded again for the same currency and year supersedes the
 * first and says why.
 */
@Controller
public class UsdRateForms {

    static final String BASE = "/workspace/secretariat/usd-rates";

    private final CommandDispatcher commands;
    private final CurrentActor currentActor;
    private final ImplementationPeriod implementationPeriod;
    private final QueryGateway queries;
    private final Submissions submissions;
    private final Refusals refusals;

    public UsdRateForms(CommandDispatcher commands, CurrentActor currentActor, ImplementationPeriod implementationPeriod,
                        QueryGateway queries, Submissions submissions, Refusals refusals) {
        this.commands = commands;
        this.currentActor = currentActor;
        this.implementationPeriod = implementationPeriod;
        this.queries = queries;
        this.submissions = submissions;
        this.refusals = refusals;
    }

    @GetMapping(BASE)
    String rates(@RequestParam(required = false) String currency, @RequestParam(required = false) String recorded, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : new String[] {"currency", "year", "usdPerUnit", "source", "reason"}) {
            form.put(field, "");
        }
        model.addAttribute("recorded", recorded);
        return show(model, FormValues.text(currency), form, Submissions.newKey(), FormErrors.NONE);
    }

    @PostMapping(BASE)
    String record(HttpServletRequest request, HttpServletResponse response, @ModelAttribute("site") SiteContext site, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : new String[] {"currency", "year", "usdPerUnit", "source", "reason"}) {
            String value = request.getParameter(field);
            form.put(field, value == null ? "" : value);
        }
        try {
            return "redirect:" + submissions.once(request, () -> {
                Actor actor = currentActor.get();
                FormValues values = new FormValues();
                String currency = FormValues.text(form.get("currency"));
                String code = currency == null ? null : currency.toUpperCase(Locale.ROOT);
                Integer year = values.year("year", form.get("year"));
                BigDecimal usdPerUnit = values.number("usdPerUnit", form.get("usdPerUnit"));
                String reason = FormValues.text(form.get("reason"));
                RecordUsdRate command = values.build(() -> new RecordUsdRate(code, year, usdPerUnit,
                        FormValues.text(form.get("source")), reason, actor));
                commands.send(command, actor, reason);
                return site.href(BASE, "currency", code, "recorded", code + "-" + year);
            });
        } catch (RuntimeException refused) {
            FormErrors errors = refusals.explain(refused, site.getLocale(), field -> switch (field) {
                case "currency", "year", "usdPerUnit", "source", "reason" -> field;
                case "usd-rate.year-outside-period" -> "year";
                case "usd-rate.unchanged" -> "usdPerUnit";
                case "usd-rate.correction-needs-reason" -> "reason";
                default -> null;
            });
            response.setStatus(422);
            return show(model, null, form, request.getParameter(Submissions.FIELD), errors);
        }
    }

    private String show(Model model, String currency, Map<String, String> form, String key, FormErrors errors) {
        String code = currency == null ? null : currency.toUpperCase(Locale.ROOT);
        UsdRateTable table = Queries.answer(queries, new UsdRatesAsOf(null, code, null), UsdRateTable.class);
        model.addAttribute("table", table);
        model.addAttribute("reflects", table);
        model.addAttribute("currency", code);
        model.addAttribute("form", form);
        model.addAttribute("submission", key);
        model.addAttribute("errors", errors);
        model.addAttribute("period", implementationPeriod);
        model.addAttribute("maxDecimals", UsdRatePolicy.MAX_SCALE);
        model.addAttribute("rateFormat", new RateFormat(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        return "workspace/secretariat/rates";
    }

    /** A rate with every decimal it was recorded with (the site's numbers stop at two), in the reader's digits. */
    public record RateFormat(Locale locale) {

        public String of(BigDecimal usdPerUnit) {
            if (usdPerUnit == null) {
                return "";
            }
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMaximumFractionDigits(UsdRatePolicy.MAX_SCALE);
            return format.format(usdPerUnit);
        }
    }
}
