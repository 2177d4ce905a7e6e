package org.equalityledger.service.store;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Up when the store answers a ping; says which store the service runs on. */
@Component("ledgerStoreHealthIndicator")
class LedgerStoreHealthIndicator extends AbstractHealthIndicator {

    private final LedgerStore store;

    LedgerStoreHealthIndicator(LedgerStore store) {
        super("The ledger's store is not reachable");
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        store.database().runCommand(new Document("ping", 1));
        builder.up()
                .withDetail("mode", store.isEmbedded() ? "embedded" : "mongodb")
                .withDetail("store", store.description())
                .withDetail("database", store.databaseName());
    }
}
