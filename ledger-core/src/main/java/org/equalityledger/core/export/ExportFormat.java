package org.equalityledger.core.export;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.equalityledger.core.LedgerEntry;
import org.equalityledger.core.checkpoint.Checkpoint;
import org.equalityledger.core.json.Json;
import org.equalityledger.core.json.JsonException;

/**
 * The lines of an export, JSON Lines in this order: every entry by position, then the checkpoints, then
 * the public key.
 *
 * <pre>
 * {"kind":"entry","position":0,"eventId":"…","aggregateType":"…","aggregateId":"…","sequence":0,
 *  "payloadType":"…","payloadRevision":null,"recordedAt":"…","payload":"…","metadata":"…",
 *  "previousHash":null,"hash":"…"}
 * {"kind":"checkpoint","treeSize":40,"rootHash":"…","issuedAt":"…","signature":"…","keyId":"…"}
 * {"kind":"publicKey","pem":"-----BEGIN PUBLIC KEY-----\n…"}
 * </pre>
 *
 * Payload and metadata are the stored strings, not nested JSON: the hash covers those exact characters.
 * Every key is always present ({@code null} where empty) and no other key is allowed. A string holding a
 * surrogate without its partner is written with that surrogate as a JSON escape ({@link Json#quote}), so
 * the file is valid UTF-8 and reads back as the very same string, which {@link LedgerEntry} hashes in
 * generalized UTF-8.
 */
public final class ExportFormat {

    public static final String ENTRY = "entry";
    public static final String CHECKPOINT = "checkpoint";
    public static final String PUBLIC_KEY = "publicKey";

    private static final Set<String> ENTRY_KEYS = Set.of("kind", "position", "eventId", "aggregateType", "aggregateId",
            "sequence", "payloadType", "payloadRevision", "recordedAt", "payload", "metadata", "previousHash", "hash");
    private static final Set<String> CHECKPOINT_KEYS = Set.of("kind", "treeSize", "rootHash", "issuedAt", "signature",
            "keyId");
    private static final Set<String> PUBLIC_KEY_KEYS = Set.of("kind", "pem");

    private ExportFormat() {
    }

    public static String entryLine(LedgerEntry e, String hash) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", ENTRY);
        line.put("position", e.position());
        line.put("eventId", e.eventId());
        line.put("aggregateType", e.aggregateType());
        line.put("aggregateId", e.aggregateId());
        line.put("sequence", e.sequence());
        line.put("payloadType", e.payloadType());
        line.put("payloadRevision", e.payloadRevision());
        line.put("recordedAt", e.recordedAt());
        line.put("payload", e.payload());
        line.put("metadata", e.metadata());
        line.put("previousHash", e.previousHash());
        line.put("hash", hash);
        return Json.write(line);
    }

    public static String checkpointLine(Checkpoint checkpoint) {
        return Json.write(checkpointJson(checkpoint, true));
    }

    /** A checkpoint as a JSON object; {@code kind} is left out for a checkpoint published on its own. */
    public static Map<String, Object> checkpointJson(Checkpoint checkpoint, boolean withKind) {
        Map<String, Object> line = new LinkedHashMap<>();
        if (withKind) {
            line.put("kind", CHECKPOINT);
        }
        line.put("treeSize", checkpoint.treeSize());
        line.put("rootHash", checkpoint.rootHash());
        line.put("issuedAt", checkpoint.issuedAt());
        line.put("signature", checkpoint.signature());
        line.put("keyId", checkpoint.keyId());
        return line;
    }

    public static String publicKeyLine(String pem) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", PUBLIC_KEY);
        line.put("pem", pem);
        return Json.write(line);
    }

    /** Reads one line; throws {@link JsonException} (an {@code IllegalArgumentException}) if it is not one of ours. */
    public static ExportRecord parseLine(String text) {
        Map<String, Object> line = Json.parseObject(text);
        String kind = Json.string(line, "kind", false);
        switch (kind) {
            case ENTRY:
                Json.onlyKeys(line, ENTRY_KEYS);
                LedgerEntry entry = asJsonError(() -> new LedgerEntry(
                        Json.number(line, "position"),
                        Json.string(line, "eventId", false),
                        Json.string(line, "aggregateType", true),
                        Json.string(line, "aggregateId", true),
                        Json.number(line, "sequence"),
                        Json.string(line, "payloadType", false),
                        Json.string(line, "payloadRevision", true),
                        Json.string(line, "recordedAt", false),
                        Json.string(line, "payload", false),
                        Json.string(line, "metadata", false),
                        Json.string(line, "previousHash", true)));
                return new ExportRecord.EntryRecord(entry, Json.string(line, "hash", false));
            case CHECKPOINT:
                return new ExportRecord.CheckpointRecord(checkpointFromJson(line));
            case PUBLIC_KEY:
                Json.onlyKeys(line, PUBLIC_KEY_KEYS);
                return new ExportRecord.PublicKeyRecord(Json.string(line, "pem", false));
            default:
                throw new JsonException("unknown kind \"" + kind + "\"");
        }
    }

    /** A checkpoint object, with or without {@code "kind":"checkpoint"}. */
    public static Checkpoint checkpointFromJson(Map<String, Object> json) {
        Json.onlyKeys(json, CHECKPOINT_KEYS);
        if (json.containsKey("kind") && !CHECKPOINT.equals(json.get("kind"))) {
            throw new JsonException("not a checkpoint: kind " + json.get("kind"));
        }
        return asJsonError(() -> new Checkpoint(
                Json.number(json, "treeSize"),
                Json.string(json, "rootHash", false),
                Json.string(json, "issuedAt", false),
                Json.string(json, "signature", false),
                Json.string(json, "keyId", false)));
    }

    private static <T> T asJsonError(Supplier<T> build) {
        try {
            return build.get();
        } catch (JsonException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new JsonException(e.getMessage());
        }
    }
}
