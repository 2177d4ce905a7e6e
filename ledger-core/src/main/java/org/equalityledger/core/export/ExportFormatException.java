package org.equalityledger.core.export;

import java.io.IOException;

/** A line of an export that cannot be read, with its 1-based line number. */
public class ExportFormatException extends IOException {

    private final long line;

    public ExportFormatException(long line, String message, Throwable cause) {
        super("line " + line + ": " + message, cause);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
