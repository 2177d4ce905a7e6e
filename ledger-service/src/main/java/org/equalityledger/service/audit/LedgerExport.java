package org.equalityledger.service.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.security.PublicKey;
import java.util.List;

import org.equalityledger.core.checkpoint.Checkpoint;
import org.equalityledger.core.export.ExportWriter;
import org.equalityledger.service.eventstore.StoredLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole ledger as ledger-core's JSON Lines export: every event as stored with the hash stored for
 * it (not a recomputed one, so that the offline verifier sees any tampering), then the checkpoints,
 * then the public key.
 */
public final class LedgerExport {

    private static final Logger log = LoggerFactory.getLogger(LedgerExport.class);

    private final StoredLedger reader;
    private final CheckpointStore checkpoints;
    private final PublicKey key;

    public LedgerExport(StoredLedger reader, CheckpointStore checkpoints, PublicKey key) {
        this.reader = reader;
        this.checkpoints = checkpoints;
        this.key = key;
    }

    /** Writes the export; returns the number of entries. Does not close {@code out}. */
    public long write(OutputStream out) throws IOException {
        // Read first: every checkpoint then covers entries the walk below will reach.
        List<Checkpoint> signed = checkpoints.all();
        ExportWriter writer = new ExportWriter(out);
        StoredLedger.Cursor cursor = reader.cursor(0);
        long entries = 0;
        for (List<StoredLedger.StoredEntry> batch = cursor.next(); !batch.isEmpty(); batch = cursor.next()) {
            for (StoredLedger.StoredEntry stored : batch) {
                if (stored.entry() == null) {
                    // It cannot be written as an entry; the verifier will find its position missing.
                    log.warn("Export: position {} left out: {}", stored.position(), stored.defect());
                    continue;
                }
                writer.writeEntry(stored.entry(), stored.storedHash());
                entries++;
            }
        }
        for (Checkpoint checkpoint : signed) {
            writer.writeCheckpoint(checkpoint);
        }
        writer.writePublicKey(key);
        writer.flush();
        return entries;
    }
}
