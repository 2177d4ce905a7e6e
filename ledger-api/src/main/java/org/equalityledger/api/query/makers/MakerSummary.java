package org.equalityledger.api.query.makers;

/** One commitment maker of a list, with how many commitments it made. */
public record MakerSummary(String makerId, String name, String stakeholderGroup, String hemisphere, String country,
                           String region, int commitments) {
}
