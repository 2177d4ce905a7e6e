package org.equalityledger.service.site.initiative;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.equalityledger.api.commitment.CommitmentStatus;
import org.equalityledger.api.commitment.CommitmentType;
import org.equalityledger.api.query.dashboards.CycleFigures;
import org.equalityledger.api.query.dashboards.Dashboard;
import org.equalityledger.api.query.dashboards.Figures;
import org.equalityledger.api.query.dashboards.NotConverted;
import org.equalityledger.api.reporting.ProgressStatus;
import org.equalityledger.service.site.SiteContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A dashboard's figures as a page shows them: headline tiles, and charts each with the table of its
 * data (the table alone carries the figures without JavaScript). Every value is the dashboard's, only
 * formatted for the reader's language; the charts' options travel as JSON to static/site/charts.js.
 * Used with the fragments of templates/initiative/dashboard.html.
 */
@Component
public class DashboardFigures {

    private final MessageSource messages;

    public DashboardFigures(MessageSource messages) {
        this.messages = messages;
    }

    /** What a page shows of a dashboard over every year; {@code id} keeps its charts' element ids apart. */
    public View view(Dashboard dashboard, SiteContext site, String id) {
        Locale locale = Locale.forLanguageTag(site.getLang());
        Function<String, String> text = key -> messages.getMessage(key, null, key, locale);
        Figures.AllYears all = (Figures.AllYears) dashboard.figures();
        Map<String, Figures.Year> byYear = dashboard.byYear() == null ? Map.of() : dashboard.byYear();
        CycleFigures latest = all.latestCycle();

        List<Tile> tiles = new ArrayList<>();
        tiles.add(new Tile(text.apply("initiative.figures.commitments"), site.number(all.commitments()), null));
        tiles.add(new Tile(text.apply("initiative.figures.accepted"), site.number(all.accepted()), null));
        tiles.add(new Tile(text.apply("initiative.figures.pledged"), site.usdShort(all.pledgedUsd()), site.usd(all.pledgedUsd())));
        tiles.add(new Tile(text.apply("initiative.figures.disbursed"), site.usdShort(all.disbursedUsd()), site.usd(all.disbursedUsd())));
        tiles.add(latest == null
                ? new Tile(text.apply("initiative.figures.latestCycle.none"), "—", null)
                : new Tile(messages.getMessage("initiative.figures.latestCycle", new Object[] {String.valueOf(latest.year())}, locale),
                        latest.shareReported() == null ? "—" : site.percent(latest.shareReported()),
                        messages.getMessage("initiative.figures.latestCycle.of", new Object[] {
                                site.number(latest.reportedOnTime() + latest.late()), site.number(latest.expected())}, locale)));
        tiles.add(new Tile(text.apply("initiative.figures.reportsLate"), site.number(all.reportsLate()), null));

        List<Chart> charts = new ArrayList<>();
        charts.add(counts(id + "-types", text.apply("initiative.chart.types"), text.apply("initiative.chart.type"),
                ordered(all.byType(), CommitmentType.values()), "initiative.type.", text, site));
        charts.add(counts(id + "-status", text.apply("initiative.chart.status"), text.apply("initiative.chart.state"),
                ordered(all.byStatus(), CommitmentStatus.values()), "initiative.status.", text, site));
        charts.add(counts(id + "-progress", text.apply("initiative.chart.progress"), text.apply("initiative.chart.declared"),
                ordered(all.progressStatusMix(), ProgressStatus.values()), "initiative.progress.", text, site));
        charts.add(money(id + "-money", byYear, text, site));
        charts.add(compliance(id + "-cycles", byYear, text, site));
        return new View(tiles, charts, all.notConverted());
    }

    /** Every value of the enum, in its order, with 0 where the dashboard has none (a chart shows what is missing). */
    private static Map<String, Long> ordered(Map<String, Long> counts, Enum<?>[] values) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (Enum<?> v : values) {
            ordered.put(v.name(), counts.getOrDefault(v.name(), 0L));
        }
        counts.forEach(ordered::putIfAbsent);
        return ordered;
    }

    private static Chart counts(String id, String title, String category, Map<String, Long> counts, String labels,
                                Function<String, String> text, SiteContext site) {
        List<String> names = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        List<List<Cell>> rows = new ArrayList<>();
        counts.forEach((code, count) -> {
            String name = text.apply(labels + code);
            names.add(name);
            values.add(count);
            rows.add(List.of(new Cell(name, false), new Cell(site.number(count), true)));
        });
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("grid", grid());
        option.put("xAxis", Map.of("type", "value", "minInterval", 1));
        // Reversed, so the first category stands on top as in the table.
        option.put("yAxis", Map.of("type", "category", "data", names, "inverse", true));
        option.put("series", List.of(Map.of("type", "bar", "name", text.apply("initiative.figures.commitments"), "data", values)));
        return new Chart(id, title, option, List.of(category, text.apply("initiative.figures.commitments")), rows, false);
    }

    private static Chart money(String id, Map<String, Figures.Year> byYear, Function<String, String> text, SiteContext site) {
        String pledged = text.apply("initiative.figures.pledged");
        String disbursed = text.apply("initiative.figures.disbursed");
        List<String> years = new ArrayList<>(byYear.keySet());
        List<BigDecimal> pledgedValues = new ArrayList<>();
        List<BigDecimal> disbursedValues = new ArrayList<>();
        List<List<Cell>> rows = new ArrayList<>();
        byYear.forEach((year, f) -> {
            pledgedValues.add(f.pledgedUsd());
            disbursedValues.add(f.disbursedUsd());
            rows.add(List.of(new Cell(year, false), new Cell(site.usd(f.pledgedUsd()), true),
                    new Cell(site.usd(f.disbursedUsd()), true)));
        });
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", grid());
        option.put("xAxis", Map.of("type", "category", "data", years));
        option.put("yAxis", Map.of("type", "value"));
        option.put("series", List.of(Map.of("type", "bar", "name", pledged, "data", pledgedValues),
                Map.of("type", "bar", "name", disbursed, "data", disbursedValues)));
        return new Chart(id, text.apply("initiative.chart.money"), option,
                List.of(text.apply("initiative.chart.year"), pledged, disbursed), rows, false);
    }

    private static Chart compliance(String id, Map<String, Figures.Year> byYear, Function<String, String> text,
                                    SiteContext site) {
        String onTime = text.apply("initiative.cycle.onTime");
        String late = text.apply("initiative.cycle.late");
        String overdue = text.apply("initiative.cycle.overdue");
        List<String> years = new ArrayList<>();
        List<Long> onTimeValues = new ArrayList<>();
        List<Long> lateValues = new ArrayList<>();
        List<Long> overdueValues = new ArrayList<>();
        List<List<Cell>> rows = new ArrayList<>();
        byYear.forEach((year, f) -> {
            CycleFigures c = f.cycle();
            years.add(year);
            onTimeValues.add(c.reportedOnTime());
            lateValues.add(c.late());
            overdueValues.add(c.overdue());
            rows.add(List.of(new Cell(year, false), new Cell(site.number(c.expected()), true),
                    new Cell(site.number(c.reportedOnTime()), true), new Cell(site.number(c.late()), true),
                    new Cell(site.number(c.overdue()), true),
                    new Cell(c.shareReported() == null ? "—" : site.percent(c.shareReported()), true)));
        });
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", grid());
        option.put("xAxis", Map.of("type", "category", "data", years));
        option.put("yAxis", Map.of("type", "value", "minInterval", 1));
        option.put("series", List.of(stacked(onTime, onTimeValues), stacked(late, lateValues), stacked(overdue, overdueValues)));
        return new Chart(id, text.apply("initiative.chart.cycles"), option, List.of(text.apply("initiative.chart.cycle"),
                text.apply("initiative.cycle.expected"), onTime, late, overdue, text.apply("initiative.cycle.share")), rows, true);
    }

    private static Map<String, Object> stacked(String name, List<Long> values) {
        return Map.of("type", "bar", "stack", "reports", "name", name, "data", values);
    }

    private static Map<String, Object> grid() {
        return Map.of("containLabel", true, "left", 8, "right", 8, "top", 36, "bottom", 8);
    }

    /** Headline tiles, charts with their tables, and the money no recorded rate converted (by currency). */
    public record View(List<Tile> tiles, List<Chart> charts, List<NotConverted> notConverted) {
    }

    /** A headline figure; {@code exact} (may be null) is the unabridged value, for a title. */
    public record Tile(String label, String value, String exact) {
    }

    /** A chart: its element id, title, ECharts option, the table of its data (cells formatted); {@code wide}: the table below it. */
    public record Chart(String id, String title, Map<String, Object> option, List<String> headers, List<List<Cell>> rows,
                        boolean wide) {
    }

    public record Cell(String text, boolean number) {
    }
}
