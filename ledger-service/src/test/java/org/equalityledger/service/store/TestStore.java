package org.equalityledger.service.store;

import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

/** One store a test runs on; every call to {@link #freshDatabase()} gives an empty database. */
public final class TestStore {

    private static final AtomicInteger databases = new AtomicInteger();

    private final String name;
    private final MongoClient client;
    private final String connectionString;

    TestStore(String name, MongoClient client, String connectionString) {
        this.name = name;
        this.client = client;
        this.connectionString = connectionString;
    }

    public MongoDatabase freshDatabase() {
        return client.getDatabase("test_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet());
    }

    public MongoClient client() {
        return client;
    }

    public String connectionString() {
        return connectionString;
    }

    public boolean isEmbedded() {
        return "embedded".equals(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
