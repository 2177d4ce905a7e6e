package org.equalityledger.api.query.dashboards;

import java.math.BigDecimal;
import java.util.Map;

/** A dashboard's figures; money in US dollars. */
public sealed interface Figures {

    /**
     * Over the whole implementation period. {@code reportedAtLeastOnce} (of the {@code accepted}) is not
     * compliance: that is {@code latestCycle}, the latest cycle whose deadline passed (else the latest
     * opened), null while none is opened.
     */
    record AllYears(long commitments, Map<String, Long> byType, Map<String, Long> byStatus,
                    Map<String, Long> progressStatusMix, long accepted, long reportedAtLeastOnce,
                    Double shareReportedAtLeastOnce, CycleFigures latestCycle, long reportsCorrected,
                    long financialCommitmentExpectedFlags, long reportsFiled, long reportsLate, BigDecimal pledgedUsd,
                    BigDecimal disbursedUsd, long unconvertedMovements) implements Figures {
    }

    /** One year: the commitments running in it, and its reporting cycle's compliance ({@code cycle}). */
    record Year(long commitments, Map<String, Long> byType, Map<String, Long> byStatus,
                Map<String, Long> progressStatusMix, long reportsExpected, long reported, Double shareReported,
                CycleFigures cycle, long reportsFiled, long reportsLate, BigDecimal pledgedUsd, BigDecimal disbursedUsd,
                long unconvertedMovements) implements Figures {
    }
}
