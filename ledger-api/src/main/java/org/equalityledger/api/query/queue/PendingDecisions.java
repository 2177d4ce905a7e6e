package org.equalityledger.api.query.queue;

/** The pledges waiting for a decision, of one initiative or (null) of all. */
public record PendingDecisions(String initiativeId) {
}
