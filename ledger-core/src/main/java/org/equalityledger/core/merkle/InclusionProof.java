package org.equalityledger.core.merkle;

import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.equalityledger.core.json.Json;
import org.equalityledger.core.json.JsonException;

/**
 * That the entry at {@code leafIndex} is in the tree of {@code treeSize} entries with root
 * {@code rootHash}; all hashes lower-case hex. As JSON:
 *
 * <pre>
 * {"leafIndex":41,"treeSize":180,"entryHash":"…","leafHash":"…","auditPath":["…","…"],"rootHash":"…"}
 * </pre>
 *
 * {@code leafHash} is the RFC 9162 leaf hash, SHA-256(0x00 || the 32 bytes of the entry's hash).
 * {@code entryHash}, the hash the ledger shows for the entry, is optional; when given, it must lead to
 * {@code leafHash}, and either may be left out of the JSON for the other.
 */
public record InclusionProof(long leafIndex, long treeSize, String entryHash, String leafHash, List<String> auditPath,
                             String rootHash) {

    private static final Set<String> KEYS = Set.of("leafIndex", "treeSize", "entryHash", "leafHash", "auditPath",
            "rootHash");

    public InclusionProof {
        if (entryHash != null) {
            Hashes.checked("entryHash", entryHash);
        }
        Hashes.checked("leafHash", leafHash);
        auditPath = Hashes.checked("auditPath", auditPath);
        Hashes.checked("rootHash", rootHash);
    }

    /** The proof for leaf {@code leafIndex} of the log's first {@code treeSize} leaves. */
    public static InclusionProof of(MerkleLog log, long leafIndex, long treeSize, String entryHash) {
        return new InclusionProof(leafIndex, treeSize, entryHash, Hashes.hex(log.leafHash(leafIndex)),
                Hashes.hex(log.inclusionProof(leafIndex, treeSize)), Hashes.hex(log.root(treeSize)));
    }

    public boolean verify() {
        byte[] leaf = Hashes.bytes(leafHash);
        if (entryHash != null && !MessageDigest.isEqual(Merkle.leafHash(Hashes.bytes(entryHash)), leaf)) {
            return false;
        }
        return Merkle.verifyInclusion(leafIndex, treeSize, leaf, Hashes.bytes(auditPath), Hashes.bytes(rootHash));
    }

    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("leafIndex", leafIndex);
        json.put("treeSize", treeSize);
        if (entryHash != null) {
            json.put("entryHash", entryHash);
        }
        json.put("leafHash", leafHash);
        json.put("auditPath", auditPath);
        json.put("rootHash", rootHash);
        return Json.write(json);
    }

    public static InclusionProof fromJson(String text) {
        Map<String, Object> json = Json.parseObject(text);
        Json.onlyKeys(json, KEYS);
        String entryHash = json.containsKey("entryHash") ? Json.string(json, "entryHash", false) : null;
        String leafHash;
        if (json.containsKey("leafHash")) {
            leafHash = Json.string(json, "leafHash", false);
        } else if (entryHash != null) {
            leafHash = Hashes.hex(Merkle.leafHash(Hashes.bytes(Hashes.checked("entryHash", entryHash))));
        } else {
            throw new JsonException("\"leafHash\" or \"entryHash\" is needed");
        }
        return new InclusionProof(Json.number(json, "leafIndex"), Json.number(json, "treeSize"), entryHash, leafHash,
                Json.strings(json, "auditPath"), Json.string(json, "rootHash", false));
    }
}
