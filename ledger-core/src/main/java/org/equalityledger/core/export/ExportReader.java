package org.equalityledger.core.export;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Reads an export line by line. Strict: invalid UTF-8, a blank line, an unknown kind or key, or lines
 * out of the order of {@link ExportFormat} stop the reading with an {@link ExportFormatException}.
 */
public final class ExportReader implements Closeable {

    private final BufferedReader in;
    private long lineNumber;
    private int part;

    public ExportReader(InputStream in) {
        // newDecoder() reports malformed bytes instead of replacing them, which would change a payload.
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()), 1 << 16);
    }

    /** The next line, or {@code null} at the end. */
    public ExportRecord next() throws IOException {
        String text;
        try {
            text = in.readLine();
        } catch (CharacterCodingException e) {
            throw new ExportFormatException(lineNumber + 1, "not valid UTF-8", e);
        }
        if (text == null) {
            return null;
        }
        lineNumber++;
        ExportRecord record;
        try {
            record = ExportFormat.parseLine(text);
        } catch (IllegalArgumentException e) {
            throw new ExportFormatException(lineNumber, e.getMessage(), e);
        }
        int recordPart = record instanceof ExportRecord.EntryRecord ? 0
                : record instanceof ExportRecord.CheckpointRecord ? 1 : 2;
        if (recordPart < part || part == 2) {
            throw new ExportFormatException(lineNumber, "out of order: entries, then checkpoints, then one public key", null);
        }
        part = recordPart;
        return record;
    }

    /** The number of the line last returned, from 1. */
    public long lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
