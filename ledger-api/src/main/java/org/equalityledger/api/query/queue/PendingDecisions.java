package org.equalityledger.api.query.queue;

/**
 * The pledges waiting for a decision that {@code scope} may see: of one initiative or (null) of all,
 * only the overdue when {@code overdueOnly}.
 */
public record PendingDecisions(String initiativeId, boolean overdueOnly, QueueScope scope) {
}
