package org.equalityledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** The embedded server's unique indexes: their look-ups, their refusals, and files written before their key type. */
class EmbeddedIndexTest {

    private static final EmbeddedMongoServer.Options OPTIONS = EmbeddedMongoServer.Options.defaults().withCacheMegabytes(16);

    @TempDir
    Path dataDir;

    @Test
    void unique_indexes_find_refuse_and_survive_a_restart() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, OPTIONS);
             MongoClient client = MongoClients.create(server.connectionString())) {
            fill(client.getDatabase("ledger").getCollection("things"));
            assertIndexed(client.getDatabase("ledger").getCollection("things"));
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, OPTIONS);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertIndexed(client.getDatabase("ledger").getCollection("things"));
        }
    }

    @Test
    void a_file_written_with_the_former_index_maps_is_indexed_again_on_opening() {
        MVStore store = new MVStore.Builder().fileName(dataDir.resolve("ledger.mv.db").toString()).open();
        MongoServer former = new MongoServer(new H2Backend(store));
        try (MongoClient client = MongoClients.create(former.bindAndGetConnectionString())) {
            fill(client.getDatabase("ledger").getCollection("things"));
        } finally {
            former.shutdownNow();
        }

        for (int opening = 0; opening < 2; opening++) {
            try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, OPTIONS);
                 MongoClient client = MongoClients.create(server.connectionString())) {
                assertIndexed(client.getDatabase("ledger").getCollection("things"));
                assertThat(client.getDatabase("ledger").getCollection("things").find(Filters.eq("_id", 42L)).first())
                        .as("the Java-serialised document, rewritten as BSON").isEqualTo(thing(42));
            }
        }
        MVStore reopened = new MVStore.Builder().fileName(dataDir.resolve("ledger.mv.db").toString()).readOnly().open();
        try {
            assertThat(reopened.getMapNames()).noneMatch(name -> name.contains("._index_"));
        } finally {
            reopened.close();
        }
    }

    @Test
    void documents_of_every_kind_of_value_come_back_as_written_after_a_restart() {
        Document written = new Document("_id", "every-kind")
                .append("text", "Compromiso — ñandú 🌍").append("int", 7).append("long", 7L << 40).append("double", 0.1)
                .append("decimal", new org.bson.types.Decimal128(new java.math.BigDecimal("12345678901234567890.12")))
                .append("flag", true).append("nothing", null).append("date", new java.util.Date(1_625_000_000_123L))
                .append("bytes", new org.bson.types.Binary(new byte[] {0, 1, 2, (byte) 255}))
                .append("objectId", new org.bson.types.ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("nested", new Document("list", List.of(1, "two", new Document("three", List.of()))));
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, OPTIONS);
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("ledger").getCollection("things").insertOne(written);
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, OPTIONS);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase("ledger").getCollection("things").find(Filters.eq("_id", "every-kind")).first())
                    .isEqualTo(written);
        }
    }

    @Test
    void a_dropped_collection_takes_its_index_entries_with_it() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, OPTIONS);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> things = client.getDatabase("ledger").getCollection("things");
            fill(things);
            things.drop();
            fill(things);
            assertIndexed(things);
        }
    }

    private static void fill(MongoCollection<Document> things) {
        things.createIndex(Indexes.ascending("keys"), new IndexOptions().unique(true).sparse(true).name("keys_unique"));
        List<Document> documents = new ArrayList<>();
        for (long id = 0; id < 300; id++) {
            documents.add(thing(id));
        }
        documents.add(new Document("_id", "text-id").append("note", "an _id of another type"));
        things.insertMany(documents);
    }

    private static Document thing(long id) {
        return new Document("_id", id).append("keys", List.of("a-" + id + ":0", "a-" + id + ":1"))
                .append("detail", new Document("title", "Thing " + id).append("amounts", List.of(id, id * 1.5)));
    }

    private static void assertIndexed(MongoCollection<Document> things) {
        assertThat(things.find(Filters.eq("_id", 123L)).first()).satisfies(d -> assertThat(d.get("_id")).isEqualTo(123L));
        assertThat(things.find(Filters.eq("_id", 123)).first()).as("1 and 1L are the same key, as in MongoDB").isNotNull();
        assertThat(things.find(Filters.eq("_id", "text-id")).first()).isNotNull();
        assertThat(things.find(Filters.in("_id", List.of(5L, 7L, 999L))).into(new ArrayList<>())).hasSize(2);
        assertThat(things.find(Filters.in("_id", List.of(5, 7L, 8.0, "text-id", "5"))).into(new ArrayList<>()))
                .as("numbers of any type are one key; a string is another").hasSize(4);
        assertThat(things.find(Filters.in("keys", List.of("a-1:0", "a-2:1", "none"))).into(new ArrayList<>()))
                .as("$in on an array field matches an element").hasSize(2);
        assertThat(things.find(Filters.in("note", List.of("an _id of another type"))).into(new ArrayList<>()))
                .as("$in on a field without an index").hasSize(1);
        assertThat(things.find(Filters.eq("keys", "a-77:1")).first()).satisfies(d -> assertThat(d.get("_id")).isEqualTo(77L));
        assertThat(things.find(Filters.eq("keys", "a-77:2")).first()).isNull();
        assertThatThrownBy(() -> things.insertOne(new Document("_id", 5L)))
                .isInstanceOfSatisfying(MongoWriteException.class,
                        e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        assertThatThrownBy(() -> things.insertOne(new Document("_id", 1_000L).append("keys", List.of("a-3:1"))))
                .isInstanceOfSatisfying(MongoWriteException.class,
                        e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        assertThat(things.countDocuments()).isEqualTo(301);
    }
}
