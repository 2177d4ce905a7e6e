package org.equalityledger.core.verify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.equalityledger.core.LedgerEntry;
import org.equalityledger.core.checkpoint.Checkpoint;
import org.equalityledger.core.checkpoint.LedgerKeys;
import org.equalityledger.core.export.ExportFormat;
import org.equalityledger.core.export.ExportWriter;
import org.equalityledger.core.merkle.InMemoryNodeStore;
import org.equalityledger.core.merkle.MerkleLog;

/**
 * A ledger of 200 entries over 20 aggregates (every tenth entry belongs to none), with checkpoints at
 * 60, 120 and 180, as export lines that tests may tamper with.
 */
final class ExportFixture {

    static final int SIZE = 200;
    static final long[] CHECKPOINT_SIZES = {60, 120, 180};
    static final KeyPair KEYS = LedgerKeys.generate();

    final List<LedgerEntry> entries;
    final List<Checkpoint> checkpoints;
    final MerkleLog log;
    final List<String> lines;

    private ExportFixture(List<LedgerEntry> entries, List<Checkpoint> checkpoints, MerkleLog log, String export) {
        this.entries = entries;
        this.checkpoints = checkpoints;
        this.log = log;
        this.lines = new ArrayList<>(List.of(export.split("\n")));
    }

    static ExportFixture create() throws IOException {
        return create(i -> "{\"amount\":" + i + ",\"note\":\"é \\\"q\\\" \\u2028\"}");
    }

    static ExportFixture create(Payloads payloads) throws IOException {
        List<LedgerEntry> entries = chain(0, SIZE, new HashMap<>(), payloads);
        MerkleLog log = new MerkleLog(new InMemoryNodeStore());
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (LedgerEntry entry : entries) {
            log.appendEntryHash(entry.hash());
            for (long size : CHECKPOINT_SIZES) {
                if (log.size() == size) {
                    checkpoints.add(Checkpoint.sign(size, log.root(), Instant.parse("2025-01-01T00:00:00Z").plusSeconds(size), KEYS));
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportWriter.write(out, entries, checkpoints, KEYS.getPublic());
        return new ExportFixture(entries, checkpoints, log, out.toString(StandardCharsets.UTF_8));
    }

    interface Payloads {
        String at(long position);
    }

    /** Entries from..to with correct hashes, sequences and chains, continuing the chains in {@code last}. */
    static List<LedgerEntry> chain(long from, long to, Map<String, LedgerEntry> last, Payloads payloads) {
        List<LedgerEntry> entries = new ArrayList<>();
        for (long i = from; i < to; i++) {
            LedgerEntry entry;
            if (i % 10 == 9) {
                entry = new LedgerEntry(i, "evt-" + i, null, null, -1, "org.example.Tick", null,
                        "2025-01-01T00:00:00Z", payloads.at(i), "{}", null);
            } else {
                String id = "c-" + (i * 7 % 20);
                LedgerEntry previous = last.get(id);
                entry = new LedgerEntry(i, "evt-" + i, "Commitment", id, previous == null ? 0 : previous.sequence() + 1,
                        "org.example.Pledged", "1", "2025-01-01T00:00:" + String.format("%02d", i % 60) + "Z",
                        payloads.at(i), "{\"actor\":\"ally\"}", previous == null ? null : previous.hash());
                last.put(id, entry);
            }
            entries.add(entry);
        }
        return entries;
    }

    /** The chain heads after the first {@code size} entries. */
    Map<String, LedgerEntry> headsBefore(long size) {
        Map<String, LedgerEntry> heads = new HashMap<>();
        for (LedgerEntry entry : entries.subList(0, (int) size)) {
            if (entry.aggregateId() != null) {
                heads.put(entry.aggregateId(), entry);
            }
        }
        return heads;
    }

    static String line(LedgerEntry entry) {
        return ExportFormat.entryLine(entry, entry.hash());
    }

    Path write(Path folder, String name) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }
}
