package org.equalityledger.service.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.equalityledger.service.eventstore.EngineFixtureAccess;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The process {@link EmbeddedDurabilityTest} kills: four threads append two-event commits as fast as
 * they can and print {@code ACK <aggregate>} once the engine has returned, i.e. once acknowledged.
 */
public final class EmbeddedLoadWriter {

    public static void main(String[] args) throws Exception {
        EmbeddedMongoServer server = new EmbeddedMongoServer(Path.of(args[0]), 16, true);
        MongoClient client = MongoClients.create(server.connectionString());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            EventStorageEngine engine = EngineFixtureAccess.engine(client.getDatabase("ledger"));
            Thread writer = new Thread(() -> {
                for (int n = 0; ; n++) {
                    String aggregateId = "k-" + thread + "-" + n;
                    engine.appendEvents(EngineFixtureAccess.history(aggregateId, 2));
                    synchronized (System.out) {
                        System.out.println("ACK " + aggregateId);
                        System.out.flush();
                    }
                }
            });
            threads.add(writer);
            writer.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
