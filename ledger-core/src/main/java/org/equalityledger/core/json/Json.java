package org.equalityledger.core.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.equalityledger.core.Unicode;

/**
 * The little JSON the export and proof files need, strictly (RFC 8259 and no more).
 *
 * <p>Values map to {@code String}, {@code Long}, {@code Boolean}, {@code null}, {@code List<Object>} and
 * {@code Map<String, Object>} (insertion-ordered). Numbers must be integers that fit a {@code long}:
 * nothing in these files is fractional, and a float parser would be one more way for two readers of
 * the same file to disagree. Duplicate keys are refused for the same reason.
 */
public final class Json {

    private static final int MAX_DEPTH = 32;

    private final String text;
    private int at;

    private Json(String text) {
        this.text = text;
    }

    // ---------------------------------------------------------------- reading

    /** Parses one JSON object, refusing anything after it but whitespace. */
    public static Map<String, Object> parseObject(String text) {
        Json parser = new Json(text);
        parser.skipWhitespace();
        if (parser.peek() != '{') {
            throw parser.error("expected an object");
        }
        Map<String, Object> object = parser.object(0);
        parser.skipWhitespace();
        if (parser.at != text.length()) {
            throw parser.error("unexpected text after the object");
        }
        return object;
    }

    private Object value(int depth) {
        skipWhitespace();
        char c = peek();
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("expected a value");
        }
    }

    private Map<String, Object> object(int depth) {
        checkDepth(depth);
        at++; // '{'
        Map<String, Object> object = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            at++;
            return object;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a key");
            }
            int keyAt = at;
            String key = string();
            skipWhitespace();
            expect(':');
            Object value = value(depth);
            if (object.containsKey(key)) {
                at = keyAt;
                throw error("duplicate key \"" + key + "\"");
            }
            object.put(key, value);
            skipWhitespace();
            if (peek() == ',') {
                at++;
            } else if (peek() == '}') {
                at++;
                return object;
            } else {
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> array(int depth) {
        checkDepth(depth);
        at++; // '['
        List<Object> array = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            at++;
            return array;
        }
        while (true) {
            array.add(value(depth));
            skipWhitespace();
            if (peek() == ',') {
                at++;
            } else if (peek() == ']') {
                at++;
                return array;
            } else {
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() {
        at++; // '"'
        StringBuilder out = null;
        int length = text.length();
        while (true) {
            // A local index in the tight loop: the export's payloads make this most of the parsing time.
            int runStart = at;
            int i = at;
            char c = 0;
            while (i < length) {
                c = text.charAt(i);
                if (c == '"' || c == '\\' || c < 0x20) {
                    break;
                }
                i++;
            }
            at = i;
            if (i >= length) {
                throw error("unterminated string");
            }
            if (c < 0x20) {
                throw error("control character in a string must be escaped");
            }
            if (c == '"') {
                at++;
                if (out == null) {
                    return text.substring(runStart, i);
                }
                return out.append(text, runStart, i).toString();
            }
            if (out == null) {
                out = new StringBuilder(Math.max(16, 2 * (i - runStart)));
            }
            out.append(text, runStart, i);
            at++;
            if (at >= length) {
                throw error("unterminated escape");
            }
            char e = text.charAt(at++);
            switch (e) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(unicodeEscape());
                default -> {
                    at--;
                    throw error("invalid escape \\" + e);
                }
            }
        }
    }

    private char unicodeEscape() {
        if (at + 4 > text.length()) {
            throw error("\\u needs four hex digits");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(at + i), 16);
            if (digit < 0) {
                throw error("\\u needs four hex digits");
            }
            code = code * 16 + digit;
        }
        at += 4;
        return (char) code;
    }

    private Long number() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        if (at >= text.length() || !isDigit(text.charAt(at))) {
            throw error("expected a digit");
        }
        if (text.charAt(at) == '0' && at + 1 < text.length() && isDigit(text.charAt(at + 1))) {
            throw error("a number may not start with 0");
        }
        while (at < text.length() && isDigit(text.charAt(at))) {
            at++;
        }
        if (at < text.length() && (text.charAt(at) == '.' || text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            throw error("only whole numbers are expected here");
        }
        try {
            return Long.parseLong(text, start, at, 10);
        } catch (NumberFormatException e) {
            at = start;
            throw error("number out of range");
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void literal(String word) {
        if (!text.startsWith(word, at)) {
            throw error("expected " + word);
        }
        at += word.length();
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void skipWhitespace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
    }

    private JsonException error(String message) {
        return new JsonException(message + " at offset " + at);
    }

    // ---------------------------------------------------------------- writing

    /** Writes a value of the types {@link #parseObject} returns (plus {@code Integer}) as compact JSON. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    public static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            quote(out, s);
        } else if (value instanceof Long || value instanceof Integer) {
            out.append(value);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("a JSON key must be a string: " + entry.getKey());
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(out, key);
                out.append(':');
                write(out, entry.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(out, list.get(i));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not written as JSON here: " + value.getClass().getName());
        }
    }

    /**
     * Appends {@code s} as a JSON string. A surrogate without its partner is escaped rather than written
     * raw: UTF-8 cannot carry it, and an encoder would silently swap it for '?', changing a stored
     * payload and so its hash.
     */
    public static void quote(StringBuilder out, String s) {
        out.append('"');
        int length = s.length();
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        unicode(out, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        unicode(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * The same JSON value with every surrogate that lacks its partner written as its JSON escape
     * (backslash, {@code u}, four hex digits): text that is valid Unicode, so any store or encoder keeps
     * it exactly, and that a JSON reader turns back into the very same string. {@code json} itself when
     * it holds no lone surrogate.
     *
     * <p>Only a string value may hold one. In JSON text a character outside the ASCII range can stand
     * only inside a string, so one elsewhere means the text is not JSON; and readers that key objects
     * by their UTF-8 (Jackson's byte parser is one) refuse a lone surrogate in a name even escaped, so
     * text holding one there could be stored but never read back. Both are refused.
     */
    public static String escapeLoneSurrogates(String json) {
        if (Unicode.isWellFormed(json)) {
            return json;
        }
        int length = json.length();
        StringBuilder out = new StringBuilder(length + 16);
        boolean inString = false;
        boolean escaped = false;
        boolean valueChecked = false;
        for (int i = 0; i < length; i++) {
            char c = json.charAt(i);
            boolean paired = Character.isHighSurrogate(c) ? i + 1 < length && Character.isLowSurrogate(json.charAt(i + 1))
                    : Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(json.charAt(i - 1));
            if (Character.isSurrogate(c) && !paired) {
                if (!inString || escaped) {
                    throw new JsonException("a lone surrogate outside a string at offset " + i + ": not JSON text");
                }
                if (!valueChecked && isName(json, i)) {
                    throw new JsonException("a lone surrogate in a name at offset " + i);
                }
                valueChecked = true;
                unicode(out, c);
                continue;
            }
            if (escaped) {
                escaped = false;
            } else if (c == '"') {
                inString = !inString;
                valueChecked = false;
            } else if (c == '\\' && inString) {
                escaped = true;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Whether the string that {@code at} stands in is an object's name: a ':' follows it. */
    private static boolean isName(String json, int at) {
        int i = at;
        while (i < json.length() && json.charAt(i) != '"') {
            i += json.charAt(i) == '\\' ? 2 : 1;
        }
        if (i >= json.length()) {
            throw new JsonException("unterminated string at offset " + at + ": not JSON text");
        }
        i++;
        while (i < json.length() && " \t\n\r".indexOf(json.charAt(i)) >= 0) {
            i++;
        }
        return i < json.length() && json.charAt(i) == ':';
    }

    private static void unicode(StringBuilder out, char c) {
        out.append("\\u");
        String hex = Integer.toHexString(c);
        out.append("0000", hex.length(), 4).append(hex);
    }

    // ---------------------------------------------------------------- typed access

    /** The string under {@code key}, which must be present; {@code null} only if {@code nullable}. */
    public static String string(Map<String, Object> object, String key, boolean nullable) {
        Object value = present(object, key);
        if (value == null && nullable) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new JsonException("\"" + key + "\" must be a string" + (nullable ? " or null" : ""));
        }
        return s;
    }

    public static long number(Map<String, Object> object, String key) {
        if (!(present(object, key) instanceof Long n)) {
            throw new JsonException("\"" + key + "\" must be a whole number");
        }
        return n;
    }

    public static List<String> strings(Map<String, Object> object, String key) {
        if (!(present(object, key) instanceof List<?> list)) {
            throw new JsonException("\"" + key + "\" must be an array");
        }
        List<String> strings = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw new JsonException("\"" + key + "\" must hold strings only");
            }
            strings.add(s);
        }
        return Collections.unmodifiableList(strings);
    }

    /** Refuses any key outside {@code allowed}: a strict reader does not skip what it does not understand. */
    public static void onlyKeys(Map<String, Object> object, Set<String> allowed) {
        for (String key : object.keySet()) {
            if (!allowed.contains(key)) {
                throw new JsonException("unexpected key \"" + key + "\"");
            }
        }
    }

    private static Object present(Map<String, Object> object, String key) {
        if (!object.containsKey(key)) {
            throw new JsonException("\"" + key + "\" is missing");
        }
        return object.get(key);
    }
}
