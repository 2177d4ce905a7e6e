package org.equalityledger.service.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.equalityledger.embedded.EmbeddedMongoServer;
import org.equalityledger.service.LedgerApplication;
import org.equalityledger.service.eventstore.StoredLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** The service shuts down cleanly on the embedded store: the writers' head mark is saved before the store closes. */
@ExtendWith(OutputCaptureExtension.class)
class ServiceShutdownTest {

    @TempDir
    Path dataDir;

    @Test
    void theHeadMarkIsSavedBeforeTheStoreCloses(CapturedOutput output) {
        ConfigurableApplicationContext context = new SpringApplication(LedgerApplication.class).run("--server.port=0",
                "--ledger.data-dir=" + dataDir, "--spring.main.banner-mode=off", "--ledger.audit.checkpoint-interval=PT0S");
        context.close();

        assertThat(output).doesNotContain("propagated an exception");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, EmbeddedMongoServer.Options.defaults());
             MongoClient client = MongoClients.create(server.connectionString())) {
            StoredLedger reader = new StoredLedger(client.getDatabase("equality-ledger"));
            assertThat(reader.endPosition()).as("the reference set was recorded on the first start").isPositive();
            assertThat(reader.headMark()).isEqualTo(reader.endPosition());
        }
    }
}
