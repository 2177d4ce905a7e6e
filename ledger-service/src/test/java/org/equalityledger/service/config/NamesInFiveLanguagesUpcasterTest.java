package org.equalityledger.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.bson.Document;
import org.equalityledger.api.common.LocalizedName;
import org.equalityledger.api.initiative.ActionDefined;
import org.equalityledger.api.initiative.GovernanceRoleAssigned;
import org.equalityledger.api.initiative.InitiativeKind;
import org.equalityledger.api.initiative.InitiativeLaunched;
import org.equalityledger.service.eventstore.MongoLedgerStorageEngine;
import org.equalityledger.service.store.StoreTest;
import org.equalityledger.service.store.TestStore;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;

/**
 * Revision-1 events as the ledger stored them before names came in five languages (the test resource
 * {@value #REVISION_1_LEDGER}) read as revision 2: the names they recorded, no Russian or Arabic one.
 */
class NamesInFiveLanguagesUpcasterTest {

    static final String REVISION_1_LEDGER = "/ledger-rev1/reference-set-commits.jsonl";
    static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules()).build();
    static final NamesInFiveLanguagesUpcaster UPCASTER = new NamesInFiveLanguagesUpcaster();

    /** The commit documents of a ledger written by the service before revision 2, in position order. */
    public static List<Document> revisionOneCommits() {
        try (InputStream in = NamesInFiveLanguagesUpcasterTest.class.getResourceAsStream(REVISION_1_LEDGER)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(Document::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Document> storedEvents() {
        return revisionOneCommits().stream().flatMap(c -> c.getList("events", Document.class).stream()).toList();
    }

    static IntermediateEventRepresentation representation(Document e, String revision) {
        return new InitialEventRepresentation(new GenericDomainEventEntry<>(e.getString("aggregateType"),
                e.getString("aggregateId"), e.getLong("sequence"), e.getString("eventId"), e.getString("recordedAt"),
                e.getString("payloadType"), revision, e.getString("payload"), e.getString("metadata")), SERIALIZER);
    }

    static IntermediateEventRepresentation upcast(IntermediateEventRepresentation representation) {
        return UPCASTER.upcast(Stream.of(representation)).findFirst().orElseThrow();
    }

    @Test
    void the_stored_initiative_and_action_events_are_revision_1_with_three_names() {
        Map<String, List<String>> revisions = storedEvents().stream().collect(Collectors.groupingBy(
                e -> e.getString("payloadType"), Collectors.mapping(e -> e.getString("payloadRevision"), Collectors.toList())));
        assertThat(revisions.get(InitiativeLaunched.class.getName())).hasSize(9).containsOnly("1");
        assertThat(revisions.get(ActionDefined.class.getName())).hasSize(36).containsOnly("1");
    }

    @Test
    void every_revision_1_launch_and_action_reads_as_revision_2_with_the_names_it_recorded() throws Exception {
        List<Object> read = new ArrayList<>();
        for (Document e : storedEvents()) {
            String type = e.getString("payloadType");
            if (!type.equals(InitiativeLaunched.class.getName()) && !type.equals(ActionDefined.class.getName())) {
                continue;
            }
            IntermediateEventRepresentation upcast = upcast(representation(e, e.getString("payloadRevision")));
            assertThat(upcast.getType().getRevision()).isEqualTo("2");
            assertThat(upcast.getType().getName()).isEqualTo(type);
            JsonNode stored = new ObjectMapper().readTree(e.getString("payload"));
            JsonNode names = upcast.getData(JsonNode.class).getData().get("names");
            assertThat(names.properties().stream().map(Map.Entry::getKey)).containsExactly("en", "fr", "es");
            for (String language : List.of("en", "es", "fr")) {
                assertThat(names.get(language)).isEqualTo(stored.get("names").get(language));
            }
            Object payload = SERIALIZER.deserialize(upcast.getData());
            LocalizedName recorded = payload instanceof InitiativeLaunched l ? l.names() : ((ActionDefined) payload).names();
            assertThat(recorded.en()).isEqualTo(stored.get("names").get("en").asText());
            assertThat(recorded.ru()).isNull();
            assertThat(recorded.ar()).isNull();
            read.add(payload);
        }
        assertThat(read).hasSize(45);
        assertThat(read).contains(new InitiativeLaunched("gac", InitiativeKind.ALLIANCE, "GAC",
                new LocalizedName("Global Alliance for Care", "Alianza Global por los Cuidados",
                        "Alliance mondiale pour les soins", null, null), 2021, 2026, "ac-ejr", "reference-loader"));
    }

    @Test
    void an_event_without_a_revision_is_revision_1_and_other_events_and_revisions_are_left_alone() {
        Document launch = storedEvents().get(0);
        assertThat(launch.getString("payloadType")).isEqualTo(InitiativeLaunched.class.getName());
        assertThat(upcast(representation(launch, null)).getType().getRevision()).isEqualTo("2");

        IntermediateEventRepresentation revision2 = representation(launch, "2");
        assertThat(UPCASTER.upcast(Stream.of(revision2)).findFirst().orElseThrow()).isSameAs(revision2);

        Document role = storedEvents().get(1);
        assertThat(role.getString("payloadType")).isEqualTo(GovernanceRoleAssigned.class.getName());
        IntermediateEventRepresentation roleEvent = representation(role, "1");
        assertThat(UPCASTER.upcast(Stream.of(roleEvent)).findFirst().orElseThrow()).isSameAs(roleEvent);
    }

    @Test
    void a_new_event_is_stored_as_revision_2_with_the_names_given_and_none_for_those_missing() {
        var five = SERIALIZER.serialize(new ActionDefined("gac", "GAC-5", new LocalizedName("Care", "Cuidados",
                "Soins", "Уход", "الرعاية"), List.of(), "u-s"), String.class);
        assertThat(five.getType().getRevision()).isEqualTo("2");
        assertThat(five.getData()).contains("\"names\":{\"en\":\"Care\",\"es\":\"Cuidados\",\"fr\":\"Soins\","
                + "\"ru\":\"Уход\",\"ar\":\"الرعاية\"}");
        var three = SERIALIZER.serialize(new InitiativeLaunched("wg", InitiativeKind.WORKING_GROUP, "WG",
                new LocalizedName("Care", "Cuidados", "Soins", null, null), 2021, 2026, null, "u-s"), String.class);
        assertThat(three.getData()).contains("\"names\":{\"en\":\"Care\",\"es\":\"Cuidados\",\"fr\":\"Soins\"}");
    }

    /** The ledger's own storage engine hands Axon the stored revision, so the chain it is built with applies. */
    @StoreTest
    void the_storage_engine_reads_a_revision_1_ledger_through_the_upcaster(TestStore store) {
        MongoDatabase database = store.freshDatabase();
        database.getCollection("ledger_events").insertMany(revisionOneCommits());
        List<String> revisionsAfterTheUpcaster = new ArrayList<>();
        SingleEventUpcaster recorder = new SingleEventUpcaster() {
            @Override
            protected boolean canUpcast(IntermediateEventRepresentation representation) {
                revisionsAfterTheUpcaster.add(representation.getType().getRevision());
                return false;
            }

            @Override
            protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
                return representation;
            }
        };
        MongoLedgerStorageEngine engine = MongoLedgerStorageEngine.builder().database(database)
                .eventSerializer(SERIALIZER).snapshotSerializer(SERIALIZER)
                .upcasterChain(new EventUpcasterChain(UPCASTER, recorder)).build();

        List<Object> gac = engine.readEvents("gac").asStream().<Object>map(DomainEventMessage::getPayload).toList();

        assertThat(gac).hasSize(5).first().isInstanceOf(InitiativeLaunched.class);
        assertThat(((ActionDefined) gac.get(1)).names().fr()).isEqualTo("Échange d'expériences et communautés de pratique");
        assertThat(revisionsAfterTheUpcaster).containsOnly("2");
        revisionsAfterTheUpcaster.clear();
        assertThat(engine.readEvents(null, false).count()).isEqualTo(55);
        assertThat(revisionsAfterTheUpcaster).hasSize(55).containsOnly("1", "2");
        assertThat(revisionsAfterTheUpcaster.stream().filter("2"::equals)).hasSize(45);
    }
}
