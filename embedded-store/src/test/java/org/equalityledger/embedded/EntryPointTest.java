package org.equalityledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** The module's one way in: a folder and options; a start that fails leaves the folder free. */
class EntryPointTest {

    @TempDir
    Path dataDir;

    @Test
    void it_listens_on_the_loopback_port_asked_for_and_a_taken_port_leaves_the_folder_free() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        EmbeddedMongoServer.Options options = EmbeddedMongoServer.Options.defaults().withFsync(false).withPort(port);
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir.resolve("first"), options)) {
            assertThat(server.connectionString()).isEqualTo("mongodb://127.0.0.1:" + port);
            assertThat(server.file()).isEqualTo(dataDir.resolve("first").resolve("ledger.mv.db").toAbsolutePath());
            assertThatThrownBy(() -> EmbeddedMongoServer.start(dataDir.resolve("second"), options))
                    .as("the port is taken");
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir.resolve("second"), options.withPort(0));
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("ledger").getCollection("things").insertOne(new Document("_id", 1));
            assertThat(client.getDatabase("ledger").getCollection("things").countDocuments()).isEqualTo(1);
        }
    }
}
