package org.equalityledger.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.equalityledger.core.LedgerEntry;
import org.equalityledger.core.checkpoint.Checkpoint;
import org.equalityledger.core.checkpoint.LedgerKeys;
import org.junit.jupiter.api.Test;

class ExportRoundTripTest {

    private static final KeyPair KEYS = LedgerKeys.generate();

    private static final List<LedgerEntry> ENTRIES = List.of(
            new LedgerEntry(0, "e-0", "Commitment", "c-1", 0, "org.example.Pledged", "2", "2025-01-01T00:00:00Z",
                    "{\"text\":\"quote \\\" backslash \\\\ tab \\t\"}", "{\"actor\":\"zoë 😀\"}", null),
            new LedgerEntry(1, "e-1", null, null, -1, "org.example.Tick", null, "2025-01-01T00:00:01Z",
                    "raw\ncontrol\u0001chars\u001f and a lone surrogate \uD83D and \u2028", "{}", null),
            new LedgerEntry(2, "e-2", "Commitment", "c-1", 1, "org.example.Amended", null, "2025-01-01T00:00:02Z",
                    "", "", "abc"));

    private static byte[] export(List<Checkpoint> checkpoints) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportWriter.write(out, ENTRIES, checkpoints, KEYS.getPublic());
        return out.toByteArray();
    }

    private static List<ExportRecord> read(byte[] bytes) throws IOException {
        List<ExportRecord> records = new ArrayList<>();
        try (ExportReader reader = new ExportReader(new ByteArrayInputStream(bytes))) {
            for (ExportRecord record; (record = reader.next()) != null; ) {
                records.add(record);
            }
        }
        return records;
    }

    @Test
    void entries_with_awkward_strings_come_back_identical_and_hash_the_same() throws IOException {
        Checkpoint checkpoint = Checkpoint.sign(3, new byte[32], Instant.now(), KEYS);
        List<ExportRecord> records = read(export(List.of(checkpoint)));

        assertThat(records).hasSize(5);
        for (int i = 0; i < ENTRIES.size(); i++) {
            ExportRecord.EntryRecord entry = (ExportRecord.EntryRecord) records.get(i);
            assertThat(entry.entry()).isEqualTo(ENTRIES.get(i));
            assertThat(entry.hash()).isEqualTo(ENTRIES.get(i).hash());
        }
        assertThat(records.get(3)).isEqualTo(new ExportRecord.CheckpointRecord(checkpoint));
        String pem = ((ExportRecord.PublicKeyRecord) records.get(4)).pem();
        assertThat(LedgerKeys.publicKeyFromPem(pem).getEncoded()).isEqualTo(KEYS.getPublic().getEncoded());
    }

    @Test
    void the_stored_hash_is_exported_as_stored() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExportWriter writer = new ExportWriter(out)) {
            writer.writeEntry(ENTRIES.get(0), "0".repeat(64));
        }
        assertThat(((ExportRecord.EntryRecord) read(out.toByteArray()).get(0)).hash()).isEqualTo("0".repeat(64));
    }

    @Test
    void the_writer_keeps_the_order() throws IOException {
        ExportWriter writer = new ExportWriter(new ByteArrayOutputStream());
        writer.writeCheckpoint(Checkpoint.sign(0, new byte[32], Instant.now(), KEYS));
        assertThatThrownBy(() -> writer.writeEntry(ENTRIES.get(0))).isInstanceOf(IllegalStateException.class);
        writer.writePublicKey(KEYS.getPublic());
        assertThatThrownBy(() -> writer.writePublicKey(KEYS.getPublic())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> writer.writeCheckpoint(Checkpoint.sign(0, new byte[32], Instant.now(), KEYS)))
                .isInstanceOf(IllegalStateException.class);
    }

    private static void assertRefusedAtLine(String text, long line, String why) {
        assertThatThrownBy(() -> read(text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ExportFormatException.class)
                .hasMessageStartingWith("line " + line + ": ")
                .hasMessageContaining(why)
                .satisfies(e -> assertThat(((ExportFormatException) e).line()).isEqualTo(line));
    }

    @Test
    void the_reader_refuses_anything_but_the_format() throws IOException {
        String good = new String(export(List.of()), StandardCharsets.UTF_8);
        String[] lines = good.split("\n");
        String entry = lines[0];
        String key = lines[3];

        assertRefusedAtLine(entry.replace("\"hash\"", "\"extra\":1,\"hash\""), 1, "unexpected key \"extra\"");
        assertRefusedAtLine(entry.replace(",\"payloadRevision\":\"2\"", ""), 1, "\"payloadRevision\" is missing");
        assertRefusedAtLine(entry.replace("\"position\":0", "\"position\":\"0\""), 1, "\"position\" must be a whole number");
        assertRefusedAtLine(entry.replace("\"sequence\":0", "\"sequence\":-1"), 1, "needs both aggregateId and sequence");
        assertRefusedAtLine(entry.replace("\"kind\":\"entry\"", "\"kind\":\"event\""), 1, "unknown kind");
        assertRefusedAtLine(entry + "\n\n" + entry, 2, "");
        assertRefusedAtLine(key + "\n" + entry, 2, "out of order");
        assertRefusedAtLine(entry + "\n" + key + "\n" + key, 3, "out of order");

        byte[] invalid = (entry + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBadByte = new byte[invalid.length + 1];
        System.arraycopy(invalid, 0, withBadByte, 0, invalid.length);
        withBadByte[invalid.length] = (byte) 0xC3; // a lead byte with nothing after it
        assertThatThrownBy(() -> read(withBadByte)).isInstanceOf(ExportFormatException.class)
                .hasMessageContaining("UTF-8");
    }
}
