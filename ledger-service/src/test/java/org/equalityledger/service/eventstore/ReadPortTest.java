package org.equalityledger.service.eventstore;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.equalityledger.service.support.ServiceClasses;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;

/**
 * The storage engine is Axon's and the configuration's: the rest of the service reads the ledger
 * through its two read ports, {@link LedgerEvents} (the web, the read side, the reference loader)
 * and {@link StoredLedger} (the audit), so that the engine's appending can change without them.
 */
class ReadPortTest {

    private static final String EVENTSTORE = "org.equalityledger.service.eventstore..";

    @Test
    void only_the_configuration_sees_the_storage_engine() {
        noClasses().that().resideOutsideOfPackage(EVENTSTORE).and().areNotAnnotatedWith(Configuration.class)
                .should().dependOnClassesThat(belongToAnyOf(MongoLedgerStorageEngine.class, MongoLedgerEvents.class, LedgerAppender.class))
                .check(ServiceClasses.MAIN);
    }

    @Test
    void the_web_the_audit_and_the_read_side_read_the_ledger_through_its_read_ports_only() {
        noClasses().that().resideInAnyPackage("org.equalityledger.service.web..", "org.equalityledger.service.audit..",
                        "org.equalityledger.service.query..")
                .should().dependOnClassesThat(resideInAPackage(EVENTSTORE)
                        .and(not(belongToAnyOf(LedgerEvents.class, StoredLedger.class))))
                .check(ServiceClasses.MAIN);
    }
}
