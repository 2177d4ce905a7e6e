package org.equalityledger.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.equalityledger.service.support.ServiceClasses;
import org.junit.jupiter.api.Test;

/**
 * The service's packages as the rooms ARCHITECTURE.md draws: the domain decides and knows no other
 * room; the web, the audit and security reach it only by commands through Axon's bus (so no rule is
 * decided in a controller); the event store knows nothing above it.
 */
class RoomsTest {

    private static final String SERVICE = "org.equalityledger.service.";

    @Test
    void the_domain_depends_on_no_other_room() {
        noClasses().that().resideInAPackage(SERVICE + "domain..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICE + "web..", SERVICE + "query..",
                        SERVICE + "audit..", SERVICE + "eventstore..", SERVICE + "security..", SERVICE + "config..",
                        SERVICE + "store..")
                .check(ServiceClasses.MAIN);
    }

    @Test
    void the_web_the_audit_and_security_decide_nothing_themselves() {
        noClasses().that().resideInAnyPackage(SERVICE + "web..", SERVICE + "audit..", SERVICE + "security..")
                .should().dependOnClassesThat().resideInAPackage(SERVICE + "domain..")
                .check(ServiceClasses.MAIN);
    }

    @Test
    void the_event_store_knows_nothing_above_it() {
        noClasses().that().resideInAPackage(SERVICE + "eventstore..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICE + "domain..", SERVICE + "web..",
                        SERVICE + "query..", SERVICE + "audit..", SERVICE + "security..", SERVICE + "config..")
                .check(ServiceClasses.MAIN);
    }

    @Test
    void the_query_side_never_imports_the_web() {
        noClasses().that().resideInAPackage(SERVICE + "query..")
                .should().dependOnClassesThat().resideInAPackage(SERVICE + "web..")
                .check(ServiceClasses.MAIN);
    }

    /** The controllers of the read side ask the query bus; the rooms behind it read the read models. */
    @Test
    void the_read_side_controllers_read_through_the_query_gateway_only() {
        noClasses().that().resideInAnyPackage(SERVICE + "query..", SERVICE + "web..")
                .and().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..",
                        "org.equalityledger.projections.store..", "org.equalityledger.projections.commitments..",
                        "org.equalityledger.projections.history..", "org.equalityledger.projections.makers..",
                        "org.equalityledger.projections.reporting..", "org.equalityledger.projections.queue..",
                        "org.equalityledger.projections.dashboards..", "org.equalityledger.projections.initiatives..")
                .check(ServiceClasses.MAIN);
    }
}
