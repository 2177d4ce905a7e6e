package org.equalityledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * The queries and writes the ledger makes, as the driver sees their answers: windows of positions
 * by {@code $in}, look-ups by key, sorts, upserts, and duplicate keys refused with MongoDB's code and
 * the refusing index named in the message (the event store tells a taken position from a taken
 * aggregate sequence by that name).
 */
class QueryContractTest {

    @TempDir
    static Path dataDir;

    private static EmbeddedMongoServer server;
    private static MongoClient client;
    private static int databases;

    @BeforeAll
    static void start() {
        server = EmbeddedMongoServer.start(dataDir, EmbeddedMongoServer.Options.defaults().withFsync(false));
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static MongoDatabase freshDatabase() {
        return client.getDatabase("contract_" + ++databases);
    }

    /** A commit as the event store writes it: its first position as {@code _id}, its aggregate keys. */
    private static Document commit(long position, String aggregate, long sequence) {
        return new Document("_id", position).append("keys", List.of(aggregate + ":" + sequence))
                .append("events", List.of(new Document("type", "Registered").append("sequence", sequence)));
    }

    private static MongoCollection<Document> commits(MongoDatabase database, int count) {
        MongoCollection<Document> commits = database.getCollection("ledger_commits");
        commits.createIndex(Indexes.ascending("keys"), new IndexOptions().unique(true).sparse(true).name("aggregate_sequence"));
        List<Document> documents = new ArrayList<>();
        for (long position = 0; position < count; position++) {
            documents.add(commit(position, "agg-" + position % 7, position / 7));
        }
        commits.insertMany(documents);
        return commits;
    }

    @Test
    void a_window_of_positions_returns_exactly_the_positions_that_exist() {
        MongoCollection<Document> commits = commits(freshDatabase(), 1_500);
        List<Long> window = LongStream.range(1_000, 2_000).boxed().toList();
        List<Long> found = new ArrayList<>();
        commits.find(Filters.in("_id", window)).forEach(d -> found.add(d.getLong("_id")));
        assertThat(found).hasSize(500).containsExactlyInAnyOrderElementsOf(LongStream.range(1_000, 1_500).boxed().toList());
        assertThat(commits.find(Filters.in("_id", List.of(3, 4.0, 5L, "5"))).into(new ArrayList<>()))
                .as("an int, a double and a long of one value are one position, as in MongoDB; a string is none")
                .extracting(d -> d.get("_id")).containsExactlyInAnyOrder(3L, 4L, 5L);
        assertThat(commits.find(Filters.in("keys", List.of("agg-3:0", "agg-3:2", "agg-3:999"))).into(new ArrayList<>()))
                .as("a window of aggregate keys matches an element of the keys array")
                .extracting(d -> d.get("_id")).containsExactlyInAnyOrder(3L, 17L);
        assertThat(commits.find(Filters.in("_id", List.of())).into(new ArrayList<>())).isEmpty();
    }

    /**
     * A commit holding several events of one aggregate matches a window of its keys once per key it
     * holds: MongoDB answers it once, this server once per matching key (upstream proposal 7). The
     * ledger relies only on every matching commit being there, and drops the repeats itself.
     */
    @Test
    void a_window_of_keys_returns_every_matching_commit_at_least_once() {
        MongoCollection<Document> commits = freshDatabase().getCollection("ledger_commits");
        commits.createIndex(Indexes.ascending("keys"), new IndexOptions().unique(true).sparse(true).name("aggregate_sequence"));
        commits.insertMany(List.of(
                new Document("_id", 0L).append("keys", List.of("agg:0", "agg:1", "agg:2")),
                new Document("_id", 3L).append("keys", List.of("other:0"))));
        List<Object> found = commits.find(Filters.in("keys", List.of("agg:0", "agg:1", "agg:2", "missing:0")))
                .map(d -> d.get("_id")).into(new ArrayList<>());
        assertThat(found).as("every matching commit, repeats aside").containsOnly(0L).isNotEmpty();
        assertThat(found).as("at most once per key it matched").hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void sorts_follow_mongodb_order_by_id_and_by_field() {
        MongoCollection<Document> things = freshDatabase().getCollection("things");
        things.insertMany(List.of(new Document("_id", 10L).append("at", "2024-03-01"),
                new Document("_id", 2).append("at", "2021-01-01"), new Document("_id", 2.5).append("at", "2026-12-31"),
                new Document("_id", "b").append("at", "2022-06-30"), new Document("_id", "a").append("at", "2023-01-15")));
        assertThat(things.find().sort(Sorts.ascending("_id")).map(d -> d.get("_id")).into(new ArrayList<>()))
                .as("numbers of every type in value order, then strings").containsExactly(2, 2.5, 10L, "a", "b");
        assertThat(things.find().sort(Sorts.descending("at")).map(d -> d.get("_id")).into(new ArrayList<>()))
                .containsExactly(2.5, 10L, "a", "b", 2);
        assertThat(things.find(Filters.and(Filters.gte("_id", 2), Filters.lt("_id", 10))).sort(Sorts.ascending("_id"))
                .map(d -> d.get("_id")).into(new ArrayList<>())).containsExactly(2, 2.5);
    }

    @Test
    void a_taken_key_is_refused_with_mongodb_duplicate_key_code_naming_the_index() {
        MongoCollection<Document> commits = commits(freshDatabase(), 20);
        assertThatThrownBy(() -> commits.insertOne(commit(5, "fresh", 0)))
                .isInstanceOfSatisfying(MongoWriteException.class, e -> {
                    assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY);
                    assertThat(e.getError().getCode()).isEqualTo(11000);
                    assertThat(e.getError().getMessage()).contains("index: _id_");
                });
        assertThatThrownBy(() -> commits.insertOne(commit(20, "agg-3", 0)))
                .isInstanceOfSatisfying(MongoWriteException.class, e -> {
                    assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY);
                    assertThat(e.getError().getMessage()).contains("index: aggregate_sequence");
                });
        assertThat(commits.countDocuments()).as("nothing of a refused commit is stored").isEqualTo(20);
        assertThatThrownBy(() -> commits.bulkWrite(List.of(new InsertOneModel<>(commit(20, "new", 0)),
                new InsertOneModel<>(commit(3, "other", 0))), new BulkWriteOptions().ordered(false)))
                .isInstanceOfSatisfying(MongoBulkWriteException.class, e -> assertThat(e.getWriteErrors())
                        .singleElement().satisfies(error -> assertThat(error.getCode()).isEqualTo(11000)));
        assertThat(commits.find(Filters.eq("_id", 20L)).first()).as("an unordered bulk keeps what was not refused").isNotNull();
    }

    @Test
    void upserts_and_a_raised_mark_as_the_ledger_writes_its_head_and_blocks() {
        MongoCollection<Document> meta = freshDatabase().getCollection("ledger_meta");
        meta.updateOne(Filters.eq("_id", "head"), Updates.max("next", 40L), new UpdateOptions().upsert(true));
        meta.updateOne(Filters.eq("_id", "head"), Updates.max("next", 12L), new UpdateOptions().upsert(true));
        assertThat(meta.find(Filters.eq("_id", "head")).first().getLong("next")).as("$max never lowers the mark").isEqualTo(40L);

        meta.bulkWrite(List.of(
                new ReplaceOneModel<>(Filters.eq("_id", 0L), new Document("_id", 0L).append("starts", List.of(0L, 3L)),
                        new ReplaceOptions().upsert(true)),
                new ReplaceOneModel<>(Filters.eq("_id", 1L), new Document("_id", 1L).append("starts", List.of(9L)),
                        new ReplaceOptions().upsert(true))), new BulkWriteOptions().ordered(false));
        meta.replaceOne(Filters.eq("_id", 0L), new Document("_id", 0L).append("starts", List.of(0L, 3L, 5L)),
                new ReplaceOptions().upsert(true));
        assertThat(meta.find(Filters.eq("_id", 0L)).first().getList("starts", Long.class)).containsExactly(0L, 3L, 5L);
        assertThat(meta.estimatedDocumentCount()).isEqualTo(3);
        assertThat(meta.find(Filters.in("_id", List.of(0L, 1L))).projection(new Document("_id", 1)).into(new ArrayList<>()))
                .containsExactlyInAnyOrder(new Document("_id", 0L), new Document("_id", 1L));
    }
}
