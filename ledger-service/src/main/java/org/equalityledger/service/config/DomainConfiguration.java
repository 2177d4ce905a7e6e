package org.equalityledger.service.config;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.service.domain.AggregateReferenceData;
import org.equalityledger.service.domain.ReferenceData;
import org.equalityledger.service.eventstore.Instants;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.fasterxml.jackson.databind.Module;

/**
 * Hands the aggregates the facts they decide on, read from the ledger itself, and the configured
 * implementation period; reads instants the ledger's way, and events of earlier revisions as the current ones.
 */
@Configuration(proxyBeanMethods = false)
public class DomainConfiguration {

    @Bean
    ReferenceData referenceData(EventStore eventStore, ImplementationPeriod implementationPeriod) {
        return AggregateReferenceData.readingFrom(eventStore, implementationPeriod);
    }

    /**
     * {@code ledger.implementation-period} in application.yml: the aggregates (an initiative launched
     * without years), the read side, the query controllers and the public page all read it from here.
     */
    @Bean
    ImplementationPeriod implementationPeriod(Environment environment) {
        return Binder.get(environment).bind("ledger.implementation-period", ImplementationPeriod.class)
                .orElseThrow(() -> new IllegalStateException("ledger.implementation-period is not configured"));
    }

    /** Spring adds it to the application's mapper, which Axon's serializer reads event payloads with. */
    @Bean
    Module ledgerInstants() {
        return Instants.jacksonModule();
    }

    /**
     * Axon chains every upcaster bean into the configuration's upcaster chain, which the storage engine
     * and the read side's own reads of the ledger apply to what they read.
     */
    @Bean
    NamesInFiveLanguagesUpcaster namesInFiveLanguages() {
        return new NamesInFiveLanguagesUpcaster();
    }
}
