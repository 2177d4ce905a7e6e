package org.equalityledger.api.query.makers;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who a commitment maker is and how many commitments it made, as a list of makers and a commitment's
 * view name it; only the id when the maker is not (yet) read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MakerSummary(String makerId, String name, String stakeholderGroup, String hemisphere, String country,
                           String region, Integer commitments) {

    public static MakerSummary unknown(String makerId) {
        return new MakerSummary(makerId, null, null, null, null, null, null);
    }
}
