package org.equalityledger.core.verify;

/**
 * The outcome of a verification: either everything held, or the first thing that did not.
 *
 * @param entries             entries that passed every check
 * @param checkpointsVerified checkpoints whose root and signature held
 * @param coveredEntries      the largest verified checkpoint size: entries past it are signed by nothing yet
 * @param rootHash            hex Merkle root over the entries that passed
 * @param failedPosition      the first position known to be wrong, -1 when OK or when no position is to blame
 *                            (a checkpoint's failure blames the first position it does not confirm)
 * @param failure             why, starting with "position N:" or "checkpoint at size N:"; null when OK
 */
public record VerificationResult(long entries, int checkpointsVerified, long coveredEntries, String rootHash,
                                 long failedPosition, String failure) {

    public boolean ok() {
        return failure == null;
    }

    /** One line for a person. */
    public String message() {
        if (ok()) {
            return "OK: " + entries + " entries, " + checkpointsVerified + " checkpoint" + (checkpointsVerified == 1 ? "" : "s")
                    + " verified (signed up to size " + coveredEntries + "), root " + rootHash;
        }
        return "FAILED: " + failure;
    }
}
