package org.equalityledger.service.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

import org.equalityledger.core.checkpoint.LedgerKeys;
import org.equalityledger.service.store.LedgerStoreProperties;

/** Finds the checkpoint signing key, or says at start why it cannot. */
final class SigningKey {

    private SigningKey() {
    }

    static KeyPair load(AuditProperties audit, LedgerStoreProperties store) {
        Path folder = audit.signingKeyPath();
        try {
            if (folder == null) {
                if (!store.embedded()) {
                    throw new IllegalStateException("ledger.audit.signing-key-path (LEDGER_AUDIT_SIGNING_KEY_PATH) is not set: "
                            + "with a MongoDB URI the checkpoint signing key must be configured, as a folder holding "
                            + LedgerKeys.PRIVATE_KEY_FILE + " and " + LedgerKeys.PUBLIC_KEY_FILE + " (Ed25519, PEM)");
                }
                // Embedded: the key lives with the data and is made on first start.
                return LedgerKeys.loadOrCreate(store.dataDir().resolve("keys"));
            }
            if (!store.embedded() && !Files.exists(folder.resolve(LedgerKeys.PRIVATE_KEY_FILE))) {
                throw new IllegalStateException("ledger.audit.signing-key-path " + folder.toAbsolutePath() + " holds no "
                        + LedgerKeys.PRIVATE_KEY_FILE + ": with a MongoDB URI the key is never made here, since "
                        + "several instances must share one key; put the ledger's Ed25519 key pair there");
            }
            return LedgerKeys.loadOrCreate(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint signing key in " + folder + ": " + e.getMessage(), e);
        }
    }
}
