package org.equalityledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void an_aggregate_event_needs_its_sequence() {
        assertThatThrownBy(() -> new LedgerEntry(1, "e", "A", "a-1", -1, "T", null, "t", "{}", "{}", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
