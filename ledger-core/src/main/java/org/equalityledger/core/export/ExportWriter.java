package org.equalityledger.core.export;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import org.equalityledger.core.LedgerEntry;
import org.equalityledger.core.checkpoint.Checkpoint;
import org.equalityledger.core.checkpoint.LedgerKeys;

/**
 * Writes an export line by line, so the service can stream millions of entries. The order of
 * {@link ExportFormat} is enforced; the content is not checked, because an export must show the ledger
 * as stored, tampering included.
 */
public final class ExportWriter implements Closeable {

    private enum Part { ENTRIES, CHECKPOINTS, DONE }

    private final Writer out;
    private Part part = Part.ENTRIES;

    public ExportWriter(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Writes everything at once: entries in the order given, then the checkpoints, then the key. */
    public static void write(OutputStream out, Iterable<LedgerEntry> entries, Iterable<Checkpoint> checkpoints,
                             PublicKey publicKey) throws IOException {
        try (ExportWriter writer = new ExportWriter(out)) {
            for (LedgerEntry entry : entries) {
                writer.writeEntry(entry);
            }
            for (Checkpoint checkpoint : checkpoints) {
                writer.writeCheckpoint(checkpoint);
            }
            writer.writePublicKey(publicKey);
        }
    }

    /** An entry with the hash the ledger stored for it: the one to export, so the verifier can compare. */
    public void writeEntry(LedgerEntry entry, String storedHash) throws IOException {
        require(Part.ENTRIES, "entries come before checkpoints and the key");
        line(ExportFormat.entryLine(entry, storedHash));
    }

    /** An entry with its hash computed here, for entries that carry no stored hash. */
    public void writeEntry(LedgerEntry entry) throws IOException {
        writeEntry(entry, entry.hash());
    }

    public void writeCheckpoint(Checkpoint checkpoint) throws IOException {
        if (part == Part.ENTRIES) {
            part = Part.CHECKPOINTS;
        }
        require(Part.CHECKPOINTS, "checkpoints come before the key");
        line(ExportFormat.checkpointLine(checkpoint));
    }

    public void writePublicKey(PublicKey key) throws IOException {
        if (part == Part.DONE) {
            throw new IllegalStateException("the public key is written once, last");
        }
        part = Part.DONE;
        line(ExportFormat.publicKeyLine(LedgerKeys.toPem(key)));
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void require(Part expected, String why) {
        if (part != expected) {
            throw new IllegalStateException(why);
        }
    }

    private void line(String json) throws IOException {
        out.write(json);
        out.write('\n');
    }
}
