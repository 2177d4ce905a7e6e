package org.equalityledger.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Java strings are UTF-16 code units, and nothing stops one from holding a surrogate without its
 * partner (the JSON escape of U+D800 makes one). Such a string is not Unicode text: UTF-8 cannot
 * carry it, Java's encoder silently writes {@code '?'} for it, and a store's decoder gives back
 * U+FFFD. The ledger must still hash it, and two different strings must never share bytes.
 */
public final class Unicode {

    private Unicode() {
    }

    /** True if every surrogate in {@code s} is half of a pair: then UTF-8 carries {@code s} exactly. */
    public static boolean isWellFormed(CharSequence s) {
        return firstLoneSurrogate(s) < 0;
    }

    /** Where the first surrogate without its partner stands in {@code s}, or -1 if there is none. */
    public static int firstLoneSurrogate(CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * {@code s} in generalized UTF-8 (the WTF-8 encoding): exactly its UTF-8 when it is well-formed; a
     * lone surrogate takes the three bytes UTF-8's pattern gives its own value (U+D800 is
     * {@code ED A0 80}), bytes that no well-formed string encodes to. A surrogate pair is always one
     * four-byte character, so every string has exactly one encoding and no two strings share one.
     */
    public static byte[] generalizedUtf8(String s) {
        // getBytes is an intrinsic for ASCII, and the check before it costs little next to hashing.
        return isWellFormed(s) ? s.getBytes(StandardCharsets.UTF_8) : withLoneSurrogates(s);
    }

    private static byte[] withLoneSurrogates(String s) {
        byte[] out = new byte[s.length() * 3];
        int at = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i); // a lone surrogate comes back as itself
            i += Character.charCount(c);
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xc0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3f));
            } else if (c < 0x10000) {
                out[at++] = (byte) (0xe0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                out[at++] = (byte) (0x80 | (c & 0x3f));
            } else {
                out[at++] = (byte) (0xf0 | (c >> 18));
                out[at++] = (byte) (0x80 | ((c >> 12) & 0x3f));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                out[at++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        return Arrays.copyOf(out, at);
    }
}
