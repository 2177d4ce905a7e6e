package org.equalityledger.api.commitment;

/** One action a commitment serves: the action {@code actionCode} of the initiative {@code initiativeId}. */
public record TargetAction(String initiativeId, String actionCode) {
}
