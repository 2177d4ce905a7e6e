package org.equalityledger.api.query.makers;

import java.time.Instant;

import org.equalityledger.api.maker.Hemisphere;
import org.equalityledger.api.maker.StakeholderGroup;

/**
 * A page of commitment makers, by name then id: those whose name contains {@code text} (any case),
 * of the group, country (ISO 3166 alpha-2), region and hemisphere given; a null filter takes all. Now,
 * or as the ledger had recorded them at {@code asOf} (when not null): the makers registered by then,
 * with the commitments they had pledged by then.
 */
public record ListMakers(String text, StakeholderGroup group, String country, String region, Hemisphere hemisphere,
                         int page, int size, Instant asOf) {

    public ListMakers(String text, StakeholderGroup group, String country, String region, Hemisphere hemisphere,
                      int page, int size) {
        this(text, group, country, region, hemisphere, page, size, null);
    }
}
