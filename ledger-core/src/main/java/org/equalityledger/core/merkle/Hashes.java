package org.equalityledger.core.merkle;

import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.equalityledger.core.json.JsonException;

/** Hex for the JSON files: lower-case, exactly 64 digits, so one hash has one spelling. */
final class Hashes {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private Hashes() {
    }

    static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(Hashes::hex).toList();
    }

    static String checked(String name, String hex) {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw new JsonException("\"" + name + "\" must be 64 lower-case hex digits");
        }
        return hex;
    }

    static List<String> checked(String name, List<String> hexes) {
        hexes.forEach(hex -> checked(name, hex));
        return List.copyOf(hexes);
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static List<byte[]> bytes(List<String> hexes) {
        return hexes.stream().map(Hashes::bytes).toList();
    }
}
