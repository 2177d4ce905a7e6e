package org.equalityledger.service.eventstore;

import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;

/** Events and engines for the engine's tests. */
final class EngineFixture {

    record Pledged(String commitmentId, String title) {
    }

    record Amended(String commitmentId, String title, String reason) {
    }

    static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules())
            .build();

    private EngineFixture() {
    }

    static MongoLedgerStorageEngine engine(MongoDatabase database) {
        return engine(database, NoOpEventUpcaster.INSTANCE);
    }

    static MongoLedgerStorageEngine engine(MongoDatabase database, EventUpcaster upcasters) {
        return MongoLedgerStorageEngine.builder()
                .database(database)
                .eventSerializer(SERIALIZER)
                .snapshotSerializer(SERIALIZER)
                .upcasterChain(upcasters)
                .batchSize(50)
                .build();
    }

    static DomainEventMessage<?> event(String aggregateId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Commitment", aggregateId, sequence, payload,
                Map.of("actor", "ally-1", "correlationId", "c-" + aggregateId + "-" + sequence));
    }

    static DomainEventMessage<?> pledged(String aggregateId) {
        return event(aggregateId, 0, new Pledged(aggregateId, "Care for all"));
    }

    static DomainEventMessage<?> amended(String aggregateId, long sequence) {
        return event(aggregateId, sequence, new Amended(aggregateId, "Care for all, v" + sequence, "new target"));
    }

    static List<DomainEventMessage<?>> history(String aggregateId, int events) {
        return java.util.stream.IntStream.range(0, events)
                .<DomainEventMessage<?>>mapToObj(i -> i == 0 ? pledged(aggregateId) : amended(aggregateId, i))
                .toList();
    }
}
