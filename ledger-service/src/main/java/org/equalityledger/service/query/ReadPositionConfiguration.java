package org.equalityledger.service.query;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.equalityledger.api.query.LedgerPoint;
import org.equalityledger.projections.store.LedgerReader;
import org.equalityledger.service.eventstore.LedgerEvents;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How far the read side is: the projections' positions ({@link ProcessorPositions}), the reads that
 * wait for a position ({@link ReadYourWrites}), and the read side's health, per processor how far
 * behind the head of the ledger it is.
 */
@Configuration(proxyBeanMethods = false)
public class ReadPositionConfiguration {

    @Bean
    ProcessorPositions processorPositions(@Lazy EventProcessingConfiguration processing, LedgerReader ledgerReader) {
        return new ProcessorPositions(name -> processing.eventProcessor(name, StreamingEventProcessor.class), ledgerReader);
    }

    @Bean
    ReadYourWrites readYourWrites(ProcessorPositions positions, LedgerEvents ledger, ReadSideProperties properties) {
        return new ReadYourWrites(positions, ledger, properties.readSide().minPositionWait());
    }

    @Bean
    WebMvcConfigurer readYourWritesInterceptor(ReadYourWrites readYourWrites) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(readYourWrites);
            }
        };
    }

    @Bean
    OperationCustomizer minPositionInTheApiDescription() {
        return ReadYourWrites::describe;
    }

    /**
     * Per processor: the position it has applied, how many events and how many seconds of recording
     * it is behind the head. Always up: a read side catching up still answers, each answer saying
     * its position, so the service stays ready (README, "Health and probes").
     */
    @Bean
    HealthIndicator readSideHealthIndicator(ProcessorPositions positions, LedgerEvents ledger) {
        return () -> {
            LedgerPoint head = positions.point(ledger.headPosition());
            Health.Builder health = Health.up().withDetail("head", head.position());
            for (String name : ReadSideConfiguration.PROJECTIONS) {
                LedgerPoint reached = positions.reached(name);
                Map<String, Object> lag = new LinkedHashMap<>();
                lag.put("position", reached.position());
                lag.put("behindEvents", head.position() - reached.position());
                lag.put("behindSeconds", secondsBetween(reached.position() < 0 ? positions.point(0) : reached, head));
                health.withDetail(name, lag);
            }
            return health.build();
        };
    }

    /** From the recording of the last event applied (the first event's, when none is) to the head's. */
    private static long secondsBetween(LedgerPoint from, LedgerPoint head) {
        if (head.recordedAt() == null || from.recordedAt() == null || from.position() >= head.position()) {
            return 0;
        }
        return Math.max(0, Duration.between(from.recordedAt(), head.recordedAt()).toSeconds());
    }
}
