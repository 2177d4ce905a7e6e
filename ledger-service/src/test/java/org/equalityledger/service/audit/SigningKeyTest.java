package org.equalityledger.service.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;

import org.equalityledger.core.checkpoint.LedgerKeys;
import org.equalityledger.service.store.LedgerStoreProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    @TempDir
    Path folder;

    private LedgerStoreProperties embedded() {
        return new LedgerStoreProperties(null, null, folder.resolve("data"), null, null);
    }

    private static LedgerStoreProperties mongodb() {
        return new LedgerStoreProperties("mongodb://db.example:27017", null, null, null, null);
    }

    private static AuditProperties keyAt(Path path) {
        return new AuditProperties(null, path, null);
    }

    @Test
    void embedded_mode_makes_the_key_in_the_data_folder_once() {
        KeyPair first = SigningKey.load(keyAt(null), embedded());
        KeyPair again = SigningKey.load(keyAt(null), embedded());

        assertThat(folder.resolve("data/keys").resolve(LedgerKeys.PRIVATE_KEY_FILE)).exists();
        assertThat(again.getPublic().getEncoded()).isEqualTo(first.getPublic().getEncoded());
    }

    @Test
    void embedded_mode_keeps_the_key_where_the_operator_says_not_beside_the_data() {
        Path elsewhere = folder.resolve("secrets/ledger-key");

        KeyPair made = SigningKey.load(keyAt(elsewhere), embedded());
        KeyPair again = SigningKey.load(keyAt(elsewhere), embedded());

        assertThat(elsewhere.resolve(LedgerKeys.PRIVATE_KEY_FILE)).exists();
        assertThat(folder.resolve("data/keys")).doesNotExist();
        assertThat(again.getPublic().getEncoded()).isEqualTo(made.getPublic().getEncoded());
    }

    @Test
    void with_a_mongodb_uri_the_key_must_be_configured() {
        assertThatThrownBy(() -> SigningKey.load(keyAt(null), mongodb()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ledger.audit.signing-key-path (LEDGER_AUDIT_SIGNING_KEY_PATH) is not set");
        assertThatThrownBy(() -> SigningKey.load(keyAt(folder.resolve("empty")), mongodb()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds no " + LedgerKeys.PRIVATE_KEY_FILE);
        assertThat(new AuditProperties(null, Path.of(""), null).signingKeyPath()).isNull();
    }

    @Test
    void with_a_mongodb_uri_a_configured_key_is_used() throws Exception {
        KeyPair made = LedgerKeys.loadOrCreate(folder.resolve("keys"));

        KeyPair loaded = SigningKey.load(keyAt(folder.resolve("keys")), mongodb());

        assertThat(loaded.getPublic().getEncoded()).isEqualTo(made.getPublic().getEncoded());
    }
}
