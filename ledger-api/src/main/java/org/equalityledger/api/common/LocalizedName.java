package org.equalityledger.api.common;

/** A name in the three languages of the Generation Equality reference documents. */
public record LocalizedName(String en, String es, String fr) {

    /** Validates a possibly null name: all three languages are required. */
    public static void check(Checks checks, String field, LocalizedName name) {
        if (checks.notNull(field, name)) {
            checks.line(field + ".en", name.en(), Checks.NAME_MAX);
            checks.line(field + ".es", name.es(), Checks.NAME_MAX);
            checks.line(field + ".fr", name.fr(), Checks.NAME_MAX);
        }
    }
}
