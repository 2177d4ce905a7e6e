package org.equalityledger.service.site.home;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.equalityledger.api.query.dashboards.CycleFigures;
import org.equalityledger.api.query.dashboards.Figures;
import org.equalityledger.api.query.dashboards.NotConverted;

/**
 * What the home page shows of a dashboard's figures, the same for the whole period and for one year;
 * {@code cycle} is the latest cycle (whose deadline passed, else the latest opened) or the year's own.
 */
public record Headline(long commitments, Map<String, Long> byType, Map<String, Long> byStatus, Map<String, Long> progress,
                BigDecimal pledgedUsd, BigDecimal disbursedUsd, List<NotConverted> notConverted, CycleFigures cycle) {

    public static Headline of(Figures figures) {
        if (figures instanceof Figures.AllYears a) {
            return new Headline(a.commitments(), a.byType(), a.byStatus(), a.progressStatusMix(),
                    a.pledgedUsd(), a.disbursedUsd(), a.notConverted(), a.latestCycle());
        }
        Figures.Year y = (Figures.Year) figures;
        return new Headline(y.commitments(), y.byType(), y.byStatus(), y.progressStatusMix(),
                y.pledgedUsd(), y.disbursedUsd(), y.notConverted(), y.cycle());
    }

    /** Reports the cycle still waits for: expected, neither filed nor overdue yet (its deadline has not passed). */
    public static long notYetDue(CycleFigures c) {
        return Math.max(0, c.expected() - c.reportedOnTime() - c.late() - c.overdue());
    }
}
