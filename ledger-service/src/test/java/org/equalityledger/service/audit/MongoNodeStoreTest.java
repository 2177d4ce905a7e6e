package org.equalityledger.service.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.equalityledger.core.LedgerEntry;
import org.equalityledger.core.merkle.ConsistencyProof;
import org.equalityledger.core.merkle.InMemoryNodeStore;
import org.equalityledger.core.merkle.InclusionProof;
import org.equalityledger.core.merkle.Merkle;
import org.equalityledger.core.merkle.MerkleLog;
import org.equalityledger.core.merkle.NodeStore.NodeId;
import org.equalityledger.service.store.StoreTest;
import org.equalityledger.service.store.TestStore;

class MongoNodeStoreTest {

    private static byte[] hash(String text) {
        return LedgerEntry.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    @StoreTest
    void a_node_reads_back_and_an_absent_one_is_null(TestStore store) {
        MongoNodeStore nodes = new MongoNodeStore(store.freshDatabase());
        nodes.put(0, 5, hash("a"));
        nodes.put(3, 1L << 40, hash("b"));

        assertThat(nodes.get(0, 5)).isEqualTo(hash("a"));
        assertThat(nodes.get(3, 1L << 40)).isEqualTo(hash("b"));
        assertThat(nodes.get(0, 6)).isNull();
        assertThat(nodes.get(1, 5)).isNull();
        assertThat(nodes.getAll(List.of(new NodeId(3, 1L << 40), new NodeId(0, 6), new NodeId(0, 5))))
                .containsExactly(hash("b"), null, hash("a"));
    }

    @StoreTest
    void the_same_hash_may_be_written_again_but_never_another(TestStore store) {
        MongoNodeStore nodes = new MongoNodeStore(store.freshDatabase());
        nodes.put(0, 1, hash("a"));
        nodes.put(0, 1, hash("a"));
        Map<NodeId, byte[]> batch = new LinkedHashMap<>();
        batch.put(new NodeId(0, 1), hash("a"));
        batch.put(new NodeId(0, 2), hash("c"));
        nodes.putAll(batch);

        assertThat(nodes.get(0, 2)).isEqualTo(hash("c"));
        assertThatThrownBy(() -> nodes.put(0, 1, hash("x"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("(0, 1) already holds another hash");
        Map<NodeId, byte[]> forged = new LinkedHashMap<>();
        forged.put(new NodeId(0, 3), hash("d"));
        forged.put(new NodeId(0, 2), hash("forged"));
        assertThatThrownBy(() -> nodes.putAll(forged)).isInstanceOf(IllegalStateException.class);
        assertThat(nodes.get(0, 2)).isEqualTo(hash("c"));
        assertThatThrownBy(() -> nodes.put(0, 4, new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @StoreTest
    void a_merkle_log_on_it_answers_as_one_in_memory_for_every_size_up_to_70(TestStore store) {
        MongoNodeStore nodes = new MongoNodeStore(store.freshDatabase());
        MerkleLog onMongo = new MerkleLog(nodes);
        MerkleLog inMemory = new MerkleLog(new InMemoryNodeStore());
        for (int i = 0; i < 70; i++) {
            byte[] leaf = Merkle.leafHash(hash("entry " + i));
            // Appended in uneven batches, as the sealer does.
            if (i % 3 == 0) {
                List<byte[]> two = new ArrayList<>(List.of(leaf));
                onMongo.appendAll(two);
            } else {
                onMongo.append(leaf);
            }
            inMemory.append(leaf);
        }
        MerkleLog reopened = MerkleLog.open(nodes, 70);

        assertThat(reopened.root()).isEqualTo(inMemory.root());
        for (long n = 1; n <= 70; n++) {
            assertThat(reopened.root(n)).isEqualTo(inMemory.root(n));
            for (long m = 0; m < n; m += 7) {
                InclusionProof inclusion = InclusionProof.of(reopened, m, n, null);
                assertThat(inclusion.verify()).isTrue();
                assertThat(inclusion.auditPath()).isEqualTo(InclusionProof.of(inMemory, m, n, null).auditPath());
                if (m > 0) {
                    assertThat(ConsistencyProof.of(reopened, m, n).verify()).isTrue();
                }
            }
        }
    }
}
