package org.equalityledger.service.support;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.equalityledger.service.LedgerApplication;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/** The service's main classes, for the ArchUnit tests that keep its rooms apart. */
public final class ServiceClasses {

    /**
     * Read from where they were compiled (a package import scans every jar), without resolving the
     * classes they depend on from the classpath (all of Spring): the rules need only those names, and
     * the import takes a second instead of several. The setting is put back for other tests.
     */
    public static final JavaClasses MAIN = importMain();

    private ServiceClasses() {
    }

    private static JavaClasses importMain() {
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolving = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            return new ClassFileImporter().importPath(
                    Path.of(LedgerApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolving);
        }
    }
}
