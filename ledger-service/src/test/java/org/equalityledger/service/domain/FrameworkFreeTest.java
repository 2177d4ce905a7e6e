package org.equalityledger.service.domain;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/** The published language and the domain rules know nothing of Spring. */
class FrameworkFreeTest {

    static final JavaClasses LEDGER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.equalityledger.api", "org.equalityledger.service.domain");

    @Test
    void no_class_of_the_api_or_the_domain_depends_on_spring() {
        noClasses().that().resideInAnyPackage("org.equalityledger.api..", "org.equalityledger.service.domain..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(LEDGER);
    }

    @Test
    void the_published_language_uses_no_axon_beyond_routing_and_revision_annotations() {
        noClasses().that().resideInAPackage("org.equalityledger.api..")
                .should().dependOnClassesThat(resideInAPackage("org.axonframework..")
                        .and(not(belongToAnyOf(TargetAggregateIdentifier.class, Revision.class))))
                .check(LEDGER);
    }
}
