package org.equalityledger.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.equalityledger.core.LedgerEntry;
import org.junit.jupiter.api.Test;

class ProofFilesTest {

    private static final List<String> ENTRY_HASHES = new ArrayList<>();
    private static final MerkleLog LOG = new MerkleLog(new InMemoryNodeStore());

    static {
        for (int i = 0; i < 50; i++) {
            String hash = HexFormat.of().formatHex(LedgerEntry.sha256(new byte[] {(byte) i}));
            ENTRY_HASHES.add(hash);
            LOG.appendEntryHash(hash);
        }
    }

    @Test
    void an_inclusion_proof_survives_json_and_verifies() {
        InclusionProof proof = InclusionProof.of(LOG, 41, 50, ENTRY_HASHES.get(41));
        String json = proof.toJson();
        assertThat(json).startsWith("{\"leafIndex\":41,\"treeSize\":50,\"entryHash\":\"" + ENTRY_HASHES.get(41)
                + "\",\"leafHash\":\"").contains("\"auditPath\":[\"");
        InclusionProof read = InclusionProof.fromJson(json);
        assertThat(read).isEqualTo(proof);
        assertThat(read.verify()).isTrue();
    }

    @Test
    void an_inclusion_proof_may_name_the_entry_hash_alone_and_must_match_it() {
        InclusionProof proof = InclusionProof.of(LOG, 7, 30, null);
        String entryOnly = proof.toJson().replaceFirst("\"leafHash\":\"[0-9a-f]{64}\"",
                "\"entryHash\":\"" + ENTRY_HASHES.get(7) + "\"");
        assertThat(InclusionProof.fromJson(entryOnly).verify()).isTrue();
        String wrongEntry = proof.toJson().replaceFirst("\"leafIndex\":7,", "\"leafIndex\":7,\"entryHash\":\""
                + ENTRY_HASHES.get(8) + "\",");
        assertThat(InclusionProof.fromJson(wrongEntry).verify()).isFalse();
    }

    @Test
    void a_consistency_proof_survives_json_and_verifies() {
        ConsistencyProof proof = ConsistencyProof.of(LOG, 13, 50);
        assertThat(proof.toJson()).startsWith("{\"m\":13,\"n\":50,\"rootM\":\"");
        ConsistencyProof read = ConsistencyProof.fromJson(proof.toJson());
        assertThat(read).isEqualTo(proof);
        assertThat(read.verify()).isTrue();
        assertThat(new ConsistencyProof(14, 50, proof.rootM(), proof.rootN(), proof.proof()).verify()).isFalse();
    }

    @Test
    void proof_files_are_read_strictly() {
        String json = InclusionProof.of(LOG, 3, 10, null).toJson();
        assertThatThrownBy(() -> InclusionProof.fromJson(json.replace("\"rootHash\"", "\"root\"")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InclusionProof.fromJson(json.replaceFirst("\"leafHash\":\"[0-9a-f]{64}\",", "")))
                .hasMessageContaining("leafHash");
        assertThatThrownBy(() -> InclusionProof.fromJson(json.replaceFirst("\"rootHash\":\"([0-9a-f]{63})[0-9a-f]\"",
                "\"rootHash\":\"$1\""))).hasMessageContaining("64 lower-case hex");
        assertThatThrownBy(() -> ConsistencyProof.fromJson("{\"m\":1,\"n\":2,\"rootM\":\"x\",\"rootN\":\"y\",\"proof\":[]}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
