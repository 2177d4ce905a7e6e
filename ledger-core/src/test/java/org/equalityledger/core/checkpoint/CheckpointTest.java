package org.equalityledger.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.equalityledger.core.LedgerEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    private static final KeyPair KEYS = LedgerKeys.generate();
    private static final byte[] ROOT = LedgerEntry.sha256("root".getBytes(StandardCharsets.UTF_8));

    private static Checkpoint signed() {
        return Checkpoint.sign(40, ROOT, Instant.parse("2025-06-01T12:00:00.123456Z"), KEYS);
    }

    @Test
    void a_signed_checkpoint_verifies_with_its_key() {
        Checkpoint checkpoint = signed();
        assertThat(checkpoint.treeSize()).isEqualTo(40);
        assertThat(checkpoint.rootHash()).isEqualTo(HexFormat.of().formatHex(ROOT));
        assertThat(checkpoint.issuedAt()).isEqualTo("2025-06-01T12:00:00.123Z");
        assertThat(checkpoint.keyId()).isEqualTo(LedgerKeys.keyId(KEYS.getPublic())).hasSize(16);
        assertThat(Base64.getDecoder().decode(checkpoint.signature())).hasSize(64);
        assertThat(checkpoint.verify(KEYS.getPublic())).isTrue();
    }

    @Test
    void the_signed_text_is_versioned_and_names_every_field_but_the_signature() {
        Checkpoint checkpoint = signed();
        assertThat(new String(checkpoint.signedBytes(), StandardCharsets.UTF_8)).isEqualTo(
                "equality-ledger/checkpoint/v1\n"
                        + "tree-size 40\n"
                        + "root-hash " + HexFormat.of().formatHex(ROOT) + "\n"
                        + "issued-at 2025-06-01T12:00:00.123Z\n"
                        + "key-id " + checkpoint.keyId() + "\n");
    }

    @Test
    void changing_any_field_breaks_the_signature() {
        Checkpoint c = signed();
        String otherRoot = HexFormat.of().formatHex(LedgerEntry.sha256(new byte[] {1}));
        byte[] signature = Base64.getDecoder().decode(c.signature());
        signature[10] ^= 1;
        String otherKeyId = c.keyId().startsWith("0") ? "1" + c.keyId().substring(1) : "0" + c.keyId().substring(1);

        assertThat(new Checkpoint(41, c.rootHash(), c.issuedAt(), c.signature(), c.keyId()).verify(KEYS.getPublic())).isFalse();
        assertThat(new Checkpoint(c.treeSize(), otherRoot, c.issuedAt(), c.signature(), c.keyId()).verify(KEYS.getPublic())).isFalse();
        assertThat(new Checkpoint(c.treeSize(), c.rootHash(), "2025-06-01T12:00:00.124Z", c.signature(), c.keyId())
                .verify(KEYS.getPublic())).isFalse();
        assertThat(new Checkpoint(c.treeSize(), c.rootHash(), c.issuedAt(), Base64.getEncoder().encodeToString(signature),
                c.keyId()).verify(KEYS.getPublic())).isFalse();
        assertThat(new Checkpoint(c.treeSize(), c.rootHash(), c.issuedAt(), c.signature(), otherKeyId).verify(KEYS.getPublic()))
                .isFalse();
        assertThat(new Checkpoint(c.treeSize(), c.rootHash(), c.issuedAt(), "not base64!", c.keyId()).verify(KEYS.getPublic()))
                .isFalse();
        assertThat(c.verify(LedgerKeys.generate().getPublic())).isFalse();
    }

    @Test
    void a_checkpoint_signed_by_another_key_does_not_verify_even_if_it_claims_the_ledger_key_id() {
        KeyPair forger = LedgerKeys.generate();
        Checkpoint forged = Checkpoint.sign(40, ROOT, Instant.now(), forger);
        Checkpoint relabelled = new Checkpoint(forged.treeSize(), forged.rootHash(), forged.issuedAt(), forged.signature(),
                LedgerKeys.keyId(KEYS.getPublic()));
        assertThat(forged.verify(KEYS.getPublic())).isFalse();
        assertThat(relabelled.verify(KEYS.getPublic())).isFalse();
    }

    @Test
    void malformed_fields_are_refused() {
        Checkpoint c = signed();
        assertThatThrownBy(() -> new Checkpoint(-1, c.rootHash(), c.issuedAt(), c.signature(), c.keyId()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint(1, c.rootHash().toUpperCase(), c.issuedAt(), c.signature(), c.keyId()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint(1, c.rootHash(), "yesterday", c.signature(), c.keyId()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint(1, c.rootHash(), c.issuedAt() + "\nkey-id x", c.signature(), c.keyId()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint(1, c.rootHash(), c.issuedAt(), c.signature(), "abc"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keys_survive_pem() {
        String publicPem = LedgerKeys.toPem(KEYS.getPublic());
        String privatePem = LedgerKeys.toPem(KEYS.getPrivate());
        assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(LedgerKeys.publicKeyFromPem(publicPem).getEncoded()).isEqualTo(KEYS.getPublic().getEncoded());
        KeyPair reloaded = new KeyPair(LedgerKeys.publicKeyFromPem(publicPem), LedgerKeys.privateKeyFromPem(privatePem));
        Checkpoint checkpoint = Checkpoint.sign(3, ROOT, Instant.now(), reloaded);
        assertThat(checkpoint.verify(KEYS.getPublic())).isTrue();
        assertThatThrownBy(() -> LedgerKeys.publicKeyFromPem(privatePem)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerKeys.publicKeyFromPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_key_is_created_once_in_its_folder_then_loaded(@TempDir Path temp) throws IOException {
        Path folder = temp.resolve("data/keys");
        KeyPair created = LedgerKeys.loadOrCreate(folder);
        KeyPair loaded = LedgerKeys.loadOrCreate(folder);

        assertThat(loaded.getPublic().getEncoded()).isEqualTo(created.getPublic().getEncoded());
        assertThat(loaded.getPrivate().getEncoded()).isEqualTo(created.getPrivate().getEncoded());
        assertThat(Checkpoint.sign(1, ROOT, Instant.now(), loaded).verify(created.getPublic())).isTrue();
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(LedgerKeys.PRIVATE_KEY_FILE, LedgerKeys.PUBLIC_KEY_FILE);
        }
        if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(LedgerKeys.PRIVATE_KEY_FILE))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        }
    }

    @Test
    void a_private_key_without_its_public_half_or_with_a_foreign_one_is_not_replaced(@TempDir Path folder)
            throws IOException {
        KeyPair created = LedgerKeys.loadOrCreate(folder);
        Path privateFile = folder.resolve(LedgerKeys.PRIVATE_KEY_FILE);
        Path publicFile = folder.resolve(LedgerKeys.PUBLIC_KEY_FILE);

        Files.writeString(publicFile, LedgerKeys.toPem(LedgerKeys.generate().getPublic()));
        assertThatThrownBy(() -> LedgerKeys.loadOrCreate(folder)).isInstanceOf(IOException.class)
                .hasMessageContaining("not the public half");

        Files.delete(publicFile);
        assertThatThrownBy(() -> LedgerKeys.loadOrCreate(folder)).isInstanceOf(IOException.class);
        assertThat(LedgerKeys.privateKeyFromPem(Files.readString(privateFile)).getEncoded())
                .isEqualTo(created.getPrivate().getEncoded());
    }
}
