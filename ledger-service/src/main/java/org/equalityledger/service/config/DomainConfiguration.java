package org.equalityledger.service.config;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.equalityledger.service.domain.AggregateReferenceData;
import org.equalityledger.service.domain.ReferenceData;
import org.equalityledger.service.eventstore.Instants;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.Module;

/** Hands the aggregates the facts they decide on, read from the ledger itself, and reads instants the ledger's way. */
@Configuration(proxyBeanMethods = false)
public class DomainConfiguration {

    @Bean
    ReferenceData referenceData(EventStore eventStore) {
        return AggregateReferenceData.readingFrom(eventStore);
    }

    /** Spring adds it to the application's mapper, which Axon's serializer reads event payloads with. */
    @Bean
    Module ledgerInstants() {
        return Instants.jacksonModule();
    }
}
