package org.equalityledger.api.query.queue;

import java.time.Instant;
import java.util.List;

import org.equalityledger.api.query.ReadAnswer;

/** Pledges waiting for an initiative's decision, overdue first, then by due date. */
public record ValidationQueue(List<Pending> items, long asOfPosition, Instant recordedUpTo) implements ReadAnswer {

    public record Pending(String commitmentId, String title, String maker, String initiativeId, String initiativeName,
                          Instant pledgedAt, Instant dueBy, boolean overdue) {
    }
}
