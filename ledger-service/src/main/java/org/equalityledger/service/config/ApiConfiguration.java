package org.equalityledger.service.config;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.equalityledger.service.domain.ReferenceData;
import org.equalityledger.service.eventstore.LedgerEvents;
import org.equalityledger.service.store.LedgerStoreProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The reference set loader and the shipped US-dollar rates (after the initiatives, whose instants come
 * first): on in embedded mode unless {@code ledger.reference-set.load=false}; off with a real MongoDB unless true.
 */
@Configuration(proxyBeanMethods = false)
public class ApiConfiguration {

    @Bean
    ReferenceSetLoader referenceSetLoader(CommandGateway commandGateway, LedgerEvents ledger) {
        return new ReferenceSetLoader(commandGateway, ledger);
    }

    @Bean
    UsdRateLoader usdRateLoader(CommandGateway commandGateway, ReferenceData referenceData, LedgerEvents ledger) {
        return new UsdRateLoader(commandGateway, referenceData, ledger);
    }

    @Bean
    org.springframework.boot.ApplicationRunner referenceSetAtStart(ObjectProvider<ReferenceSetLoader> loader,
                                                                   ObjectProvider<UsdRateLoader> rates,
                                                                   LedgerStoreProperties store, Environment env) {
        Boolean configured = env.getProperty("ledger.reference-set.load", Boolean.class);
        // Demo data loads the reference set and the rates itself, at their historical instants.
        boolean demoData = env.getProperty("ledger.demo-data", Boolean.class, false);
        boolean load = configured != null ? configured : store.embedded() && !demoData;
        return args -> {
            if (load) {
                loader.getObject().load();
                rates.getObject().load();
            }
        };
    }
}
