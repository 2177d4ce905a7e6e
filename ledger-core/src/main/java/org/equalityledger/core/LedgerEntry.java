package org.equalityledger.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
     */
    public byte[] canonicalBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + payload.length() + metadata.length());
        writeBytes(out, FORM_V1);
        writeLong(out, position);
        writeString(out, eventId);
        writeString(out, aggregateType);
        writeString(out, aggregateId);
        writeLong(out, sequence);
        writeString(out, payloadType);
        writeString(out, payloadRevision);
        writeString(out, recordedAt);
        writeString(out, payload);
        writeString(out, metadata);
        writeString(out, previousHash);
        return out.toByteArray();
    }

    /** SHA-256 of {@link #canonicalBytes()}, lower-case hex. */
    public String hash() {
        return HexFormat.of().formatHex(sha256(canonicalBytes()));
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void require(String value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        if (value == null) {
            writeInt(out, -1);
        } else {
            writeBytes(out, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void writeBytes(ByteArrayOutputStream out, byte[] bytes) {
        writeInt(out, bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write(value >>> shift);
        }
    }

    private static void writeLong(ByteArrayOutputStream out, long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
    }
}
