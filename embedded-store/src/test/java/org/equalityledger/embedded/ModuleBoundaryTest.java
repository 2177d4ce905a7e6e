package org.equalityledger.embedded;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The embedded store stands on its own: no Spring, nothing of the service, one public way in. */
class ModuleBoundaryTest {

    private static final JavaClasses STORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.equalityledger.embedded");

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
