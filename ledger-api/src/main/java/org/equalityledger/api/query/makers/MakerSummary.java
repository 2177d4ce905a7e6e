package org.equalityledger.api.query.makers;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Who a commitment maker is, as a commitment's view names it; only the id when the maker is not (yet) read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MakerSummary(String makerId, String name, String stakeholderGroup, String hemisphere, String country,
                           String region) {

    public static MakerSummary unknown(String makerId) {
        return new MakerSummary(makerId, null, null, null, null, null);
    }
}
