package org.equalityledger.service.config;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.equalityledger.service.domain.AggregateReferenceData;
import org.equalityledger.service.domain.ReferenceData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hands the aggregates the facts they decide on, read from the ledger itself. */
@Configuration(proxyBeanMethods = false)
public class DomainConfiguration {

    @Bean
    ReferenceData referenceData(EventStore eventStore) {
        return AggregateReferenceData.readingFrom(eventStore);
    }
}
