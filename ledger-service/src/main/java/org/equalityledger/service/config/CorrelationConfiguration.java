package org.equalityledger.service.config;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every event's metadata carries from the command that caused it: {@code actor} and
 * {@code reason} (put on the command by the API), and Axon's {@code correlationId} and
 * {@code traceId}. The event store adds {@code recordedAt}. Declaring these beans replaces Axon's
 * default provider, so the message origin provider is declared here too.
 */
@Configuration(proxyBeanMethods = false)
public class CorrelationConfiguration {

    @Bean
    CorrelationDataProvider actorAndReasonCorrelation() {
        return new SimpleCorrelationDataProvider("actor", "reason");
    }

    @Bean
    CorrelationDataProvider messageOriginCorrelation() {
        return new MessageOriginProvider();
    }
}
