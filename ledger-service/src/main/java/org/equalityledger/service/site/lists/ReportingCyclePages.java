package org.equalityledger.service.site.lists;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.api.query.reporting.CycleCompliance;
import org.equalityledger.service.query.Queries;
import org.equalityledger.service.query.ReportingQueryController;
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

/**
 * The reporting cycles of the implementation period: how many commitments were expected to report for
 * each year and how many did, on time or late, and how many are overdue; and one cycle's commitments:
 * who reported, who is late, who is overdue, per initiative.
 */
@Controller
public class ReportingCyclePages {

    /** How a commitment stands in a cycle, in the order the page shows them (as {@link CycleCompliance.Expected#reporting()}). */
    static final List<String> STANDINGS = List.of("reported", "reportedLate", "overdue", "notYetDue");
    /** A cycle of the demo ledger expects some 2,000 reports: a page lists them 50 at a time. */
    static final int COMMITMENTS_PER_PAGE = 50;

    private final QueryGateway queries;
    private final ImplementationPeriod implementationPeriod;
    private final MessageSource messages;

    public ReportingCyclePages(QueryGateway queries, ImplementationPeriod implementationPeriod, MessageSource messages) {
        this.queries = queries;
        this.implementationPeriod = implementationPeriod;
        this.messages = messages;
    }

    @GetMapping("/reporting-cycles")
    String cycles(@RequestParam(required = false) String initiative, @ModelAttribute("site") SiteContext site, Model model) {
        String chosen = Lists.given(initiative);
        List<CycleCompliance> cycles = new ArrayList<>();
        for (int year : implementationPeriod.years()) {
            cycles.add(cycle(year, chosen, site));
        }
        List<String> years = cycles.stream().map(c -> String.valueOf(c.year())).toList();
        model.addAttribute("cycles", cycles);
        model.addAttribute("reflects", cycles.get(cycles.size() - 1));
        model.addAttribute("initiative", chosen);
        model.addAttribute("initiatives", Lists.initiatives(queries, site.getAsOf()));
        model.addAttribute("chart", chart(site, years, STANDINGS.stream().map(s -> cycles.stream()
                .map(c -> count(c.counts(), s)).toList()).toList()));
        return "lists/cycles";
    }

    @GetMapping("/reporting-cycles/{year}")
    String cycle(@PathVariable int year, @RequestParam(required = false) String initiative,
                 @RequestParam(defaultValue = "0") int page, @ModelAttribute("site") SiteContext site, Model model) {
        String chosen = Lists.given(initiative);
        if (page < 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page");
        }
        CycleCompliance cycle = cycle(year, chosen, site);
        // The overdue come first (the answer's order); a page of them at a time, the download has them all.
        int expected = cycle.commitments().size();
        int last = Math.max(0, (expected - 1) / COMMITMENTS_PER_PAGE);
        int from = Math.min(expected, page * COMMITMENTS_PER_PAGE);
        model.addAttribute("shown", cycle.commitments().subList(from, Math.min(expected, from + COMMITMENTS_PER_PAGE)));
        model.addAttribute("page", page);
        model.addAttribute("last", last);
        List<Lists.Option> initiatives = Lists.initiatives(queries, site.getAsOf());
        // Per initiative: the cycle's commitments counted by the initiatives they target (one commitment may target several).
        Map<String, int[]> byInitiative = new LinkedHashMap<>();
        initiatives.forEach(i -> byInitiative.put(i.id(), new int[STANDINGS.size() + 1]));
        for (CycleCompliance.Expected e : cycle.commitments()) {
            for (String id : e.initiativeIds()) {
                int[] counts = byInitiative.computeIfAbsent(id, k -> new int[STANDINGS.size() + 1]);
                counts[0]++;
                counts[1 + STANDINGS.indexOf(e.reporting())]++;
            }
        }
        byInitiative.values().removeIf(counts -> counts[0] == 0);
        model.addAttribute("cycle", cycle);
        model.addAttribute("reflects", cycle);
        model.addAttribute("initiative", chosen);
        model.addAttribute("initiatives", initiatives);
        model.addAttribute("byInitiative", byInitiative);
        model.addAttribute("standings", STANDINGS);
        model.addAttribute("years", implementationPeriod.years());
        List<Integer> standingCounts = STANDINGS.stream().map(s -> count(cycle.counts(), s)).toList();
        model.addAttribute("standingCounts", standingCounts);
        model.addAttribute("initiativeNames", Lists.InitiativeNames.of(site, initiatives));
        model.addAttribute("chart", chart(site, STANDINGS.stream().map(s -> messages.getMessage("lists.reporting." + s, null,
                site.getLocale())).toList(), List.of(standingCounts)));
        model.addAttribute("csv", Lists.api("/api/reporting-cycles/" + year + "/export.csv", site.getAsOf(), "initiative", chosen));
        model.addAttribute("json", Lists.api("/api/reporting-cycles/" + year, site.getAsOf(), "initiative", chosen));
        return "lists/cycle";
    }

    private CycleCompliance cycle(int year, String initiative, SiteContext site) {
        return Queries.answer(queries, ReportingQueryController.compliance(implementationPeriod, year, initiative, site.getAsOf()),
                CycleCompliance.class);
    }

    /** The commitments of a cycle that stand so; "reported" counts those on time (the API's {@code reported} includes the late). */
    static int count(CycleCompliance.Counts counts, String standing) {
        return switch (standing) {
            case "reported" -> counts.reported() - counts.reportedLate();
            case "reportedLate" -> counts.reportedLate();
            case "overdue" -> counts.overdue();
            default -> counts.notYetDue();
        };
    }

    /**
     * A stacked bar chart's ECharts option: one bar per category; with one series of values it is a plain
     * bar chart of the standings, else one series per standing.
     */
    private Map<String, Object> chart(SiteContext site, List<String> categories, List<List<Integer>> series) {
        List<String> colours = List.of("#1a7f37", "#9a6700", "#b3261e", "#6e7781");
        List<Map<String, Object>> drawn = new ArrayList<>();
        if (series.size() == 1) {
            List<Map<String, Object>> bars = new ArrayList<>();
            for (int i = 0; i < categories.size(); i++) {
                bars.add(Map.of("value", series.get(0).get(i), "itemStyle", Map.of("color", colours.get(i))));
            }
            drawn.add(Map.of("type", "bar", "data", bars, "label", Map.of("show", true, "position", "top")));
        } else {
            for (int s = 0; s < series.size(); s++) {
                drawn.add(Map.of("type", "bar", "stack", "cycle", "name",
                        messages.getMessage("lists.reporting." + STANDINGS.get(s), null, site.getLocale()),
                        "data", series.get(s), "itemStyle", Map.of("color", colours.get(s))));
            }
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        if (series.size() > 1) {
            option.put("legend", Map.of("bottom", 0));
        }
        option.put("grid", Map.of("left", 48, "right", 48, "top", 24, "bottom", series.size() > 1 ? 64 : 48));
        option.put("xAxis", Map.of("type", "category", "data", categories,
                "axisLabel", Map.of("interval", 0, "width", 72, "overflow", "break")));
        option.put("yAxis", Map.of("type", "value", "minInterval", 1));
        option.put("series", drawn);
        return option;
    }
}
