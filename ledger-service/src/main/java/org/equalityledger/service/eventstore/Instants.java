package org.equalityledger.service.eventstore;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

/**
 * Reading instants in the form the ledger writes them, fast: every stored event carries one as its
 * recording time and most payloads one or more, and replaying the ledger parsed them all.
 */
public final class Instants {

    private Instants() {
    }

    /**
     * {@link Instant#parse} for the form the ledger writes ({@code 2021-06-30T08:00:00Z}, with or
     * without a fraction), without the general formatter: replaying the ledger parsed one per event
     * and the formatter cost as much as a small event's payload. Anything else goes to {@code Instant.parse}.
     */
    public static Instant parse(String text) {
        Instant instant = canonical(text);
        return instant != null ? instant : Instant.parse(text);
    }

    /** The instant written in the ledger's form, or null for any other text. */
    static Instant canonical(String text) {
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
        return null;
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

    /**
     * Jackson's reading of {@link Instant}, with the ledger's own form parsed here and anything else
     * (numbers, offsets, other forms) left to the Java time module as before. In stack samples of a
     * rebuild, the module's parsing of event payloads' instants was a quarter of reading the events.
     */
    public static Module jacksonModule() {
        return new SimpleModule("ledger-instants").addDeserializer(Instant.class, new FastInstantDeserializer());
    }

    private static final class FastInstantDeserializer extends StdScalarDeserializer<Instant> {

        FastInstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                Instant instant = canonical(parser.getText());
                if (instant != null) {
                    return instant;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}
