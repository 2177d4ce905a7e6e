package org.equalityledger.service.store;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the ledger keeps its data. {@code LEDGER_MONGODB_URI} and {@code LEDGER_DATA_DIR} bind here.
 *
 * @param mongodbUri     a real MongoDB; when blank, the embedded server runs instead
 * @param database       the database holding the ledger, its tokens, sagas and read models
 * @param dataDir        the embedded server's folder
 * @param embeddedCacheMb the embedded H2 page cache, in MB
 * @param embeddedFsync  fsync every embedded commit before answering
 */
@ConfigurationProperties(prefix = "ledger")
public record LedgerStoreProperties(String mongodbUri, String database, Path dataDir, Integer embeddedCacheMb,
                                    Boolean embeddedFsync) {

    public LedgerStoreProperties {
        database = database == null || database.isBlank() ? "equality-ledger" : database;
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        embeddedCacheMb = embeddedCacheMb == null ? 32 : embeddedCacheMb;
        embeddedFsync = embeddedFsync == null || embeddedFsync;
    }

    public boolean embedded() {
        return mongodbUri == null || mongodbUri.isBlank();
    }
}
