package org.equalityledger.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.equalityledger.service.eventstore.Instants;
import org.equalityledger.service.support.LedgerServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;

/** The serializer Axon reads event payloads with is the application's mapper, with the ledger's instants. */
@LedgerServiceTest
class EventSerializerWiringTest {

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Test
    void eventPayloadsAreReadWithTheLedgersInstants() throws Exception {
        assertThat(eventSerializer).isInstanceOf(JacksonSerializer.class);
        ObjectMapper mapper = ((JacksonSerializer) eventSerializer).getObjectMapper();
        DefaultDeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), null, null);
        // Registered after the Java time module, so its deserializer is the one found for Instant.
        assertThat(context.findRootValueDeserializer(mapper.constructType(Instant.class)).getClass().getName())
                .isEqualTo(Instants.class.getName() + "$FastInstantDeserializer");
    }
}
