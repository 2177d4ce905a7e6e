package org.equalityledger.api.query.initiatives;

import java.util.Map;

/**
 * What the ledger can say of the progress against an action. A commitment's indicators are its own
 * (code, unit, target) and are not linked to the action's targets, so no indicator value is summed
 * against a target: {@code counted} says so, and the figures are the commitments to the action, those
 * accepted, those that reported at least once, and their latest declared progress by status.
 */
public record ActionProgress(long commitments, long accepted, long reported, Map<String, Long> latestProgress,
                             String counted) {

    public static final String COUNTED = "commitments to the action (each once per action it serves), those accepted, "
            + "those with a progress report, and their latest declared progress; the commitments' indicators are not "
            + "linked to the action's targets, so no indicator value is summed against them";

    public ActionProgress {
        latestProgress = Map.copyOf(latestProgress);
    }
}
