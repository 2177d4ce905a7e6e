package org.equalityledger.service.query;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.Serializer;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.projections.commitments.CommitmentEventHandler;
import org.equalityledger.projections.commitments.CommitmentProjector;
import org.equalityledger.projections.dashboards.DashboardEventHandler;
import org.equalityledger.projections.dashboards.DashboardProjector;
import org.equalityledger.projections.initiatives.InitiativesProjector;
import org.equalityledger.projections.query.ReadSide;
import org.equalityledger.projections.query.ReadSideQueries;
import org.equalityledger.projections.rebuild.Rebuilds;
import org.equalityledger.projections.reference.Regions;
import org.equalityledger.projections.reference.UsdRates;
import org.equalityledger.projections.store.LedgerReader;
import org.equalityledger.service.eventstore.LedgerEvents;
import org.equalityledger.service.query.demo.DemoDataLoader;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The read side in the service: the two projections on pooled streaming processors of one segment
 * each (their dashboards and lists sum over every commitment, so one thread applies the events in
 * position order), their query handlers, rebuilds with progress, and the demo data loader.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadSideProperties.class)
public class ReadSideConfiguration {

    public static final List<String> PROJECTIONS = List.of(CommitmentProjector.NAME, DashboardProjector.NAME,
            InitiativesProjector.NAME);

    @Bean
    UsdRates usdRates() {
        return UsdRates.shipped();
    }

    @Bean
    CommitmentProjector commitmentProjector(MongoDatabase ledgerDatabase) {
        return new CommitmentProjector(ledgerDatabase);
    }

    @Bean
    DashboardProjector dashboardProjector(MongoDatabase ledgerDatabase, UsdRates rates, ImplementationPeriod period) {
        return new DashboardProjector(ledgerDatabase, rates, Regions.shipped(), period);
    }

    @Bean
    CommitmentEventHandler commitmentEventHandler(CommitmentProjector projector) {
        return new CommitmentEventHandler(projector);
    }

    @Bean
    DashboardEventHandler dashboardEventHandler(DashboardProjector projector) {
        return new DashboardEventHandler(projector);
    }

    /** A failed write fails the batch (the processor retries it) instead of being logged and skipped. */
    @Bean
    ConfigurerModule readSideErrorHandling() {
        return configurer -> configurer.eventProcessing(processing -> PROJECTIONS.forEach(name ->
                processing.registerListenerInvocationErrorHandler(name, c -> PropagatingErrorHandler.instance())));
    }

    @Bean
    LedgerReader readSideEvents(LedgerEvents ledgerEvents, @Qualifier("eventSerializer") Serializer eventSerializer,
                                org.axonframework.config.Configuration axon) {
        return new LedgerEventsReader(ledgerEvents, eventSerializer, axon.upcasterChain());
    }

    @Bean
    ReadSide readSide(MongoDatabase ledgerDatabase, LedgerReader ledgerReader, UsdRates rates, ImplementationPeriod period,
                      DashboardProjector dashboards) {
        ReadSide readSide = new ReadSide(ledgerDatabase, ledgerReader, rates, Regions.shipped(), period, Clock.systemUTC());
        readSide.cacheDashboardsWhile(dashboards::writtenBatches);
        return readSide;
    }

    @Bean
    ReadSideQueries readSideQueries(ReadSide readSide) {
        return new ReadSideQueries(readSide);
    }

    @Bean(destroyMethod = "close")
    Rebuilds rebuilds(@Lazy EventProcessingConfiguration processing, LedgerReader ledgerReader,
                      CommitmentProjector commitments, DashboardProjector dashboards, InitiativesProjector initiatives,
                      ReadSideProperties properties) {
        Map<String, org.equalityledger.projections.store.Projector> projectors = Map.of(CommitmentProjector.NAME, commitments,
                DashboardProjector.NAME, dashboards, InitiativesProjector.NAME, initiatives);
        return new Rebuilds(PROJECTIONS, name -> processing.eventProcessor(name, StreamingEventProcessor.class),
                projectors::get, ledgerReader, Clock.systemUTC(),
                properties.rebuildBatchCommitments());
    }

    /** {@code ledger_projection_rebuild_*} gauges per projection: position, head, events/s, seconds left. */
    @Bean
    MeterBinder rebuildMetrics(Rebuilds rebuilds) {
        return registry -> PROJECTIONS.forEach(name -> {
            Gauge.builder("ledger.projection.rebuild.position", rebuilds, r -> safe(r, name, "position"))
                    .tag("projection", name).description("Position reached by the projection").register(registry);
            Gauge.builder("ledger.projection.rebuild.head", rebuilds, r -> safe(r, name, "head"))
                    .tag("projection", name).description("Last position of the ledger when the rebuild started").register(registry);
            Gauge.builder("ledger.projection.rebuild.events.per.second", rebuilds, r -> safe(r, name, "rate"))
                    .tag("projection", name).description("Events per second of the running or last rebuild").register(registry);
            Gauge.builder("ledger.projection.rebuild.seconds.left", rebuilds, r -> safe(r, name, "left"))
                    .tag("projection", name).description("Estimated seconds left of the running rebuild").register(registry);
        });
    }

    private static double safe(Rebuilds rebuilds, String name, String what) {
        try {
            Rebuilds.Progress p = rebuilds.progress(name);
            return switch (what) {
                case "position" -> p.position();
                case "head" -> p.head();
                case "rate" -> p.eventsPerSecond();
                default -> p.secondsLeft() == null ? 0 : p.secondsLeft();
            };
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Loads with four writers while the read side's processors are stopped; they catch up after, in large batches. */
    @Bean
    DemoDataLoader demoDataLoader(CommandGateway commandGateway, @Lazy EventProcessingConfiguration processing) {
        return new DemoDataLoader(commandGateway, 4,
                () -> PROJECTIONS.forEach(name -> processing.eventProcessor(name).ifPresent(p -> p.shutDown())),
                () -> PROJECTIONS.forEach(name -> processing.eventProcessor(name).ifPresent(p -> p.start())));
    }

    @Bean
    ReadSideStartup readSideStartup(ReadSideProperties properties, DemoDataLoader loader, Rebuilds rebuilds,
                                    LedgerReader ledgerReader, org.springframework.context.ApplicationContext context) {
        return new ReadSideStartup(properties, loader, rebuilds, ledgerReader, context);
    }

    static Map<String, Object> describe(Rebuilds.Progress p) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("projection", p.projection());
        m.put("state", p.state());
        m.put("position", p.position());
        m.put("of", p.head());
        m.put("eventsDone", p.eventsDone());
        m.put("eventsPerSecond", Math.round(p.eventsPerSecond()));
        m.put("secondsLeft", p.secondsLeft());
        m.put("startedAt", p.startedAt());
        m.put("finishedAt", p.finishedAt());
        return m;
    }

    static final Duration LONG = Duration.ofHours(12);
}
