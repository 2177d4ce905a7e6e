package org.equalityledger.service.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;

import org.junit.jupiter.api.Test;

class StoredEventTest {

    @Test
    void readsTheRecordingInstantAsInstantParseDoes() {
        Random random = new Random(11);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(1_600_000_000L + random.nextInt(400_000_000),
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1_000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    });
            assertThat(StoredEvent.instant(instant.toString())).isEqualTo(instant);
        }
        for (String text : new String[] {"2024-02-29T23:59:59Z", "2021-03-30T15:00:00.5Z", "2021-12-31T00:00:00.123456789Z"}) {
            assertThat(StoredEvent.instant(text)).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void leavesAnyOtherFormToInstantParse() {
        assertThat(StoredEvent.instant("+12021-03-30T15:00:00Z")).isEqualTo(Instant.parse("+12021-03-30T15:00:00Z"));
        assertThatThrownBy(() -> StoredEvent.instant("2023-02-29T10:00:00Z")).isInstanceOf(DateTimeParseException.class);
        assertThat(StoredEvent.instant("2023-01-01T24:00:00Z")).isEqualTo(Instant.parse("2023-01-01T24:00:00Z"));
        assertThat(StoredEvent.instant("2023-01-01T10:00:00.Z")).isEqualTo(Instant.parse("2023-01-01T10:00:00.Z"));
    }
}
