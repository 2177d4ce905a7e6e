package org.equalityledger.projections;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import org.axonframework.queryhandling.QueryHandler;
import org.equalityledger.projections.store.ReadModels;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoDatabase;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The read side's rooms: each answers its typed queries from its read models, reached through
 * {@link ReadModels} (so that a rebuild can switch them), and knows nothing of the service around it.
 */
class RoomsRulesTest {

    private static final JavaClasses PROJECTIONS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.equalityledger.projections");

    @Test
    void the_projections_know_nothing_of_the_service() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.equalityledger.service..")
                .check(PROJECTIONS);
    }

    @Test
    void query_handlers_reach_their_read_models_through_read_models_only() {
        noClasses().that().containAnyMethodsThat(
                        com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith(QueryHandler.class))
                .should().dependOnClassesThat().belongToAnyOf(MongoDatabase.class)
                .check(PROJECTIONS);
    }

    @Test
    void query_handlers_answer_typed_records_of_the_published_language() {
        noMethods().that().areAnnotatedWith(QueryHandler.class)
                .should().haveRawReturnType(Object.class)
                .orShould().haveRawReturnType(java.util.Map.class)
                .check(PROJECTIONS);
    }
}
