package org.equalityledger.projections.query;

/**
 * An answer as of an instant that the dashboards projection has not reached yet (right after a start
 * or a rebuild, at scale): computing it from the events alone would take minutes, so the reader is
 * told how far behind the read side is and to come back shortly.
 */
public class ReadSideBehind extends RuntimeException {

    private final long needed;
    private final long reached;

    public ReadSideBehind(long needed, long reached) {
        super("the read side is catching up: it has reached position " + reached + " of the ledger, an answer as of "
                + "this instant needs position " + needed + " (" + (needed - reached) + " events to go); retry shortly");
        this.needed = needed;
        this.reached = reached;
    }

    /** The number of events the read side still has to apply before it can answer. */
    public long behind() {
        return needed - reached;
    }

    public long reached() {
        return reached;
    }
}
