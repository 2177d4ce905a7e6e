package org.equalityledger.service.site.home;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.api.query.ReadAnswer;
import org.equalityledger.api.query.dashboards.CountryDashboards;
import org.equalityledger.api.query.dashboards.CountryDashboardsQuery;
import org.equalityledger.api.query.dashboards.CycleFigures;
import org.equalityledger.api.query.dashboards.Dashboard;
import org.equalityledger.api.query.dashboards.DashboardQuery;
import org.equalityledger.api.query.dashboards.InitiativeDashboards;
import org.equalityledger.api.query.dashboards.InitiativeDashboardsQuery;
import org.equalityledger.api.query.initiatives.InitiativeList;
import org.equalityledger.api.query.initiatives.InitiativeSummary;
import org.equalityledger.api.query.initiatives.ListInitiatives;
import org.equalityledger.service.site.SiteContext;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The overview (the global dashboard, {@code /}) and a year of the implementation period
 * ({@code /years/{year}}, also {@code /?year=}): headline figures, charts each with its table, the world
 * map, and every initiative's figures. Every figure is the query gateway's answer, the one
 * {@code /api/dashboards/global}, {@code /initiatives} and {@code /countries} give for the same year and instant.
 */
@Controller
public class HomePage {

    private static final TypeReference<Map<String, String>> NAMES = new TypeReference<>() {
    };

    private final QueryGateway queries;
    private final ImplementationPeriod period;
    private final MessageSource messages;
    private final ObjectMapper json;

    public HomePage(QueryGateway queries, ImplementationPeriod period, MessageSource messages, ObjectMapper json) {
        this.queries = queries;
        this.period = period;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/")
    String home(@RequestParam(required = false) Integer year, @ModelAttribute("site") SiteContext site, Model model) {
        if (year != null && !period.contains(year)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "year");
        }
        return page(year, site, model);
    }

    @GetMapping("/years/{year}")
    String year(@PathVariable int year, @ModelAttribute("site") SiteContext site, Model model) {
        if (!period.contains(year)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no year " + year + " in the implementation period");
        }
        return page(year, site, model);
    }

    private String page(Integer year, SiteContext site, Model model) {
        Instant asOf = site.getAsOf();
        Dashboard global = answer(new DashboardQuery("global", year, asOf), Dashboard.class);
        InitiativeDashboards initiatives = answer(new InitiativeDashboardsQuery(year, asOf), InitiativeDashboards.class);
        CountryDashboards countries = answer(new CountryDashboardsQuery(year, asOf), CountryDashboards.class);
        InitiativeList names = answer(new ListInitiatives(null, asOf), InitiativeList.class);
        Locale locale = site.getLocale();
        Headline headline = Headline.of(global.figures());

        model.addAttribute("home", new ForeignMoney(site));
        model.addAttribute("year", year);
        model.addAttribute("years", period.years());
        model.addAttribute("period", period.toString());
        model.addAttribute("global", global);
        model.addAttribute("headline", headline);
        model.addAttribute("initiatives", initiatives);
        Map<String, Map<String, String>> initiativeNames = initiativeNames(names);
        model.addAttribute("initiativeRows", initiatives.initiatives().stream().map(d -> {
            String id = d.scope().substring("initiative:".length());
            return new InitiativeRow(id, initiativeNames.getOrDefault(id, Map.of("en", d.name())), Headline.of(d.figures()));
        }).toList());
        model.addAttribute("countries", countries);
        Map<String, String> countryNames = countryNames(site);
        model.addAttribute("countryNames", countryNames);
        List<CycleFigures> cycles = new ArrayList<>();
        if (global.byYear() != null) {
            global.byYear().values().forEach(y -> cycles.add(y.cycle()));
        } else if (headline.cycle() != null) {
            cycles.add(headline.cycle());
        }
        model.addAttribute("cycles", cycles);

        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("chart-types", HomeCharts.bars(text("home.byType", locale), headline.byType(), code -> text("home.type." + code, locale)));
        charts.put("chart-status", HomeCharts.bars(text("home.byStatus", locale), headline.byStatus(), code -> text("home.status." + code, locale)));
        charts.put("chart-progress", HomeCharts.bars(text("home.byProgress", locale), headline.progress(), code -> text("home.progress." + code, locale)));
        if (global.byYear() != null) {
            charts.put("chart-money", HomeCharts.moneyByYear(text("home.moneyByYear", locale), global.byYear(),
                    text("home.pledged", locale), text("home.disbursed", locale)));
        }
        charts.put("chart-compliance", HomeCharts.compliance(text("home.compliance", locale), cycles,
                Stream.of("onTime", "late", "overdue", "notYetDue").map(p -> text("home.cycle." + p, locale)).toList()));
        charts.put("chart-map", HomeCharts.world(text("home.map", locale), countries.countries(), countryNames,
                text("home.commitments", locale)));
        model.addAttribute("charts", charts);
        // The footer states the least advanced of the answers shown.
        model.addAttribute("reflects", Stream.of(global, initiatives, countries).min(Comparator.comparingLong(ReadAnswer::asOfPosition)).orElseThrow());
        return "home/home";
    }

    /** An initiative's line in the list: its names by language and its headline figures. */
    public record InitiativeRow(String id, Map<String, String> names, Headline figures) {
    }

    private <A> A answer(Object query, Class<A> type) {
        return queries.query(query, ResponseTypes.instanceOf(type)).join();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** Each initiative's names by language (whichever languages the ledger holds), by initiative id. */
    private Map<String, Map<String, String>> initiativeNames(InitiativeList list) {
        Map<String, Map<String, String>> names = new LinkedHashMap<>();
        for (InitiativeSummary i : list.initiatives()) {
            names.put(i.initiativeId(), i.names() == null ? Map.of() : json.convertValue(i.names(), NAMES));
        }
        return names;
    }

    /** Every country's name in the reader's language, by ISO 3166-1 alpha-2 code (the map's region names). */
    private static Map<String, String> countryNames(SiteContext site) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String code : Locale.getISOCountries()) {
            names.put(code, site.country(code));
        }
        names.put("XK", site.country("XK"));
        return names;
    }
}
