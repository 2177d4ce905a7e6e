package org.equalityledger.service.eventstore;

import java.time.Instant;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.equalityledger.core.LedgerEntry;

/**
 * A stored event handed to Axon. Axon tells domain events from plain ones by type, so an event of
 * no aggregate must not implement {@link DomainEventData}.
 */
class StoredEvent implements TrackedEventData<String> {

    final LedgerEntry entry;

    StoredEvent(LedgerEntry entry) {
        this.entry = entry;
    }

    static StoredEvent of(LedgerEntry entry) {
        return entry.aggregateId() == null ? new StoredEvent(entry) : new Domain(entry);
    }

    @Override
    public TrackingToken trackingToken() {
        return new GlobalSequenceTrackingToken(entry.position());
    }

    @Override
    public String getEventIdentifier() {
        return entry.eventId();
    }

    @Override
    public Instant getTimestamp() {
        return Instants.parse(entry.recordedAt());
    }

    @Override
    public SerializedObject<String> getMetaData() {
        return new SerializedMetaData<>(entry.metadata(), String.class);
    }

    @Override
    public SerializedObject<String> getPayload() {
        return new SimpleSerializedObject<>(entry.payload(), String.class, entry.payloadType(), entry.payloadRevision());
    }

    static final class Domain extends StoredEvent implements DomainEventData<String> {

        Domain(LedgerEntry entry) {
            super(entry);
        }

        @Override
        public String getType() {
            return entry.aggregateType();
        }

        @Override
        public String getAggregateIdentifier() {
            return entry.aggregateId();
        }

        @Override
        public long getSequenceNumber() {
            return entry.sequence();
        }
    }
}
