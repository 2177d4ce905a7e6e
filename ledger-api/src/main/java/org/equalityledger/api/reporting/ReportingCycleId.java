package org.equalityledger.api.reporting;

/**
 * The aggregate id of a year's reporting cycle, e.g. {@code reporting-cycle-2022}. Namespaced so it
 * can never collide with a client-chosen id of another aggregate (the event store reads a stream
 * by id alone).
 */
public final class ReportingCycleId {

    private ReportingCycleId() {
    }

    public static String of(int year) {
        return "reporting-cycle-" + year;
    }
}
