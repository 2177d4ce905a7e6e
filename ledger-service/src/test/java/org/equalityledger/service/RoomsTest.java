package org.equalityledger.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The service's packages as the rooms ARCHITECTURE.md draws: the domain decides and knows no other
 * room; the web, the audit and security reach it only by commands through Axon's bus (so no rule is
 * decided in a controller); the event store knows nothing above it.
 */
class RoomsTest {

    private static final String SERVICE = "org.equalityledger.service.";

    /** The service's main classes, read from where they were compiled: a package import scans every jar. */
    static final JavaClasses CLASSES = new ClassFileImporter().importPath(compiledInto(LedgerApplication.class));

    private static Path compiledInto(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_domain_depends_on_no_other_room() {
        noClasses().that().resideInAPackage(SERVICE + "domain..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICE + "web..", SERVICE + "query..",
                        SERVICE + "audit..", SERVICE + "eventstore..", SERVICE + "security..", SERVICE + "config..",
                        SERVICE + "store..")
                .check(CLASSES);
    }

    @Test
    void the_web_the_audit_and_security_decide_nothing_themselves() {
        noClasses().that().resideInAnyPackage(SERVICE + "web..", SERVICE + "audit..", SERVICE + "security..")
                .should().dependOnClassesThat().resideInAPackage(SERVICE + "domain..")
                .check(CLASSES);
    }

    @Test
    void the_event_store_knows_nothing_above_it() {
        noClasses().that().resideInAPackage(SERVICE + "eventstore..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICE + "domain..", SERVICE + "web..",
                        SERVICE + "query..", SERVICE + "audit..", SERVICE + "security..", SERVICE + "config..")
                .check(CLASSES);
    }
}
