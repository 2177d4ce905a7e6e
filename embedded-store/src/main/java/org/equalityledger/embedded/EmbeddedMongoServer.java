package org.equalityledger.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
 * The module's entry point: an in-process MongoDB wire-protocol server on a loopback port, backed by
 * an H2 file in a data folder, so that a service runs with one command and keeps its data across
 * restarts. {@link #start} opens the folder (rewriting one of an earlier version, applying what the
 * journal holds beyond H2's last commit) and listens; {@link #close} commits and stops. Clients connect
 * with the real MongoDB driver to {@link #connectionString()}.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    /**
     * @param cacheMegabytes H2's page cache; the server's memory use is about this plus what the
     *                       queries in flight hold, whatever the size of the file
     * @param fsync          fsync the journal before answering a write (survives power loss); without
     *                       it a write still reaches the operating system and survives {@code kill -9}
     * @param port           the loopback port to listen on; 0 for any free one
     */
    public record Options(int cacheMegabytes, boolean fsync, int port) {

        public Options {
            if (cacheMegabytes <= 0) {
                throw new IllegalArgumentException("The page cache needs at least 1 MB, not " + cacheMegabytes);
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("No such port: " + port);
            }
        }

        /** A 32 MB cache, fsync on, any free port. */
        public static Options defaults() {
            return new Options(32, true, 0);
        }

        public Options withCacheMegabytes(int megabytes) {
            return new Options(megabytes, fsync, port);
        }

        public Options withFsync(boolean on) {
            return new Options(cacheMegabytes, on, port);
        }

        public Options withPort(int loopbackPort) {
            return new Options(cacheMegabytes, fsync, loopbackPort);
        }
    }

    private final MongoServer server;
    private final DurableH2Backend backend;
    private final ScheduledExecutorService housekeeping;
    private final String connectionString;
    private final Path file;

    private EmbeddedMongoServer(Path dataDirectory, Options options) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + dataDirectory, e);
        }
        this.file = dataDirectory.resolve("ledger.mv.db").toAbsolutePath();
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                .cacheSize(options.cacheMegabytes())
                // Every command commits, and a commit rewrites each page it touched: small pages keep
                // that to the document written instead of its neighbours too.
                .pageSplitSize(Integer.getInteger("ledger.embedded.page-split-size", 4096))
                .autoCommitDisabled()
                .open();
        LedgerH2Database.storeDocumentsAsBson(store);
        this.backend = new DurableH2Backend(store, dataDirectory.resolve("ledger.journal"), options.fsync());
        backend.recover();
        this.server = new MongoServer(backend);
        try {
            // Loopback only: the server has no authentication (see README.md).
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()));
        } catch (RuntimeException e) {
            throw e; // mongo-java-server has shut down and closed the backend itself
        } catch (Exception e) {
            // A taken port: Netty throws java.net.BindException unchecked, past mongo-java-server's own
            // clean-up. Closing the backend releases the file, so that the folder can be opened again.
            server.shutdownNow();
            throw e;
        }
        this.connectionString = server.getConnectionString();
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "embedded-mongo-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        housekeeping.scheduleWithFixedDelay(() -> quietly(backend::checkpoint), 1, 1, TimeUnit.SECONDS);
        housekeeping.scheduleWithFixedDelay(() -> quietly(backend::compact), 60, 60, TimeUnit.SECONDS);
        log.info("Embedded MongoDB wire-protocol server on {} with its H2 file {} (cache {} MB, fsync {})",
                connectionString, file, options.cacheMegabytes(), options.fsync() ? "on" : "off");
    }

    /** Opens the data folder (created if missing) and listens on the loopback interface. */
    public static EmbeddedMongoServer start(Path dataDirectory, Options options) {
        return new EmbeddedMongoServer(dataDirectory, options);
    }

    private static void quietly(Runnable housekeepingTask) {
        try {
            housekeepingTask.run();
        } catch (RuntimeException e) {
            log.warn("Embedded store housekeeping failed; it runs again shortly", e);
        }
    }

    /** {@code mongodb://127.0.0.1:<port>}, for the driver. */
    public String connectionString() {
        return connectionString;
    }

    /** The H2 file, {@code ledger.mv.db} in the data folder. */
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
