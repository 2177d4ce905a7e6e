package org.equalityledger.service.query;

import java.time.Clock;

import org.axonframework.config.EventProcessingConfiguration;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.projections.dashboards.DashboardFiguresAsOf;
import org.equalityledger.projections.initiatives.InitiativeEventHandler;
import org.equalityledger.projections.initiatives.InitiativeQueries;
import org.equalityledger.projections.initiatives.InitiativesProjector;
import org.equalityledger.projections.makers.MakerQueries;
import org.equalityledger.projections.reference.Regions;
import org.equalityledger.projections.reference.UsdRates;
import org.equalityledger.projections.store.LedgerReader;
import org.equalityledger.projections.store.ReadModelPositions;
import org.equalityledger.projections.store.ReadModels;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import com.mongodb.client.MongoDatabase;

/** The initiatives room (its projection on a processor of its own, its query handlers) and the makers room. */
@Configuration(proxyBeanMethods = false)
public class InitiativesConfiguration {

    /** The read models as collections of their own name (until rebuilds build beside them, see ReadModels). */
    @Bean
    ReadModels readModels(MongoDatabase ledgerDatabase) {
        return ReadModels.of(ledgerDatabase);
    }

    @Bean
    ReadModelPositions readModelPositions(@Lazy EventProcessingConfiguration processing, LedgerReader ledgerReader) {
        return new ProcessorPositions(processing, ledgerReader);
    }

    @Bean
    InitiativesProjector initiativesProjector(ReadModels readModels, MongoDatabase ledgerDatabase) {
        return new InitiativesProjector(readModels, ledgerDatabase);
    }

    @Bean
    InitiativeEventHandler initiativeEventHandler(InitiativesProjector projector) {
        return new InitiativeEventHandler(projector);
    }

    @Bean
    MakerQueries makerQueries(ReadModels readModels, ReadModelPositions positions) {
        return new MakerQueries(readModels, positions);
    }

    @Bean
    InitiativeQueries initiativeQueries(ReadModels readModels, LedgerReader ledgerReader, ReadModelPositions positions,
                                        MongoDatabase ledgerDatabase, UsdRates rates, ImplementationPeriod period) {
        return new InitiativeQueries(readModels, ledgerReader, positions,
                new DashboardFiguresAsOf(ledgerDatabase, ledgerReader, rates, Regions.shipped(), period), Clock.systemUTC());
    }
}
