package org.equalityledger.service.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;

/**
 * An in-process MongoDB wire-protocol server on a loopback port, backed by an H2 file in the data
 * folder, so that the service runs with one command and keeps its data across restarts.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final MongoServer server;
    private final DurableH2Backend backend;
    private final ScheduledExecutorService housekeeping;
    private final String connectionString;
    private final Path file;

    /**
     * @param cacheMegabytes H2's page cache; the server's memory use is about this plus what the
     *                       queries in flight hold, whatever the size of the file
     * @param sync           fsync the journal before answering a write (survives power loss); without
     *                       it a write still reaches the operating system and survives {@code kill -9}
     */
    public EmbeddedMongoServer(Path dataDirectory, int cacheMegabytes, boolean sync) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + dataDirectory, e);
        }
        this.file = dataDirectory.resolve("ledger.mv.db").toAbsolutePath();
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                .cacheSize(cacheMegabytes)
                // Every command commits, and a commit rewrites each page it touched: small pages keep
                // that to the document written instead of its neighbours too.
                .pageSplitSize(Integer.getInteger("ledger.embedded.page-split-size", 4096))
                .autoCommitDisabled()
                .open();
        LedgerH2Database.storeDocumentsAsBson(store);
        this.backend = new DurableH2Backend(store, dataDirectory.resolve("ledger.journal"), sync);
        backend.recover();
        this.server = new MongoServer(backend);
        this.connectionString = server.bindAndGetConnectionString();
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "embedded-mongo-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        housekeeping.scheduleWithFixedDelay(() -> quietly(backend::checkpoint), 1, 1, TimeUnit.SECONDS);
        housekeeping.scheduleWithFixedDelay(() -> quietly(backend::compact), 60, 60, TimeUnit.SECONDS);
        log.info("Embedded MongoDB wire-protocol server on {} with its H2 file {} (cache {} MB, fsync {})",
                connectionString, file, cacheMegabytes, sync ? "on" : "off");
    }

    private static void quietly(Runnable housekeepingTask) {
        try {
            housekeepingTask.run();
        } catch (RuntimeException e) {
            log.warn("Embedded store housekeeping failed; it runs again shortly", e);
        }
    }

    public String connectionString() {
        return connectionString;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        // Not shutdownNow: an interrupt would close the journal's file channel under a running task.
        housekeeping.shutdown();
        try {
            housekeeping.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Closes the backend too, which commits H2 and empties the journal.
        server.shutdownNow();
        log.info("Embedded MongoDB server stopped; its file {} is closed", file);
    }
}
