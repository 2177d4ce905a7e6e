package org.equalityledger.service.query;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Read-side switches.
 *
 * @param rebuild         a projection to rebuild at start-up ({@code commitments}, {@code dashboards} or
 *                        {@code all}); the service then exits when it is done (the command-line rebuild)
 * @param demoData        load the demo data set through the command side at start-up, when the ledger is empty
 * @param demoScale       how many times the demo data set (1 = about 1,000 makers, 2,700 commitments)
 * @param exitAfterLoad   exit once the demo data is loaded and the projections caught up
 * @param rebuildBatchCommitments a rebuild writes its batch when it holds this many commitments: the
 *                        bound on its memory (default 20,000). A batch holds at least the commitments of
 *                        the 1,000 events read with it, so below that it is written at nearly every event,
 *                        which tests use to rebuild through as many batches as they can.
 */
@ConfigurationProperties(prefix = "ledger")
public record ReadSideProperties(String rebuild, Boolean demoData, Double demoScale, Boolean exitAfterLoad,
                                 Integer rebuildBatchCommitments, Reads readSide) {

    /**
     * @param minPositionWait how long a read that asks for at least a ledger position ({@code minPosition})
     *                        waits for the read side to apply it before it is answered 503 (default 5 s)
     */
    public record Reads(java.time.Duration minPositionWait) {

        public Reads {
            minPositionWait = minPositionWait == null ? java.time.Duration.ofSeconds(5) : minPositionWait;
            if (minPositionWait.isNegative()) {
                throw new IllegalArgumentException("ledger.read-side.min-position-wait must not be negative, not " + minPositionWait);
            }
        }
    }

    public ReadSideProperties {
        readSide = readSide == null ? new Reads(null) : readSide;
        demoData = demoData != null && demoData;
        demoScale = demoScale == null ? 1.0 : demoScale;
        exitAfterLoad = exitAfterLoad != null && exitAfterLoad;
        rebuildBatchCommitments = rebuildBatchCommitments == null ? 20_000 : rebuildBatchCommitments;
        if (rebuildBatchCommitments < 1) {
            throw new IllegalArgumentException("ledger.rebuild-batch-commitments must be at least 1, not " + rebuildBatchCommitments);
        }
    }
}
