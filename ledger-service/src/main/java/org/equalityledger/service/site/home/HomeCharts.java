package org.equalityledger.service.site.home;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.equalityledger.api.query.dashboards.CountryFigures;
import org.equalityledger.api.query.dashboards.CycleFigures;
import org.equalityledger.api.query.dashboards.Figures;

/**
 * The ECharts options of the home page's charts, built from the same answers as the tables beside them
 * (charts.js draws them; the tables carry the figures without JavaScript). Labels come in the reader's
 * language through {@code label}; no option holds a function, only data.
 */
final class HomeCharts {

    /** The site's accent first; each colour keeps 3:1 against white for the bars and the legend. */
    private static final List<String> COLOURS = List.of("#5b2a86", "#c0571a", "#1f7a5a", "#a12a5e", "#6b6b78");

    private HomeCharts() {
    }

    /** Horizontal bars, one a category, in the order given (the first on top). */
    static Map<String, Object> bars(String title, Map<String, Long> counts, Function<String, String> label) {
        List<String> names = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        counts.forEach((code, count) -> {
            names.add(label.apply(code));
            values.add(count);
        });
        Map<String, Object> option = base(title);
        option.put("tooltip", Map.of("trigger", "axis", "axisPointer", Map.of("type", "shadow")));
        option.put("grid", grid());
        option.put("xAxis", Map.of("type", "value", "minInterval", 1));
        option.put("yAxis", Map.of("type", "category", "inverse", true, "data", names));
        option.put("series", List.of(Map.of("type", "bar", "name", title, "data", values, "barMaxWidth", 28)));
        return option;
    }

    /** Pledged against disbursed, year by year, in millions of US dollars (the table gives the exact sums). */
    static Map<String, Object> moneyByYear(String title, Map<String, Figures.Year> byYear, String pledged, String disbursed) {
        List<String> years = new ArrayList<>(byYear.keySet());
        List<BigDecimal> pledges = new ArrayList<>();
        List<BigDecimal> disbursements = new ArrayList<>();
        byYear.values().forEach(y -> {
            pledges.add(millions(y.pledgedUsd()));
            disbursements.add(millions(y.disbursedUsd()));
        });
        Map<String, Object> option = base(title);
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", grid());
        option.put("xAxis", Map.of("type", "category", "data", years));
        option.put("yAxis", Map.of("type", "value"));
        option.put("series", List.of(Map.of("type", "bar", "name", pledged, "data", pledges),
                Map.of("type", "bar", "name", disbursed, "data", disbursements)));
        return option;
    }

    /** Each cycle's expected reports, stacked: on time, late, overdue, not yet due. */
    static Map<String, Object> compliance(String title, List<CycleFigures> cycles, List<String> parts) {
        List<String> years = new ArrayList<>();
        List<List<Long>> stacks = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (CycleFigures c : cycles) {
            years.add(String.valueOf(c.year()));
            stacks.get(0).add(c.reportedOnTime());
            stacks.get(1).add(c.late());
            stacks.get(2).add(c.overdue());
            stacks.get(3).add(Headline.notYetDue(c));
        }
        Map<String, Object> option = base(title);
        option.put("tooltip", Map.of("trigger", "axis", "axisPointer", Map.of("type", "shadow")));
        option.put("legend", Map.of("top", 0));
        option.put("grid", grid());
        option.put("xAxis", Map.of("type", "category", "data", years));
        option.put("yAxis", Map.of("type", "value", "minInterval", 1));
        List<Object> series = new ArrayList<>();
        for (int i = 0; i < stacks.size(); i++) {
            series.add(Map.of("type", "bar", "stack", "expected", "name", parts.get(i), "data", stacks.get(i), "barMaxWidth", 40));
        }
        option.put("series", series);
        return option;
    }

    /**
     * The world map: each country coloured by its commitments. The map's regions are named by ISO code
     * ({@code world.geo.json}); {@code nameMap} gives them the reader's names, which the data then uses.
     */
    static Map<String, Object> world(String title, List<CountryFigures> countries, Map<String, String> names, String commitments) {
        long most = countries.stream().mapToLong(CountryFigures::commitments).max().orElse(0);
        List<Object> data = new ArrayList<>();
        for (CountryFigures c : countries) {
            data.add(Map.of("name", names.getOrDefault(c.country(), c.country()), "value", c.commitments()));
        }
        Map<String, Object> option = base(title);
        option.put("tooltip", Map.of("trigger", "item"));
        option.put("visualMap", Map.of("min", 0, "max", Math.max(1, most), "left", "center", "bottom", 0,
                "orient", "horizontal", "calculable", false, "itemWidth", 12, "text", List.of(String.valueOf(Math.max(1, most)), "0"),
                "inRange", Map.of("color", List.of("#efe9f5", "#5b2a86"))));
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "map");
        series.put("map", "world");
        series.put("name", commitments);
        series.put("nameMap", names);
        series.put("roam", false);
        series.put("top", 0);
        series.put("bottom", 36);
        series.put("itemStyle", Map.of("areaColor", "#f3f2f8", "borderColor", "#9a98a8", "borderWidth", 0.5));
        series.put("emphasis", Map.of("label", Map.of("show", false), "itemStyle", Map.of("areaColor", "#c0571a")));
        series.put("select", Map.of("disabled", true));
        series.put("data", data);
        option.put("series", List.of(series));
        return option;
    }

    private static Map<String, Object> base(String title) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("aria", Map.of("enabled", true, "label", Map.of("description", title)));
        option.put("color", COLOURS);
        return option;
    }

    private static Map<String, Object> grid() {
        return Map.of("left", 8, "right", 16, "top", 32, "bottom", 8, "containLabel", true);
    }

    private static BigDecimal millions(BigDecimal usd) {
        return usd.movePointLeft(6).setScale(2, RoundingMode.HALF_UP);
    }
}
