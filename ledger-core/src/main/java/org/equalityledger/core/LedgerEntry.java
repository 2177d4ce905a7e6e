package org.equalityledger.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One stored event exactly as the ledger hashes it.
 *
 * <p>The fields are the stored strings, not re-serialised objects: the hash must not depend on how a
 * later version of a library would print the same payload. {@code sequence} is {@code -1} and
 * {@code aggregateType}, {@code aggregateId} and {@code previousHash} are {@code null} for an event
 * that belongs to no aggregate. {@code previousHash} is the hash of the previous event of the same
 * aggregate, so an aggregate's history is a chain of its own inside the global log.
 */
public record LedgerEntry(
        long position,
        String eventId,
        String aggregateType,
        String aggregateId,
        long sequence,
        String payloadType,
        String payloadRevision,
        String recordedAt,
        String payload,
        String metadata,
        String previousHash) {

    /** Changing the canonical form would orphan every published checkpoint: it gets a new version tag. */
    private static final byte[] FORM_V1 = "equality-ledger/entry/v1".getBytes(StandardCharsets.US_ASCII);

    public LedgerEntry {
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative: " + position);
        }
        require(eventId, "eventId");
        require(payloadType, "payloadType");
        require(recordedAt, "recordedAt");
        require(payload, "payload");
        require(metadata, "metadata");
        if ((aggregateId == null) != (sequence < 0)) {
            throw new IllegalArgumentException("an aggregate event needs both aggregateId and sequence");
        }
    }

    /**
     * Length-prefixed fields in a fixed order: no two different entries share an encoding, whatever
     * characters their strings hold.
     *
     * <p>The form, version 1: the ASCII tag {@code equality-ledger/entry/v1}, then each field in the
     * order of this record's components. A {@code long} is 8 bytes big-endian; a string is its byte
     * length (4 bytes big-endian) and its bytes, or the length {@code -1} for {@code null}; the tag is
     * length-prefixed like a string. A string's bytes are its UTF-8, and for a string that is not
     * well-formed UTF-16 (a surrogate without its partner) its generalized UTF-8, in which a lone
     * surrogate takes the three bytes of its own value ({@link Unicode#generalizedUtf8}): so every Java
     * string has bytes, two different strings never share them, and the bytes of text that is valid
     * Unicode are plain UTF-8. The service stores no such string (it escapes them in its JSON), but
     * a reader of a tampered store or export must hash what it reads, not a replacement.
     */
    public byte[] canonicalBytes() {
        Canonical form = Canonical.OF_THREAD.get();
        form.length = 0;
        form.write(this);
        byte[] bytes = Arrays.copyOf(form.buffer, form.length);
        form.release();
        return bytes;
    }

    /** SHA-256 of {@link #canonicalBytes()}, lower-case hex. */
    public String hash() {
        return HexFormat.of().formatHex(hashBytes());
    }

    /**
     * SHA-256 of {@link #canonicalBytes()}. Each thread keeps its own digest and encoding buffer, so
     * hashing millions of entries allocates little beyond the strings' UTF-8 bytes.
     */
    public byte[] hashBytes() {
        Canonical form = Canonical.OF_THREAD.get();
        form.length = 0;
        form.write(this);
        form.sha.update(form.buffer, 0, form.length);
        byte[] hash = form.sha.digest();
        form.release();
        return hash;
    }

    /** True if {@code hex} is exactly the lower-case hex spelling of {@code hash}, as {@link #hash()} writes it. */
    public static boolean isHexOf(byte[] hash, String hex) {
        if (hex == null || hex.length() != hash.length * 2) {
            return false;
        }
        for (int i = 0; i < hash.length; i++) {
            if (hex.charAt(2 * i) != HEX_DIGITS[(hash[i] >> 4) & 0xf] || hex.charAt(2 * i + 1) != HEX_DIGITS[hash[i] & 0xf]) {
                return false;
            }
        }
        return true;
    }

    public static byte[] sha256(byte[] bytes) {
        MessageDigest sha = Canonical.OF_THREAD.get().sha;
        sha.reset();
        return sha.digest(bytes);
    }

    private static void require(String value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    /** The canonical form written into a growing buffer, and a digest to hash it with; one per thread. */
    private static final class Canonical {

        static final ThreadLocal<Canonical> OF_THREAD = ThreadLocal.withInitial(() -> new Canonical(1 << 12));
        /** A buffer grown past this by one huge entry is not kept by the thread. */
        private static final int KEPT = 1 << 16;

        final MessageDigest sha;
        byte[] buffer;
        int length;

        Canonical(int capacity) {
            try {
                this.sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
            this.buffer = new byte[capacity];
        }

        void write(LedgerEntry e) {
            writeBytes(FORM_V1);
            writeLong(e.position);
            writeString(e.eventId);
            writeString(e.aggregateType);
            writeString(e.aggregateId);
            writeLong(e.sequence);
            writeString(e.payloadType);
            writeString(e.payloadRevision);
            writeString(e.recordedAt);
            writeString(e.payload);
            writeString(e.metadata);
            writeString(e.previousHash);
        }

        void release() {
            if (buffer.length > KEPT) {
                buffer = new byte[1 << 12];
            }
        }

        private void writeString(String value) {
            if (value == null) {
                writeInt(-1);
            } else {
                writeBytes(Unicode.generalizedUtf8(value));
            }
        }

        private void writeBytes(byte[] bytes) {
            writeInt(bytes.length);
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, length, bytes.length);
            length += bytes.length;
        }

        private void writeInt(int value) {
            ensure(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                buffer[length++] = (byte) (value >>> shift);
            }
        }

        private void writeLong(long value) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buffer[length++] = (byte) (value >>> shift);
            }
        }

        private void ensure(int more) {
            if (buffer.length - length < more) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }
    }
}
