package org.equalityledger.api.query.makers;

import java.time.Instant;
import java.util.List;

import org.equalityledger.api.query.ReadAnswer;

/** A page of makers and how many match in all. */
public record MakerPage(int page, int size, long total, List<MakerSummary> items, long asOfPosition,
                        Instant recordedUpTo) implements ReadAnswer {

    public MakerPage {
        items = List.copyOf(items);
    }
}
