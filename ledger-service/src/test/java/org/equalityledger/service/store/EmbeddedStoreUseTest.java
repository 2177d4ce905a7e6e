package org.equalityledger.service.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The service reaches the embedded store (module {@code embedded-store}) in one place, its store
 * configuration; everything else talks MongoDB through the driver, whichever server answers.
 */
class EmbeddedStoreUseTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.equalityledger");

    @Test
    void only_the_store_configuration_uses_the_embedded_store() {
        noClasses().that().resideOutsideOfPackages("org.equalityledger.service.store", "org.equalityledger.embedded..")
                .should().dependOnClassesThat().resideInAPackage("org.equalityledger.embedded..")
                .check(SERVICE);
    }

    @Test
    void no_class_of_the_service_reaches_past_the_embedded_store_into_its_server() {
        noClasses().that().resideInAPackage("org.equalityledger.service..")
                .should().dependOnClassesThat().resideInAnyPackage("de.bwaldvogel..", "org.h2..")
                .check(SERVICE);
    }
}
