package org.equalityledger.service.store;

import org.equalityledger.embedded.EmbeddedMongoServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

/** The MongoDB the service runs on, and the embedded server behind it when there is one. */
public final class LedgerStore implements AutoCloseable {

    private final MongoClient client;
    private final String databaseName;
    private final EmbeddedMongoServer embedded;

    LedgerStore(MongoClient client, String databaseName, EmbeddedMongoServer embedded) {
        this.client = client;
        this.databaseName = databaseName;
        this.embedded = embedded;
    }

    public MongoClient client() {
        return client;
    }

    public String databaseName() {
        return databaseName;
    }

    public MongoDatabase database() {
        return client.getDatabase(databaseName);
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** What the health endpoint and the log call this store. */
    public String description() {
        return isEmbedded() ? "embedded (" + embedded.file() + ")" : "mongodb";
    }

    @Override
    public void close() {
        client.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
