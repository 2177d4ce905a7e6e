package org.equalityledger.api.query.commitments;

/**
 * A filter on commitment lists; every field is optional. {@code year} keeps commitments running in
 * that year; {@code text} searches the title and the maker's name, case-insensitively.
 */
public record CommitmentFilter(String initiative, String action, String group, String country, String status, Integer year,
                               String text) {

    public static CommitmentFilter none() {
        return new CommitmentFilter(null, null, null, null, null, null, null);
    }
}
