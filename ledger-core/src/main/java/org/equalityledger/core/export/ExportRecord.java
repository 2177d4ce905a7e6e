package org.equalityledger.core.export;

import org.equalityledger.core.LedgerEntry;
import org.equalityledger.core.checkpoint.Checkpoint;

/** One line of an export. */
public sealed interface ExportRecord {

    /** An entry with the hash the ledger stored for it, which need not match its content if tampered. */
    record EntryRecord(LedgerEntry entry, String hash) implements ExportRecord {
    }

    record CheckpointRecord(Checkpoint checkpoint) implements ExportRecord {
    }

    /** The ledger's public key in PEM (X.509 SubjectPublicKeyInfo). */
    record PublicKeyRecord(String pem) implements ExportRecord {
    }
}
