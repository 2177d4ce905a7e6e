package org.equalityledger.core.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A signed statement that the ledger's first {@code treeSize} entries have the Merkle root
 * {@code rootHash}. Once published, it pins those entries: changing, removing, reordering or inserting
 * any of them changes the root.
 *
 * @param rootHash  lower-case hex of the RFC 9162 root
 * @param issuedAt  ISO-8601 instant, signed exactly as written here
 * @param signature base64 Ed25519 signature of {@link #signedBytes()}
 * @param keyId     {@link LedgerKeys#keyId} of the signing key
 */
public record Checkpoint(long treeSize, String rootHash, String issuedAt, String signature, String keyId) {

    /** A new form of the signed text gets a new tag, so old checkpoints keep verifying. */
    public static final String FORM_V1 = "equality-ledger/checkpoint/v1";

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");

    public Checkpoint {
        if (treeSize < 0) {
            throw new IllegalArgumentException("treeSize must not be negative: " + treeSize);
        }
        if (rootHash == null || !HASH.matcher(rootHash).matches()) {
            throw new IllegalArgumentException("rootHash must be 64 lower-case hex digits: " + rootHash);
        }
        if (issuedAt == null) {
            throw new IllegalArgumentException("issuedAt is required");
        }
        try {
            Instant.parse(issuedAt);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("issuedAt is not an ISO-8601 instant: " + issuedAt, e);
        }
        if (signature == null) {
            throw new IllegalArgumentException("signature is required");
        }
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("keyId must be 16 lower-case hex digits: " + keyId);
        }
    }

    /**
     * Signs a checkpoint now-ish. The time is cut to milliseconds because databases commonly keep no
     * more, and a stored copy that lost digits would no longer verify.
     */
    public static Checkpoint sign(long treeSize, byte[] rootHash, Instant issuedAt, KeyPair keys) {
        String root = HexFormat.of().formatHex(rootHash);
        String time = issuedAt.truncatedTo(ChronoUnit.MILLIS).toString();
        String keyId = LedgerKeys.keyId(keys.getPublic());
        byte[] text = text(treeSize, root, time, keyId);
        try {
            Signature ed25519 = Signature.getInstance(LedgerKeys.ALGORITHM);
            ed25519.initSign(keys.getPrivate());
            ed25519.update(text);
            return new Checkpoint(treeSize, root, time, Base64.getEncoder().encodeToString(ed25519.sign()), keyId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with an Ed25519 key: " + e.getMessage(), e);
        }
    }

    /** The exact bytes that are signed: every field but the signature, one per line. */
    public byte[] signedBytes() {
        return text(treeSize, rootHash, issuedAt, keyId);
    }

    public byte[] rootHashBytes() {
        return HexFormat.of().parseHex(rootHash);
    }

    /** True if {@code key} is the key this checkpoint names and its signature over every field verifies. */
    public boolean verify(PublicKey key) {
        if (!LedgerKeys.keyId(key).equals(keyId)) {
            return false;
        }
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            Signature ed25519 = Signature.getInstance(LedgerKeys.ALGORITHM);
            ed25519.initVerify(key);
            ed25519.update(signedBytes());
            return ed25519.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] text(long treeSize, String rootHash, String issuedAt, String keyId) {
        // Field values cannot hold a newline (the constructor's patterns and Instant.parse see to it),
        // so no two checkpoints share a text.
        String text = FORM_V1 + "\n"
                + "tree-size " + treeSize + "\n"
                + "root-hash " + rootHash + "\n"
                + "issued-at " + issuedAt + "\n"
                + "key-id " + keyId + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
