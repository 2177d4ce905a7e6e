package org.equalityledger.service.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The service reaches the embedded store (module {@code embedded-store}) in one place, its store
 * configuration; everything else talks MongoDB through the driver, whichever server answers.
 */
class EmbeddedStoreUseTest {

    private static final JavaClasses SERVICE = serviceClasses();

    /**
     * The rules need only the names the service's classes depend on: resolving each of those from the
     * classpath (all of Spring) made this import take seconds. The setting is put back for other tests.
     */
    private static JavaClasses serviceClasses() {
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolving = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            // The service's own compiled classes only, not a scan of every jar for the package.
            return new ClassFileImporter().importPath(
                    Path.of(LedgerStore.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolving);
        }
    }

    @Test
    void only_the_store_configuration_uses_the_embedded_store() {
        noClasses().that().resideOutsideOfPackage("org.equalityledger.service.store")
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
