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
        return instant(entry.recordedAt());
    }

    /**
     * {@link Instant#parse} for the form the ledger writes ({@code 2021-06-30T08:00:00Z}, with or
     * without a fraction), without the general formatter: replaying the ledger parsed one per event
     * and the formatter cost as much as a small event's payload. Anything else goes to {@code Instant.parse}.
     */
    static Instant instant(String text) {
        int n = text.length();
        if (n >= 20 && n <= 30 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(n - 1) == 'Z'
                && (n == 20 || text.charAt(19) == '.' && n >= 22)) {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int nanos = n == 20 ? 0 : digits(text, 20, n - 1);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= java.time.YearMonth.of(year, month).lengthOfMonth()
                    && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && nanos >= 0) {
                for (int i = n - 1 - 20; i < 9; i++) {
                    nanos *= 10;
                }
                long day0 = java.time.LocalDate.of(year, month, day).toEpochDay();
                return Instant.ofEpochSecond(day0 * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
            }
        }
        return Instant.parse(text);
    }

    /** The number written in {@code text[from, to)}, or -1 when it is not all digits. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
