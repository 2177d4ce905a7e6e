package org.equalityledger.api.query.commitments;

/**
 * A filter on commitment lists; every field is optional. {@code group}, {@code region}, {@code status}
 * and {@code type} are the API's enum names; {@code maker} a commitment maker's id; {@code year} keeps
 * commitments running in that year; {@code text} searches the title and the maker's name, case-insensitively.
 */
public record CommitmentFilter(String initiative, String action, String group, String country, String region, String status,
                               String type, String maker, Integer year, String text) {

    /** The filter of the first lists (no region, type or maker). */
    public CommitmentFilter(String initiative, String action, String group, String country, String status, Integer year,
                            String text) {
        this(initiative, action, group, country, null, status, null, null, year, text);
    }

    public static CommitmentFilter none() {
        return new CommitmentFilter(null, null, null, null, null, null, null, null, null, null);
    }
}
