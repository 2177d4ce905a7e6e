package org.equalityledger.service.audit;

import java.time.Clock;

import org.equalityledger.core.checkpoint.LedgerKeys;
import org.equalityledger.service.eventstore.StoredLedger;
import org.equalityledger.service.store.LedgerStoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoDatabase;

/** The audit's parts, on the ledger's database. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

    @Bean
    Clock auditClock() {
        return Clock.systemUTC();
    }

    @Bean
    AuditKeys auditKeys(AuditProperties audit, LedgerStoreProperties store) {
        AuditKeys keys = new AuditKeys(SigningKey.load(audit, store));
        log.info("Checkpoints are signed with Ed25519 key {}", LedgerKeys.keyId(keys.pair().getPublic()));
        return keys;
    }

    @Bean
    StoredLedger storedLedger(MongoDatabase ledgerDatabase) {
        return new StoredLedger(ledgerDatabase);
    }

    @Bean
    MongoNodeStore merkleNodeStore(MongoDatabase ledgerDatabase) {
        return new MongoNodeStore(ledgerDatabase);
    }

    @Bean
    CheckpointStore checkpointStore(MongoDatabase ledgerDatabase) {
        return new CheckpointStore(ledgerDatabase);
    }

    @Bean
    SealerState sealerState(MongoDatabase ledgerDatabase, AuditProperties audit, Clock auditClock) {
        return new SealerState(ledgerDatabase, audit.sealerLease(), auditClock);
    }

    @Bean
    LedgerSealer ledgerSealer(StoredLedger storedLedger, MongoNodeStore merkleNodeStore, CheckpointStore checkpointStore,
                              SealerState sealerState, AuditKeys auditKeys, Clock auditClock, AuditProperties audit) {
        return new LedgerSealer(storedLedger, merkleNodeStore, checkpointStore, sealerState, auditKeys.pair(), auditClock,
                audit.checkpointInterval());
    }

    @Bean
    LedgerProofs ledgerProofs(LedgerSealer ledgerSealer, StoredLedger storedLedger) {
        return new LedgerProofs(ledgerSealer, storedLedger);
    }

    @Bean(destroyMethod = "close")
    LedgerVerification ledgerVerification(StoredLedger storedLedger, CheckpointStore checkpointStore,
                                          MongoNodeStore merkleNodeStore, SealerState sealerState, AuditKeys auditKeys,
                                          Clock auditClock) {
        return new LedgerVerification(storedLedger, checkpointStore, merkleNodeStore, sealerState,
                auditKeys.pair().getPublic(), auditClock);
    }

    @Bean
    LedgerExport ledgerExport(StoredLedger storedLedger, CheckpointStore checkpointStore, AuditKeys auditKeys) {
        return new LedgerExport(storedLedger, checkpointStore, auditKeys.pair().getPublic());
    }
}
