package org.equalityledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.bwaldvogel.mongo.bson.Document;

class CommandJournalTest {

    @TempDir
    Path dir;

    private static Document insert(int n) {
        return new Document("insert", "ledger_events").append("n", n).append("text", "écrit ✓ " + n);
    }

    @Test
    void the_commands_of_the_current_generation_read_back_in_order() {
        Path file = dir.resolve("journal");
        try (CommandJournal journal = new CommandJournal(file, true)) {
            journal.startGeneration(3);
            for (int n = 0; n < 5; n++) {
                journal.syncUpTo(journal.append("db", "insert", insert(n)));
            }
        }
        try (CommandJournal journal = new CommandJournal(file, true)) {
            assertThat(journal.entriesOf(3)).extracting(e -> e.query().get("n")).containsExactly(0, 1, 2, 3, 4);
            assertThat(journal.entriesOf(3).get(4).query().get("text")).isEqualTo("écrit ✓ 4");
            assertThat(journal.entriesOf(3).get(0).database()).isEqualTo("db");
            // H2 committed generation 4 already: nothing of generation 3 is applied again.
            assertThat(journal.entriesOf(4)).isEmpty();
        }
    }

    private Path threeCommandsOfGenerationOne() {
        Path file = dir.resolve("journal");
        try (CommandJournal journal = new CommandJournal(file, false)) {
            journal.startGeneration(1);
            for (int n = 0; n < 3; n++) {
                journal.append("db", "insert", insert(n));
            }
        }
        return file;
    }

    @Test
    void a_record_torn_by_a_crash_ends_the_journal_there() throws Exception {
        Path file = threeCommandsOfGenerationOne();
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.setLength(Files.size(file) - 5);
        }
        try (CommandJournal journal = new CommandJournal(file, false)) {
            assertThat(journal.entriesOf(1)).extracting(e -> e.query().get("n")).containsExactly(0, 1);
        }
    }

    @Test
    void a_corrupted_record_ends_the_journal_before_it() throws Exception {
        Path file = threeCommandsOfGenerationOne();
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(Files.size(file) - 3);
            raw.write('X');
        }
        try (CommandJournal journal = new CommandJournal(file, false)) {
            assertThat(journal.entriesOf(1)).hasSize(2);
        }
    }
}
