package org.equalityledger.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * The process {@link EmbeddedDurabilityTest} kills: four threads write through the driver as fast as
 * they can, each write two documents in one command (as a commit of two events), and print
 * {@code ACK <commit>} once the server has answered, i.e. once acknowledged.
 */
public final class EmbeddedLoadWriter {

    public static void main(String[] args) throws Exception {
        EmbeddedMongoServer server = EmbeddedMongoServer.start(Path.of(args[0]), EmbeddedMongoServer.Options.defaults());
        MongoClient client = MongoClients.create(server.connectionString());
        MongoCollection<Document> commits = client.getDatabase("ledger").getCollection("commits");
        commits.createIndex(Indexes.ascending("keys"), new IndexOptions().unique(true).sparse(true).name("keys_unique"));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            Thread writer = new Thread(() -> {
                for (int n = 0; ; n++) {
                    String commit = "k-" + thread + "-" + n;
                    commits.insertMany(List.of(event(commit, 0), event(commit, 1)));
                    synchronized (System.out) {
                        System.out.println("ACK " + commit);
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

    static Document event(String commit, int sequence) {
        return new Document("_id", commit + "/" + sequence).append("keys", List.of(commit + ":" + sequence))
                .append("payload", "Compromiso n° " + commit + " — événement " + sequence);
    }
}
