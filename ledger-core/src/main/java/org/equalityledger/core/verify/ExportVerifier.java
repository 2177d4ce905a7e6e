package org.equalityledger.core.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.LongConsumer;
import org.equalityledger.core.LedgerEntry;
import org.equalityledger.core.checkpoint.Checkpoint;
import org.equalityledger.core.checkpoint.LedgerKeys;
import org.equalityledger.core.export.ExportFormat;
import org.equalityledger.core.export.ExportFormatException;
import org.equalityledger.core.export.ExportReader;
import org.equalityledger.core.export.ExportRecord;

/**
 * Verifies an export file with a {@link LedgerVerifier}.
 *
 * <p>The export puts its checkpoints and key after the entries, but the verifier must know them before,
 * to check each root as the entries reach its size without keeping the whole tree. So the file's tail is
 * read backwards first, up to the last entry line; then the entries stream through once.
 */
public final class ExportVerifier {

    private static final byte[] ENTRY_PREFIX = "{\"kind\":\"entry\"".getBytes(StandardCharsets.US_ASCII);
    private static final int BLOCK = 1 << 16;
    /** Entries handed to the verifier at once: a few hashing tasks per thread, and little memory. */
    private static final int BATCH = 4_096;

    private ExportVerifier() {
    }

    /**
     * @param givenKey         the ledger's key as the auditor knows it, or null to trust the export's own
     * @param givenCheckpoints checkpoints the auditor holds, checked like the export's own
     * @throws IOException only if the file cannot be read at all; anything wrong in it is a failed result
     */
    public static VerificationResult verify(Path export, PublicKey givenKey, List<Checkpoint> givenCheckpoints,
                                            LongConsumer progress) throws IOException {
        List<ExportRecord> tail;
        try {
            tail = readTail(export);
        } catch (IllegalArgumentException e) {
            return failed("the export's checkpoints and public key cannot be read: " + e.getMessage());
        }
        List<Checkpoint> checkpoints = new ArrayList<>(givenCheckpoints);
        String pem = null;
        for (ExportRecord record : tail) {
            if (record instanceof ExportRecord.CheckpointRecord c) {
                checkpoints.add(c.checkpoint());
            } else if (record instanceof ExportRecord.PublicKeyRecord k) {
                pem = k.pem();
            }
        }
        PublicKey exportKey = null;
        if (pem != null) {
            try {
                exportKey = LedgerKeys.publicKeyFromPem(pem);
            } catch (IllegalArgumentException e) {
                return failed("the export's public key cannot be read: " + e.getMessage());
            }
        }
        if (givenKey != null && exportKey != null && !Arrays.equals(givenKey.getEncoded(), exportKey.getEncoded())) {
            return failed("the export's public key " + LedgerKeys.keyId(exportKey) + " is not the ledger's key "
                    + LedgerKeys.keyId(givenKey));
        }
        PublicKey key = givenKey != null ? givenKey : exportKey;
        if (key == null) {
            return failed("the export has no public key line and no key was given");
        }

        VerificationResult result;
        ExecutorService hashing = LedgerVerifier.hashingThreads(Runtime.getRuntime().availableProcessors());
        try {
            result = verifyEntries(export, new LedgerVerifier(key, checkpoints, progress, hashing), tail);
        } finally {
            hashing.shutdownNow();
        }
        if (result.ok() && result.entries() > 0 && result.checkpointsVerified() == 0) {
            return failed("no checkpoint: nothing ties these " + result.entries() + " entries to the ledger's key");
        }
        return result;
    }

    private static VerificationResult verifyEntries(Path export, LedgerVerifier verifier, List<ExportRecord> tail)
            throws IOException {
        List<ExportRecord> after = new ArrayList<>();
        // Entries go to the verifier a batch at a time so that their hashing runs in parallel. Whatever
        // the reading finds wrong is reported only after the entries before it are checked, so the first
        // failure is the one a line-by-line pass finds.
        List<LedgerEntry> entries = new ArrayList<>(BATCH);
        List<String> hashes = new ArrayList<>(BATCH);
        try (InputStream in = Files.newInputStream(export); ExportReader reader = new ExportReader(in)) {
            while (true) {
                ExportRecord record;
                try {
                    record = reader.next();
                } catch (ExportFormatException e) {
                    checkBatch(verifier, entries, hashes);
                    verifier.failNext("unreadable: " + e.getMessage());
                    break;
                }
                if (record == null) {
                    break;
                }
                if (record instanceof ExportRecord.EntryRecord entry) {
                    if (!after.isEmpty()) {
                        checkBatch(verifier, entries, hashes);
                        verifier.failNext("an entry after the checkpoints (line " + reader.lineNumber() + ")");
                        break;
                    }
                    entries.add(entry.entry());
                    hashes.add(entry.hash());
                    if (entries.size() == BATCH && !checkBatch(verifier, entries, hashes)) {
                        break;
                    }
                } else {
                    after.add(record);
                }
            }
            checkBatch(verifier, entries, hashes);
        }
        VerificationResult result = verifier.finish();
        if (result.ok() && !after.equals(tail)) {
            return failed("the export changed while it was being read");
        }
        return result;
    }

    private static boolean checkBatch(LedgerVerifier verifier, List<LedgerEntry> entries, List<String> hashes) {
        boolean ok = verifier.acceptAll(entries, hashes);
        entries.clear();
        hashes.clear();
        return ok;
    }

    private static VerificationResult failed(String why) {
        return new VerificationResult(0, 0, 0, null, -1, why);
    }

    /** The checkpoint and key lines at the end of the file, in file order. */
    static List<ExportRecord> readTail(Path file) throws IOException {
        List<ExportRecord> tail = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = channel.size();
            if (end > 0 && read(channel, end - 1, end)[0] == '\n') {
                end--;
            }
            while (end > 0) {
                long start = lineStart(channel, end);
                long lineEnd = end;
                if (read(channel, lineEnd - 1, lineEnd)[0] == '\r') {
                    lineEnd--;
                }
                byte[] prefix = read(channel, start, Math.min(lineEnd, start + ENTRY_PREFIX.length));
                if (Arrays.equals(prefix, ENTRY_PREFIX)) {
                    break;
                }
                ExportRecord record = parse(read(channel, start, lineEnd));
                if (record instanceof ExportRecord.EntryRecord) {
                    break;
                }
                tail.add(record);
                if (start == 0) {
                    break;
                }
                end = start - 1;
            }
        }
        Collections.reverse(tail);
        return tail;
    }

    private static ExportRecord parse(byte[] line) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("a line near the end is not valid UTF-8", e);
        }
        try {
            return ExportFormat.parseLine(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a line near the end: " + e.getMessage(), e);
        }
    }

    /** Where the line ending just before {@code end} begins: after the previous newline, or at 0. */
    private static long lineStart(FileChannel channel, long end) throws IOException {
        long at = end;
        while (at > 0) {
            long from = Math.max(0, at - BLOCK);
            byte[] block = read(channel, from, at);
            for (int i = block.length - 1; i >= 0; i--) {
                if (block[i] == '\n') {
                    return from + i + 1;
                }
            }
            at = from;
        }
        return 0;
    }

    private static byte[] read(FileChannel channel, long from, long to) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(to - from));
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, from + buffer.position()) < 0) {
                throw new IOException("the file got shorter while it was read");
            }
        }
        return buffer.array();
    }
}
