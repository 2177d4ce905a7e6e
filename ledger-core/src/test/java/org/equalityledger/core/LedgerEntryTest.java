package org.equalityledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

class LedgerEntryTest {

    private static LedgerEntry entry(String payload, String previousHash) {
        return new LedgerEntry(7, "e-1", "Commitment", "c-1", 2, "org.x.Pledged", "1",
                "2021-03-30T10:00:00Z", payload, "{\"actor\":\"ally\"}", previousHash);
    }

    @Test
    void the_same_entry_always_hashes_the_same() {
        assertThat(entry("{\"a\":1}", null).hash())
                .isEqualTo(entry("{\"a\":1}", null).hash())
                .hasSize(64)
                .matches("[0-9a-f]{64}");
    }

    @Test
    void any_changed_field_changes_the_hash() {
        String original = entry("{\"a\":1}", "ab").hash();
        assertThat(entry("{\"a\":2}", "ab").hash()).isNotEqualTo(original);
        assertThat(entry("{\"a\":1}", "ac").hash()).isNotEqualTo(original);
        assertThat(entry("{\"a\":1}", null).hash()).isNotEqualTo(original);
    }

    @Test
    void moving_characters_between_fields_changes_the_hash() {
        LedgerEntry left = new LedgerEntry(1, "ab", null, null, -1, "c", null, "t", "{}", "{}", null);
        LedgerEntry right = new LedgerEntry(1, "a", null, null, -1, "bc", null, "t", "{}", "{}", null);
        assertThat(left.hash()).isNotEqualTo(right.hash());
    }

    @Test
    void the_canonical_form_is_pinned_by_hashes_of_version_1() throws Exception {
        // Hashes written by the first version of the canonical form: any change to it must break this.
        LedgerEntry mixed = new LedgerEntry(1234567890123L, "e-\u00fc-1", "Commitment", "c-\u00e9\u4e2d\ud83d\ude00", 41,
                "org.x.Amended", null, "2021-03-30T10:00:00.123Z",
                "{\"title\":\"\u00c9galit\u00e9 \u2013 care \ud83d\udc4d\",\"n\":1}", "{\"actor\":\"ally\"}", "ab".repeat(32));
        LedgerEntry large = new LedgerEntry(0, "e", null, null, -1, "T", "2", "t", "x".repeat(100_000), "{}", null);

        assertThat(mixed.hash()).isEqualTo("8a84ac1d3e02cd9503fa516feb0a76337ed2b93aa115611622f8db1ba3767ae6");
        assertThat(large.hash()).isEqualTo("ba1578da4e09fcd54b8e6f64ce02b5cd8e0aab415257c1eaa63c5ef69c676858");
        for (LedgerEntry e : List.of(mixed, large, mixed)) {
            byte[] overBytes = MessageDigest.getInstance("SHA-256").digest(e.canonicalBytes());
            assertThat(e.hashBytes()).isEqualTo(overBytes);
            assertThat(HexFormat.of().formatHex(overBytes)).isEqualTo(e.hash());
        }
    }

    @Test
    void a_lone_surrogate_is_hashed_as_itself_not_as_what_an_encoder_would_write() {
        LedgerEntry lone = entry("{\"name\":\"\ud800\"}", null);
        assertThat(lone.hash())
                .as("UTF-8 encoders write '?', stores read back U+FFFD: neither may share the hash")
                .isNotEqualTo(entry("{\"name\":\"?\"}", null).hash())
                .isNotEqualTo(entry("{\"name\":\"\ufffd\"}", null).hash())
                .isNotEqualTo(entry("{\"name\":\"\udc00\"}", null).hash());
        String hex = HexFormat.of().formatHex(lone.canonicalBytes());
        assertThat(hex).contains("0000000e" + HexFormat.of().formatHex("{\"name\":\"".getBytes(StandardCharsets.US_ASCII))
                + "eda080" + HexFormat.of().formatHex("\"}".getBytes(StandardCharsets.US_ASCII)));
        // Pinned, as Python computes it too: each string as .encode("utf-8", "surrogatepass").
        assertThat(lone.hash()).as("pinned: generalized UTF-8, so the form never drifts")
                .isEqualTo("dad15b382526d540fdc70e32298d4270f4903b329373359a412415ee9c05b1c5");
    }

    @Test
    void only_the_lower_case_spelling_of_a_hash_is_its_hex() {
        LedgerEntry e = entry("{\"a\":1}", null);
        byte[] hash = e.hashBytes();
        assertThat(LedgerEntry.isHexOf(hash, e.hash())).isTrue();
        assertThat(LedgerEntry.isHexOf(hash, e.hash().toUpperCase())).isFalse();
        assertThat(LedgerEntry.isHexOf(hash, e.hash().substring(1))).isFalse();
        assertThat(LedgerEntry.isHexOf(hash, e.hash() + "0")).isFalse();
        assertThat(LedgerEntry.isHexOf(hash, null)).isFalse();
        assertThat(LedgerEntry.isHexOf(hash, entry("{\"a\":2}", null).hash())).isFalse();
    }

    @Test
    void an_aggregate_event_needs_its_sequence() {
        assertThatThrownBy(() -> new LedgerEntry(1, "e", "A", "a-1", -1, "T", null, "t", "{}", "{}", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
