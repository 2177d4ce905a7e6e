package org.equalityledger.service.store;

import org.equalityledger.embedded.EmbeddedMongoServer;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.equalityledger.service.eventstore.LedgerEvents;
import org.equalityledger.service.eventstore.MongoLedgerEvents;
import org.equalityledger.service.eventstore.MongoLedgerStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * One store for everything: the embedded server when no {@code LEDGER_MONGODB_URI} is given, that
 * MongoDB otherwise. The ledger's own engine keeps the events; Axon's MongoDB extension keeps the
 * tracking tokens and sagas.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerStoreProperties.class)
public class LedgerStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LedgerStoreConfiguration.class);

    @Bean(destroyMethod = "close")
    LedgerStore ledgerStore(LedgerStoreProperties properties) {
        if (properties.embedded()) {
            EmbeddedMongoServer server = EmbeddedMongoServer.start(properties.dataDir(),
                    new EmbeddedMongoServer.Options(properties.embeddedCacheMb(), properties.embeddedFsync(), 0));
            log.info("Store: embedded MongoDB server, data in {}", server.file());
            return new LedgerStore(connect(server.connectionString()), properties.database(), server);
        }
        ConnectionString uri = new ConnectionString(properties.mongodbUri());
        log.info("Store: MongoDB at {} (database {})", uri.getHosts(), properties.database());
        return new LedgerStore(connect(properties.mongodbUri()), properties.database(), null);
    }

    private static MongoClient connect(String uri) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applicationName("equality-ledger")
                .build());
    }

    /**
     * The store closes its client, after everything that writes through it: left to Spring, the client
     * was closed as a bean of its own, before the storage engine could save its head mark on shutdown.
     */
    @Bean(destroyMethod = "")
    MongoClient mongoClient(LedgerStore store) {
        return store.client();
    }

    @Bean
    MongoDatabase ledgerDatabase(LedgerStore store) {
        return store.database();
    }

    @Bean
    MongoTemplate axonMongoTemplate(LedgerStore store) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(store.client(), store.databaseName())
                .build();
    }

    @Bean(destroyMethod = "flushHeadHint")
    MongoLedgerStorageEngine eventStorageEngine(MongoDatabase ledgerDatabase,
                                                @Qualifier("eventSerializer") Serializer eventSerializer,
                                                Serializer serializer,
                                                Configuration configuration) {
        return MongoLedgerStorageEngine.builder()
                .database(ledgerDatabase)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .batchSize(256)
                .build();
    }

    /** How everything outside the configuration reads the ledger: never through the engine itself. */
    @Bean
    LedgerEvents ledgerEvents(MongoLedgerStorageEngine eventStorageEngine) {
        return new MongoLedgerEvents(eventStorageEngine);
    }

    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .build();
    }

    @Bean
    SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .build();
    }
}
