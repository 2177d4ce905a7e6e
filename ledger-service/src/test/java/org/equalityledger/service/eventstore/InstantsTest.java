package org.equalityledger.service.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The ledger's instant parsing: as {@code Instant.parse} and as Jackson's Java time module read them, only faster. */
class InstantsTest {

    private static final ObjectMapper MODULE_ONLY = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final ObjectMapper WITH_LEDGER = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(Instants.jacksonModule());

    record Stamped(Instant at, List<Instant> more) {
    }

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
            assertThat(Instants.parse(instant.toString())).isEqualTo(instant);
        }
        for (String text : new String[] {"2024-02-29T23:59:59Z", "2021-03-30T15:00:00.5Z", "2021-12-31T00:00:00.123456789Z"}) {
            assertThat(Instants.parse(text)).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void leavesAnyOtherFormToInstantParse() {
        assertThat(Instants.parse("+12021-03-30T15:00:00Z")).isEqualTo(Instant.parse("+12021-03-30T15:00:00Z"));
        assertThatThrownBy(() -> Instants.parse("2023-02-29T10:00:00Z")).isInstanceOf(DateTimeParseException.class);
        assertThat(Instants.parse("2023-01-01T24:00:00Z")).isEqualTo(Instant.parse("2023-01-01T24:00:00Z"));
        assertThat(Instants.parse("2023-01-01T10:00:00.Z")).isEqualTo(Instant.parse("2023-01-01T10:00:00.Z"));
    }

    @Test
    void jacksonReadsEveryFormAsTheJavaTimeModuleDoes() throws JsonProcessingException {
        for (String value : new String[] {"\"2021-06-30T08:00:00Z\"", "\"2021-06-30T08:00:00.123Z\"",
                "\"2021-06-30T10:00:00+02:00\"", "\" 2021-06-30T08:00:00Z \"", "1625040000", "1625040000.5",
                "\"+12021-03-30T15:00:00Z\"", "\"2023-01-01T24:00:00Z\"", "null"}) {
            String json = "{\"at\":" + value + ",\"more\":[" + value + "]}";
            assertThat(WITH_LEDGER.readValue(json, Stamped.class)).as(json).isEqualTo(MODULE_ONLY.readValue(json, Stamped.class));
        }
        for (String value : new String[] {"\"2023-02-29T10:00:00Z\"", "\"yesterday\"", "\"2021-06-30\""}) {
            String json = "{\"at\":" + value + "}";
            assertThatThrownBy(() -> MODULE_ONLY.readValue(json, Stamped.class)).isInstanceOf(InvalidFormatException.class);
            assertThatThrownBy(() -> WITH_LEDGER.readValue(json, Stamped.class)).as(json).isInstanceOf(InvalidFormatException.class);
        }
    }
}
