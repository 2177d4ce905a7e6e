package org.equalityledger.core.merkle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.equalityledger.core.json.Json;

/**
 * That the tree of {@code m} entries with root {@code rootM} is the first part of the tree of {@code n}
 * entries with root {@code rootN}: nothing before position m changed between the two. As JSON:
 *
 * <pre>
 * {"m":40,"n":180,"rootM":"…","rootN":"…","proof":["…","…"]}
 * </pre>
 */
public record ConsistencyProof(long m, long n, String rootM, String rootN, List<String> proof) {

    private static final Set<String> KEYS = Set.of("m", "n", "rootM", "rootN", "proof");

    public ConsistencyProof {
        Hashes.checked("rootM", rootM);
        Hashes.checked("rootN", rootN);
        proof = Hashes.checked("proof", proof);
    }

    public static ConsistencyProof of(MerkleLog log, long m, long n) {
        return new ConsistencyProof(m, n, Hashes.hex(log.root(m)), Hashes.hex(log.root(n)),
                Hashes.hex(log.consistencyProof(m, n)));
    }

    public boolean verify() {
        return Merkle.verifyConsistency(m, n, Hashes.bytes(rootM), Hashes.bytes(rootN), Hashes.bytes(proof));
    }

    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("m", m);
        json.put("n", n);
        json.put("rootM", rootM);
        json.put("rootN", rootN);
        json.put("proof", proof);
        return Json.write(json);
    }

    public static ConsistencyProof fromJson(String text) {
        Map<String, Object> json = Json.parseObject(text);
        Json.onlyKeys(json, KEYS);
        return new ConsistencyProof(Json.number(json, "m"), Json.number(json, "n"), Json.string(json, "rootM", false),
                Json.string(json, "rootN", false), Json.strings(json, "proof"));
    }
}
