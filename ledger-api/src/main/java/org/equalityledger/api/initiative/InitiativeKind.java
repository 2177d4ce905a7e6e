package org.equalityledger.api.initiative;

/** The kinds of initiative in the source documents, all handled by one model. */
public enum InitiativeKind {
    ACTION_COALITION,
    COMPACT,
    ALLIANCE,
    WORKING_GROUP,
    COORDINATION_TABLE;

    /** Coalitions and the compact have a blueprint of three to four actions. */
    public boolean hasBlueprintOfAtMostFourActions() {
        return this == ACTION_COALITION || this == COMPACT;
    }
}
