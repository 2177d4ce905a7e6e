package org.equalityledger.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.equalityledger.core.Unicode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static final List<String> AWKWARD = List.of(
            "",
            "plain",
            "\"quoted\" and \\back\\slashed\\",
            "tab\tnew\nline\rcarriage\bback\fform",
            "\u0000\u0001\u001f\u007f",
            "é ü ß 中文 😀 \u2028\u2029",
            "lone high \uD800 and lone low \uDC00 and reversed \uDC00\uD800",
            "</script>{\"json\":[1,2]}",
            "ends with a backslash \\");

    @Test
    void awkward_strings_survive_a_round_trip() {
        for (String s : AWKWARD) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("s", s);
            String json = Json.write(object);
            assertThat(json).doesNotContain("\n", "\r", "\u0000");
            assertThat(Json.parseObject(json)).as(json).containsEntry("s", s);
        }
    }

    @Test
    void control_characters_and_lone_surrogates_are_escaped() {
        assertThat(Json.write("a\u0001b")).isEqualTo("\"a\\u0001b\"");
        assertThat(Json.write("\u001f")).isEqualTo("\"\\u001f\"");
        assertThat(Json.write("q\"b\\n\n")).isEqualTo("\"q\\\"b\\\\n\\n\"");
        assertThat(Json.write("\uD800x")).isEqualTo("\"\\ud800x\"");
        assertThat(Json.write("😀")).isEqualTo("\"😀\"");
    }

    @Test
    void lone_surrogates_in_json_text_become_escapes_of_the_same_value() {
        String json = "{\"k\\\"\ud83d\ude00\":\"a\udc00\ud83d\ude00\\\\\", \"l\" :[\"\ud83d\", \":\ud800\"] }";
        String escaped = Json.escapeLoneSurrogates(json);

        assertThat(escaped).isEqualTo("{\"k\\\"\ud83d\ude00\":\"a\\udc00\ud83d\ude00\\\\\", \"l\" :[\"\\ud83d\", \":\\ud800\"] }");
        assertThat(Unicode.isWellFormed(escaped)).isTrue();
        assertThat(Json.parseObject(escaped)).isEqualTo(Json.parseObject(json))
                .containsEntry("k\"\ud83d\ude00", "a\udc00\ud83d\ude00\\")
                .containsEntry("l", List.of("\ud83d", ":\ud800"));
    }

    @Test
    void well_formed_json_text_is_left_as_it_is() {
        String json = "{\"a\":\"\u00e9 \ud83d\ude00 \\\"\"}";
        assertThat(Json.escapeLoneSurrogates(json)).isSameAs(json);
    }

    @Test
    void a_lone_surrogate_outside_a_string_value_is_refused() {
        assertThatThrownBy(() -> Json.escapeLoneSurrogates("{\"a\":1\ud800}")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> Json.escapeLoneSurrogates("{\"a\\\\\":\ud800}")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> Json.escapeLoneSurrogates("{\"a\":\"\ud800")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> Json.escapeLoneSurrogates("{\"a\":{\"b\\\"\ud800\" :1}}"))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("in a name");
    }

    @Test
    void escapes_are_decoded() {
        Map<String, Object> parsed = Json.parseObject(
                "{\"a\":\"\\u00e9\\uD83D\\uDE00\\/\\b\\f\\n\\r\\t\\\"\\\\\", \"b\" : [ 1 , -2, true, false, null, {\"c\":[]} ] }");
        assertThat(parsed.get("a")).isEqualTo("é😀/\b\f\n\r\t\"\\");
        assertThat(parsed.get("b")).isEqualTo(Arrays.asList(1L, -2L, true, false, null, Map.of("c", List.of())));
    }

    @Test
    void a_mixed_object_round_trips_in_order() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("kind", "entry");
        object.put("position", Long.MAX_VALUE);
        object.put("sequence", -1L);
        object.put("nothing", null);
        object.put("yes", true);
        object.put("list", List.of("x", 2L));
        String json = Json.write(object);
        assertThat(json).isEqualTo(
                "{\"kind\":\"entry\",\"position\":9223372036854775807,\"sequence\":-1,\"nothing\":null,\"yes\":true,"
                        + "\"list\":[\"x\",2]}");
        assertThat(Json.parseObject(json)).containsExactlyEntriesOf(object);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "[]", "\"s\"", "{", "{\"a\":1", "{\"a\":1}x", "{\"a\":1,}", "{a:1}", "{'a':1}",
            "{\"a\":01}", "{\"a\":1.5}", "{\"a\":1e3}", "{\"a\":-}", "{\"a\":9223372036854775808}",
            "{\"a\":\"raw\ttab\"}", "{\"a\":\"raw\nnewline\"}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}",
            "{\"a\":\"\\u12g4\"}", "{\"a\":\"unterminated}", "{\"a\":tru}", "{\"a\":nul}", "{\"a\":1,\"a\":2}",
            "{\"a\":[1 2]}", "{\"a\":NaN}", "{\"a\":+1}"})
    void malformed_json_is_refused(String text) {
        assertThatThrownBy(() -> Json.parseObject(text)).isInstanceOf(JsonException.class);
    }

    @Test
    void deep_nesting_is_refused_rather_than_overflowing_the_stack() {
        String deep = "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        assertThatThrownBy(() -> Json.parseObject(deep)).isInstanceOf(JsonException.class).hasMessageContaining("nested");
    }

    @Test
    void typed_access_is_strict() {
        Map<String, Object> o = Json.parseObject("{\"s\":\"x\",\"n\":3,\"z\":null,\"l\":[\"a\"],\"bad\":[1]}");
        assertThat(Json.string(o, "s", false)).isEqualTo("x");
        assertThat(Json.string(o, "z", true)).isNull();
        assertThat(Json.number(o, "n")).isEqualTo(3);
        assertThat(Json.strings(o, "l")).containsExactly("a");
        assertThatThrownBy(() -> Json.string(o, "z", false)).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> Json.string(o, "missing", true)).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> Json.number(o, "s")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> Json.strings(o, "bad")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> Json.onlyKeys(o, java.util.Set.of("s", "n"))).hasMessageContaining("unexpected key");
    }
}
