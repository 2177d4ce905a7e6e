package org.equalityledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * What the server acknowledged survives a restart and a {@code kill -9}; a journal torn part way
 * gives back everything before the tear and nothing of the command it cut. The journal is read here
 * by a parser of its own, written from the layout the README gives, so that layout is pinned too.
 */
class EmbeddedDurabilityTest {

    private static final EmbeddedMongoServer.Options OPTIONS = EmbeddedMongoServer.Options.defaults().withCacheMegabytes(16);

    @TempDir
    static Path killed;

    @TempDir
    static Path torn;

    /** The killed writer's folder as it was left, for the torn journal's test to compare with. */
    @TempDir
    static Path left;

    @TempDir
    Path dataDir;

    private static final Set<String> acknowledged = new HashSet<>();

    /** One child JVM killed under load; the folder it leaves is examined as it is and, in a copy, torn. */
    @BeforeAll
    static void killAWriterUnderLoad() throws Exception {
        Process writer = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                EmbeddedLoadWriter.class.getName(), killed.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < 400 && (line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(line.substring(4));
                }
            }
            // SIGKILL while the writers are mid-flight: no shutdown hook, no final commit.
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).hasSize(400);
        try (Stream<Path> files = Files.list(killed)) {
            for (Path file : files.toList()) {
                Files.copy(file, torn.resolve(file.getFileName()));
                Files.copy(file, left.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void a_restart_keeps_every_write() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, OPTIONS);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> commits = client.getDatabase("ledger").getCollection("commits");
            for (int n = 0; n < 50; n++) {
                commits.insertMany(List.of(EmbeddedLoadWriter.event("c-" + n, 0), EmbeddedLoadWriter.event("c-" + n, 1)));
            }
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, OPTIONS);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> commits = client.getDatabase("ledger").getCollection("commits");
            assertThat(commits.countDocuments()).isEqualTo(100);
            assertThat(commits.find(new Document("_id", "c-49/1")).first()).isEqualTo(EmbeddedLoadWriter.event("c-49", 1));
        }
    }

    @Test
    void a_kill_dash_nine_under_load_loses_no_acknowledged_write() {
        Set<String> ids = idsIn(killed);
        for (String commit : acknowledged) {
            assertThat(ids).as("acknowledged commit %s", commit).contains(commit + "/0", commit + "/1");
        }
        assertWholeCommits(ids);
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(killed, OPTIONS);
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("ledger").getCollection("commits").insertOne(EmbeddedLoadWriter.event("after-crash", 0));
        }
    }

    @Test
    void a_journal_torn_mid_record_gives_back_what_precedes_the_tear_and_nothing_of_the_torn_command() throws Exception {
        Path journal = torn.resolve("ledger.journal");
        List<JournalRecord> records = recordsBeyondTheLastCommit(torn);
        assertThat(records).as("the killed writer left commands beyond H2's last commit").isNotEmpty();
        Set<String> inJournal = new HashSet<>();
        records.forEach(r -> inJournal.addAll(r.ids()));
        Set<String> committed = new HashSet<>(idsIn(left));
        committed.removeAll(inJournal);

        int tear = records.size() / 2;
        while (records.get(tear).ids().isEmpty()) {
            tear++; // an index creation, when the writer was killed within its first second
        }
        JournalRecord cut = records.get(tear);
        try (RandomAccessFile raw = new RandomAccessFile(journal.toFile(), "rw")) {
            raw.setLength(cut.offset() + 8 + cut.length() / 2);
        }

        Set<String> expected = new HashSet<>(committed);
        records.subList(0, tear).forEach(r -> expected.addAll(r.ids()));
        assertThat(cut.ids()).isNotEmpty().doesNotContainAnyElementsOf(expected);
        assertThat(idsIn(torn)).as("H2's last commit plus the whole records before the tear, exactly")
                .isEqualTo(expected);
        assertThat(idsIn(torn)).as("the journal was folded into H2 on reopening: a second opening changes nothing")
                .isEqualTo(expected);
    }

    /** Every commit's two documents are there together or not at all. */
    private static void assertWholeCommits(Set<String> ids) {
        Map<String, Integer> perCommit = new HashMap<>();
        ids.forEach(id -> perCommit.merge(id.substring(0, id.indexOf('/')), 1, Integer::sum));
        assertThat(perCommit).allSatisfy((commit, count) -> assertThat(count).as(commit).isEqualTo(2));
    }

    private static Set<String> idsIn(Path folder) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(folder, OPTIONS);
             MongoClient client = MongoClients.create(server.connectionString())) {
            Set<String> ids = new HashSet<>();
            for (Document doc : client.getDatabase("ledger").getCollection("commits").find()) {
                ids.add(doc.getString("_id"));
            }
            assertWholeCommits(ids);
            return ids;
        }
    }

    private record JournalRecord(long offset, int length, List<String> ids) {
    }

    /**
     * The journal's whole records, read as the README lays them out: the generation (8 bytes, big-endian),
     * then per command its BSON length and CRC-32 (4 bytes each, big-endian) and the BSON of
     * {@code {db, command, query}}. Empty when the journal's generation is not the one H2 last committed.
     */
    private static List<JournalRecord> recordsBeyondTheLastCommit(Path folder) throws IOException {
        long committedGeneration;
        MVStore h2 = new MVStore.Builder().fileName(folder.resolve("ledger.mv.db").toString()).readOnly().open();
        try {
            committedGeneration = h2.<String, Long>openMap("ledger_journal_state").get("generation");
        } finally {
            h2.close();
        }
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(folder.resolve("ledger.journal")));
        List<JournalRecord> records = new ArrayList<>();
        if (bytes.remaining() < Long.BYTES || bytes.getLong() != committedGeneration) {
            return records;
        }
        while (bytes.remaining() >= 8) {
            int offset = bytes.position();
            int length = bytes.getInt();
            int checksum = bytes.getInt();
            if (length <= 0 || length > bytes.remaining()) {
                break;
            }
            byte[] bson = new byte[length];
            bytes.get(bson);
            CRC32 crc = new CRC32();
            crc.update(bson);
            if ((int) crc.getValue() != checksum) {
                break;
            }
            BsonDocument entry = new RawBsonDocument(bson);
            List<String> ids = new ArrayList<>();
            BsonDocument query = entry.getDocument("query");
            if (entry.getString("command").getValue().equals("insert")) {
                for (BsonValue doc : query.getArray("documents")) {
                    ids.add(doc.asDocument().getString("_id").getValue());
                }
            }
            records.add(new JournalRecord(offset, length, ids));
        }
        return records;
    }
}
