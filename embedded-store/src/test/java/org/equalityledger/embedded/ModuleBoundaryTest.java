package org.equalityledger.embedded;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/** The embedded store stands on its own: no Spring, nothing of the service, one public way in. */
class ModuleBoundaryTest {

    /** The module's compiled classes (src/main only), not a scan of every jar on the classpath. */
    private static final JavaClasses STORE = new ClassFileImporter().importPath(Path.of(mainClasses()));

    private static URI mainClasses() {
        try {
            return EmbeddedMongoServer.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_store_depends_on_neither_spring_nor_the_service() {
        noClasses().that().resideInAPackage("org.equalityledger.embedded..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "org.equalityledger.service..", "org.equalityledger.projections..",
                        "org.equalityledger.core..", "org.equalityledger.api..")
                .check(STORE);
    }

    @Test
    void only_the_server_and_its_options_are_public() {
        classes().that().resideInAPackage("org.equalityledger.embedded..").and().haveModifier(JavaModifier.PUBLIC)
                .should().haveFullyQualifiedName(EmbeddedMongoServer.class.getName())
                .orShould().haveFullyQualifiedName(EmbeddedMongoServer.Options.class.getName())
                .check(STORE);
    }
}
