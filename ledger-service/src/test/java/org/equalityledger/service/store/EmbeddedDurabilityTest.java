package org.equalityledger.service.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.equalityledger.service.eventstore.EngineFixtureAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** The embedded store's promises: what it acknowledged survives a restart and a {@code kill -9}. */
class EmbeddedDurabilityTest {

    @TempDir
    Path dataDir;

    @Test
    void a_restart_keeps_every_event() {
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(dataDir, 16, true);
             MongoClient client = MongoClients.create(server.connectionString())) {
            EventStorageEngine engine = EngineFixtureAccess.engine(client.getDatabase("ledger"));
            for (int i = 0; i < 50; i++) {
                engine.appendEvents(EngineFixtureAccess.history("c-" + i, 3));
            }
        }

        try (EmbeddedMongoServer server = new EmbeddedMongoServer(dataDir, 16, true);
             MongoClient client = MongoClients.create(server.connectionString())) {
            EventStorageEngine engine = EngineFixtureAccess.engine(client.getDatabase("ledger"));
            assertThat(engine.readEvents(null, false).count()).isEqualTo(150);
            assertThat(engine.readEvents("c-49").asStream().count()).isEqualTo(3);
            engine.appendEvents(EngineFixtureAccess.history("after-restart", 1));
            assertThat(((GlobalSequenceTrackingToken) engine.createHeadToken()).getGlobalIndex()).isEqualTo(150);
        }
    }

    @Test
    void a_kill_dash_nine_under_load_loses_no_acknowledged_event() throws Exception {
        Process writer = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                EmbeddedLoadWriter.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Set<String> acknowledged = new HashSet<>();
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

        try (EmbeddedMongoServer server = new EmbeddedMongoServer(dataDir, 16, true);
             MongoClient client = MongoClients.create(server.connectionString())) {
            EventStorageEngine engine = EngineFixtureAccess.engine(client.getDatabase("ledger"));
            List<Long> positions = engine.readEvents(null, false)
                    .map(e -> ((GlobalSequenceTrackingToken) e.trackingToken()).getGlobalIndex()).toList();
            assertThat(positions.size()).isGreaterThanOrEqualTo(acknowledged.size() * 2);
            for (int i = 0; i < positions.size(); i++) {
                assertThat(positions.get(i)).as("positions stay dense after the crash").isEqualTo(i);
            }
            for (String aggregateId : acknowledged) {
                assertThat(engine.readEvents(aggregateId).asStream().count())
                        .as("acknowledged commit of %s", aggregateId).isEqualTo(2);
            }
            // The store takes new commits after the crash.
            engine.appendEvents(new GenericDomainEventMessage<>("Commitment", "after-crash", 0, "x"));
        }
        assertThat(Files.size(dataDir.resolve("ledger.mv.db"))).isPositive();
    }
}
