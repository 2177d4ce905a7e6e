package org.equalityledger.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class UnicodeTest {

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    @Test
    void a_lone_surrogate_takes_the_three_bytes_of_its_own_value() {
        assertThat(Unicode.generalizedUtf8("\ud800")).isEqualTo(bytes(0xed, 0xa0, 0x80));
        assertThat(Unicode.generalizedUtf8("\udfff")).isEqualTo(bytes(0xed, 0xbf, 0xbf));
        assertThat(Unicode.generalizedUtf8("a\udc00\ud800b")).as("a reversed pair is two lone surrogates")
                .isEqualTo(bytes('a', 0xed, 0xb0, 0x80, 0xed, 0xa0, 0x80, 'b'));
        assertThat(Unicode.generalizedUtf8("\u00e9\ud83d")).as("a high surrogate at the end")
                .isEqualTo(bytes(0xc3, 0xa9, 0xed, 0xa0, 0xbd));
        assertThat(Unicode.generalizedUtf8("\ud83d\ud83d\ude00")).as("a high surrogate, then a pair")
                .isEqualTo(bytes(0xed, 0xa0, 0xbd, 0xf0, 0x9f, 0x98, 0x80));
    }

    @Test
    void a_lone_surrogate_is_not_what_encoders_put_in_its_place() {
        assertThat(Unicode.generalizedUtf8("\ud800"))
                .isNotEqualTo(Unicode.generalizedUtf8("?"))
                .isNotEqualTo(Unicode.generalizedUtf8("\ufffd"))
                .isNotEqualTo("\ud800".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void well_formedness_is_about_pairs() {
        assertThat(Unicode.firstLoneSurrogate("")).isEqualTo(-1);
        assertThat(Unicode.firstLoneSurrogate("caf\u00e9 \ud83d\ude00 \u0000")).isEqualTo(-1);
        assertThat(Unicode.firstLoneSurrogate("ab\udc00")).isEqualTo(2);
        assertThat(Unicode.firstLoneSurrogate("\ud83d\ude00\ud83d")).isEqualTo(2);
        assertThat(Unicode.firstLoneSurrogate("\ud83d\ud83d\ude00")).isEqualTo(0);
        assertThat(Unicode.isWellFormed("\ud83d\ude00")).isTrue();
        assertThat(Unicode.isWellFormed("\ude00\ud83d")).isFalse();
    }

    @Property(tries = 2000)
    void every_string_has_bytes_of_its_own_and_text_keeps_its_utf8(@ForAll("anyText") String s) {
        byte[] bytes = Unicode.generalizedUtf8(s);
        assertThat(decode(bytes)).as("the bytes give the string back, so no two strings share them").isEqualTo(s);
        if (Unicode.isWellFormed(s)) {
            assertThat(bytes).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
            assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(s);
        } else {
            assertThat(bytes).isNotEqualTo(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Strings of any UTF-16 code units: ASCII, any BMP unit (so lone surrogates too), any plane's character. */
    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<String> ascii = Arbitraries.chars().range('\u0000', '\u007f').map(String::valueOf);
        Arbitrary<String> anyUnit = Arbitraries.chars().all().map(String::valueOf);
        Arbitrary<String> surrogate = Arbitraries.chars().range('\ud800', '\udfff').map(String::valueOf);
        Arbitrary<String> anyPlane = Arbitraries.integers().between(0, Character.MAX_CODE_POINT).map(Character::toString);
        return Arbitraries.oneOf(List.of(ascii, anyUnit, surrogate, anyPlane)).list().ofMaxSize(24)
                .map(parts -> String.join("", parts));
    }

    /** Generalized UTF-8 read back, each sequence to its value, a surrogate's to that surrogate. */
    private static String decode(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bytes.length; ) {
            int lead = bytes[i] & 0xff;
            int length = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
            int value = length == 1 ? lead : lead & (0x7f >> length);
            for (int k = 1; k < length; k++) {
                value = (value << 6) | (bytes[i + k] & 0x3f);
            }
            out.appendCodePoint(value);
            i += length;
        }
        return out.toString();
    }
}
