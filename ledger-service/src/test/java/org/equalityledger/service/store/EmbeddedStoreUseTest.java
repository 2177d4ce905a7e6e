package org.equalityledger.service.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.equalityledger.service.support.ServiceClasses;
import org.junit.jupiter.api.Test;

/**
 * The service reaches the embedded store (module {@code embedded-store}) in one place, its store
 * configuration; everything else talks MongoDB through the driver, whichever server answers.
 */
class EmbeddedStoreUseTest {

    @Test
    void only_the_store_configuration_uses_the_embedded_store() {
        noClasses().that().resideOutsideOfPackage("org.equalityledger.service.store")
                .should().dependOnClassesThat().resideInAPackage("org.equalityledger.embedded..")
                .check(ServiceClasses.MAIN);
    }

    @Test
    void no_class_of_the_service_reaches_past_the_embedded_store_into_its_server() {
        noClasses().that().resideInAPackage("org.equalityledger.service..")
                .should().dependOnClassesThat().resideInAnyPackage("de.bwaldvogel..", "org.h2..")
                .check(ServiceClasses.MAIN);
    }
}
