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
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.Serializer;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.projections.commitments.CommitmentEventHandler;
import org.equalityledger.projections.commitments.CommitmentProjector;
import org.equalityledger.projections.dashboards.DashboardEventHandler;
import org.equalityledger.projections.dashboards.DashboardProjector;
import org.equalityledger.projections.commitments.CommitmentQueries;
import org.equalityledger.projections.dashboards.DashboardFiguresAsOf;
import org.equalityledger.projections.dashboards.DashboardQueries;
import org.equalityledger.projections.history.HistoryQueries;
import org.equalityledger.projections.initiatives.InitiativeEventHandler;
import org.equalityledger.projections.initiatives.InitiativeQueries;
import org.equalityledger.projections.initiatives.InitiativesProjector;
import org.equalityledger.projections.makers.MakerQueries;
import org.equalityledger.projections.queue.QueueQueries;
import org.equalityledger.projections.reference.Recorded;
import org.equalityledger.projections.rates.RateQueries;
import org.equalityledger.projections.reporting.ReportingQueries;
import org.equalityledger.projections.store.ReadModelPositions;
import org.equalityledger.projections.store.ReadModels;
import org.equalityledger.projections.rebuild.Rebuilds;
import org.equalityledger.projections.reference.Regions;
import org.equalityledger.projections.store.LedgerReader;
import org.equalityledger.projections.store.ReadModelGenerations;
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
 * The read side in the service: the projections on pooled streaming processors of one segment
 * each (their dashboards and lists sum over every commitment, so one thread applies the events in
 * position order), their query handlers, rebuilds with progress, and the demo data loader.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadSideProperties.class)
public class ReadSideConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReadSideConfiguration.class);

    public static final List<String> PROJECTIONS = List.of(CommitmentProjector.NAME, DashboardProjector.NAME,
            InitiativesProjector.NAME);

    /**
     * The read models in generations, readers on the current one; a rebuild that a crash interrupted
     * left a generation beside it, dropped here before anything reads or writes.
     */
    @Bean
    ReadModelGenerations readModels(MongoDatabase ledgerDatabase) {
        ReadModelGenerations generations = new ReadModelGenerations(ledgerDatabase,
                Map.of(CommitmentProjector.NAME, CommitmentProjector.COLLECTIONS, DashboardProjector.NAME, DashboardProjector.COLLECTIONS,
                        InitiativesProjector.NAME, InitiativesProjector.COLLECTIONS));
        List<String> orphans = generations.dropOrphans();
        if (!orphans.isEmpty()) {
            log.info("Dropped {}: left by a rebuild that did not finish", orphans);
        }
        return generations;
    }

    @Bean
    CommitmentProjector commitmentProjector(ReadModelGenerations readModels) {
        return new CommitmentProjector(readModels);
    }

    @Bean
    DashboardProjector dashboardProjector(ReadModelGenerations readModels, ImplementationPeriod period) {
        return new DashboardProjector(readModels, Regions.shipped(), period);
    }

    @Bean
    InitiativesProjector initiativesProjector(ReadModelGenerations readModels) {
        return new InitiativesProjector(readModels);
    }

    @Bean
    CommitmentEventHandler commitmentEventHandler(CommitmentProjector projector) {
        return new CommitmentEventHandler(projector);
    }

    @Bean
    DashboardEventHandler dashboardEventHandler(DashboardProjector projector) {
        return new DashboardEventHandler(projector);
    }

    @Bean
    InitiativeEventHandler initiativeEventHandler(InitiativesProjector projector) {
        return new InitiativeEventHandler(projector);
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
    Recorded recorded(ReadModels readModels, LedgerReader ledgerReader, ReadModelPositions positions,
                      ImplementationPeriod period) {
        return new Recorded(readModels, ledgerReader, positions, period, Clock.systemUTC());
    }

    @Bean
    CommitmentQueries commitmentQueries(Recorded recorded) {
        return new CommitmentQueries(recorded);
    }

    @Bean
    HistoryQueries historyQueries(Recorded recorded) {
        return new HistoryQueries(recorded);
    }

    /** The makers' USD totals convert at the shipped rate table, as the dashboards do. */
    @Bean
    MakerQueries makerQueries(Recorded recorded) {
        return new MakerQueries(recorded);
    }

    @Bean
    ReportingQueries reportingQueries(Recorded recorded) {
        return new ReportingQueries(recorded);
    }

    @Bean
    QueueQueries queueQueries(Recorded recorded) {
        return new QueueQueries(recorded);
    }

    @Bean
    DashboardFiguresAsOf dashboardFiguresAsOf(ReadModels readModels, LedgerReader ledgerReader, ImplementationPeriod period) {
        return new DashboardFiguresAsOf(readModels, ledgerReader, Regions.shipped(), period);
    }

    @Bean
    DashboardQueries dashboardQueries(Recorded recorded, DashboardFiguresAsOf figuresAsOf) {
        return new DashboardQueries(recorded, figuresAsOf);
    }

    @Bean
    RateQueries rateQueries(Recorded recorded) {
        return new RateQueries(recorded);
    }

    /** The progress against an initiative's actions, as of an instant too, comes from the dashboards' figures. */
    @Bean
    InitiativeQueries initiativeQueries(Recorded recorded, DashboardFiguresAsOf figuresAsOf) {
        return new InitiativeQueries(recorded, figuresAsOf);
    }

    @Bean(destroyMethod = "close")
    Rebuilds rebuilds(@Lazy EventProcessingConfiguration processing, LedgerReader ledgerReader, ReadModelGenerations readModels,
                      ImplementationPeriod period, ReadSideProperties properties) {
        return new Rebuilds(PROJECTIONS, name -> processing.eventProcessor(name, StreamingEventProcessor.class),
                (name, models) -> switch (name) {
                    case CommitmentProjector.NAME -> new CommitmentProjector(models);
                    case InitiativesProjector.NAME -> new InitiativesProjector(models);
                    default -> new DashboardProjector(models, Regions.shipped(), period);
                },
                readModels, name -> storedToken(processing.tokenStore(name), name), ledgerReader, Clock.systemUTC(),
                properties.rebuildBatchCommitments());
    }

    /** The position of the token a stopped processor (of one segment) stored: claimed for the read, released after. */
    static long storedToken(TokenStore tokens, String processor) {
        try {
            TrackingToken token = tokens.fetchToken(processor, 0);
            return token == null ? -1 : token.position().orElse(-1);
        } finally {
            tokens.releaseClaim(processor, 0);
        }
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
