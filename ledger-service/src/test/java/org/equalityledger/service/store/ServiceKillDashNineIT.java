package org.equalityledger.service.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.equalityledger.embedded.EmbeddedMongoServer;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.equalityledger.service.eventstore.EngineFixtureAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The packaged service, started as users start it, killed with SIGKILL while clients register
 * commitment makers: every registration it acknowledged with 201 is in the ledger afterwards, its
 * positions without a gap, and the service starts again on the same data folder. The embedded store's
 * own promises (every acknowledged write, a torn journal) are pinned in module {@code embedded-store}.
 */
class ServiceKillDashNineIT {

    private static final Path JAR = Path.of("target", "ledger-service.jar");
    private static final String SECRETARIAT = "Basic "
            + Base64.getEncoder().encodeToString("secretariat:demo".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void no_acknowledged_command_is_lost_to_kill_dash_nine() throws Exception {
        int port = freePort();
        Process service = start(port);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean loading = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        try {
            awaitUp(port, service);
            for (int c = 0; c < 4; c++) {
                int client = c;
                Thread thread = new Thread(() -> {
                    for (int n = 0; loading.get(); n++) {
                        try {
                            HttpResponse<String> answer = http.send(register(port, "Maker " + client + "-" + n),
                                    HttpResponse.BodyHandlers.ofString());
                            if (answer.statusCode() == 201) {
                                String location = answer.headers().firstValue("Location").orElseThrow();
                                acknowledged.add(location.substring(location.lastIndexOf('/') + 1));
                            }
                        } catch (IOException | InterruptedException e) {
                            return; // the service is gone
                        }
                    }
                });
                clients.add(thread);
                thread.start();
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (acknowledged.size() < 150 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            // SIGKILL while the clients are still sending: no shutdown hook, no final commit.
            service.destroyForcibly();
            assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            loading.set(false);
            service.destroyForcibly();
            for (Thread thread : clients) {
                thread.join(10_000);
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(150);

        try (EmbeddedMongoServer store = EmbeddedMongoServer.start(dataDir, EmbeddedMongoServer.Options.defaults());
             MongoClient client = MongoClients.create(store.connectionString())) {
            EventStorageEngine engine = EngineFixtureAccess.engine(client.getDatabase("equality-ledger"));
            for (String makerId : acknowledged) {
                assertThat(engine.readEvents(makerId).asStream().count())
                        .as("the registration of %s was acknowledged", makerId).isEqualTo(1);
            }
            List<Long> positions = engine.readEvents(null, false)
                    .map(e -> ((GlobalSequenceTrackingToken) e.trackingToken()).getGlobalIndex()).toList();
            for (int i = 0; i < positions.size(); i++) {
                assertThat(positions.get(i)).as("positions stay dense after the crash").isEqualTo(i);
            }
        }

        Process restarted = start(port);
        try {
            awaitUp(port, restarted);
        } finally {
            restarted.destroy();
            restarted.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process start(int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toString(), "--server.port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("service-" + System.nanoTime() + ".log").toFile());
        builder.environment().remove("LEDGER_MONGODB_URI");
        builder.environment().put("LEDGER_DATA_DIR", dataDir.toString());
        return builder.start();
    }

    private void awaitUp(int port, Process service) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            assertThat(service.isAlive()).as("the service is running").isTrue();
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not come up within 2 minutes");
    }

    private static HttpRequest register(int port, String name) {
        String body = """
                {"name": "%s", "stakeholderGroup": "CIVIL_SOCIETY", "hemisphere": "GLOBAL_SOUTH", "country": "MX"}
                """.formatted(name);
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/commitment-makers"))
                .header("Authorization", SECRETARIAT)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
