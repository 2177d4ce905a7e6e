package org.equalityledger.projections.dashboards;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the dashboards projection keeps a copy of its dashboards, for answers as of an instant: at
 * every position that is a multiple of 50 up to 100,000, of 1,000 up to 1,000,000, then of 5,000. A snapshot at boundary
 * {@code b} holds the dashboards as they stood after every event before position {@code b}; only the
 * scopes that changed since the previous boundary are written ({@code _id} = {@code "<b>|<scope>"}), and
 * at every boundary the position and instant of the first event at or after it ({@code "<b>|@first"}).
 * An answer as of an instant starts from the latest snapshot before it and replays the events after
 * it: at most 50 at the demo scale, 1,000 up to 40× and 5,000 beyond, so that the snapshots' count
 * (and their storage) grows far slower than the ledger. The replay reads the history of each
 * commitment the events touch (nearly one per event), which is what an answer's time goes on: 50
 * keeps an answer at the demo scale within page speed for a few thousand snapshot documents more.
 */
public final class Snapshots {

    static final long FINE_UNTIL = 100_000;
    static final long FINE = 50;
    private static final long FINE_BEFORE = 250;
    static final long MEDIUM_UNTIL = 1_000_000;
    static final long MEDIUM = 1_000;
    static final long COARSE = 5_000;
    /** The most events an answer as of an instant replays once the projection has passed that instant. */
    public static final long LONGEST_REPLAY = COARSE;

    private Snapshots() {
    }

    /** The first boundary strictly after {@code position}. */
    public static long nextBoundary(long position) {
        if (position < FINE_UNTIL) {
            return Math.min(FINE_UNTIL, (Math.max(position, 0) / FINE + 1) * FINE);
        }
        if (position < MEDIUM_UNTIL) {
            return Math.min(MEDIUM_UNTIL, (position / MEDIUM + 1) * MEDIUM);
        }
        return (position / COARSE + 1) * COARSE;
    }

    /**
     * The latest boundary at or before {@code position} at which every projection wrote, or 0: up to
     * 100,000 a multiple of 250, as snapshots were written before the boundaries' first events were kept
     * (an answer reads such a boundary only where those are missing, until the projection is rebuilt).
     */
    public static long boundaryAtOrBefore(long position) {
        if (position < FINE_BEFORE) {
            return 0;
        }
        if (position <= FINE_UNTIL) {
            return position / FINE_BEFORE * FINE_BEFORE;
        }
        if (position <= MEDIUM_UNTIL) {
            return position / MEDIUM * MEDIUM;
        }
        return position / COARSE * COARSE;
    }

    /** Every boundary from the first up to {@code last}, inclusive. */
    public static List<Long> boundariesUpTo(long last) {
        List<Long> boundaries = new ArrayList<>();
        for (long b = nextBoundary(-1); b <= last; b = nextBoundary(b)) {
            boundaries.add(b);
        }
        return boundaries;
    }

    public static String id(long boundary, String scope) {
        return boundary + "|" + scope;
    }

    /**
     * The document saying which event came first at or after the boundary, and when it was recorded:
     * the boundaries' instants, read once, find the snapshot for an instant without searching the ledger.
     */
    public static String firstEventId(long boundary) {
        return id(boundary, "@first");
    }
}
