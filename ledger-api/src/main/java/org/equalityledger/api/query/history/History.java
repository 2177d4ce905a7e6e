package org.equalityledger.api.query.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.equalityledger.api.query.ReadAnswer;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A commitment's events in order: what changed, who, when, why. */
public record History(String commitmentId, List<Entry> entries, long asOfPosition, Instant recordedUpTo) implements ReadAnswer {

    /**
     * One event. {@code changes}: for an amendment or a correction, each changed field; {@code year} for a
     * report filed or corrected, and {@code supersedesRevision} for a correction.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(long position, Instant recordedAt, String event, String by, String reason,
                        Map<String, Change> changes, Integer year, Integer supersedesRevision) {
    }

    /**
     * A changed value before and after, each in the shape the API takes for that field (an amount and
     * its currency, a date, a list of codes...): the field's own type, hence no narrower type here.
     */
    public record Change(Object from, Object to) {
    }
}
