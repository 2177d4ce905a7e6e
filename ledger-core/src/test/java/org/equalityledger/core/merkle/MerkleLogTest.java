package org.equalityledger.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MerkleLogTest {

    private static final int MAX = 64;
    private static final List<byte[]> DATA = new ArrayList<>();
    private static MerkleLog log;

    @BeforeAll
    static void buildLog() throws Exception {
        log = new MerkleLog(new InMemoryNodeStore());
        for (int i = 0; i < MAX; i++) {
            byte[] data = MessageDigest.getInstance("SHA-256").digest(("entry " + i).getBytes(StandardCharsets.UTF_8));
            DATA.add(data);
            log.append(Merkle.leafHash(data));
        }
    }

    // ---- RFC 9162 section 2.1.1, 2.1.3.1 and 2.1.4.1, transcribed over the leaf data, independent of main code ----

    private static byte[] sha(int prefix, byte[]... parts) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        if (prefix >= 0) {
            sha.update((byte) prefix);
        }
        for (byte[] part : parts) {
            sha.update(part);
        }
        return sha.digest();
    }

    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    private static byte[] mth(List<byte[]> d) throws Exception {
        int n = d.size();
        if (n == 0) {
            return sha(-1);
        }
        if (n == 1) {
            return sha(0x00, d.get(0));
        }
        int k = largestPowerOfTwoBelow(n);
        return sha(0x01, mth(d.subList(0, k)), mth(d.subList(k, n)));
    }

    private static List<byte[]> path(int m, List<byte[]> d) throws Exception {
        int n = d.size();
        List<byte[]> out = new ArrayList<>();
        if (n == 1) {
            return out;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            out.addAll(path(m, d.subList(0, k)));
            out.add(mth(d.subList(k, n)));
        } else {
            out.addAll(path(m - k, d.subList(k, n)));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) throws Exception {
        int n = d.size();
        List<byte[]> out = new ArrayList<>();
        if (m == n) {
            if (!b) {
                out.add(mth(d));
            }
            return out;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            out.addAll(subproof(m, d.subList(0, k), b));
            out.add(mth(d.subList(k, n)));
        } else {
            out.addAll(subproof(m - k, d.subList(k, n), false));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HexFormat.of()::formatHex).toList();
    }

    private static byte[] flipped(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[(bit / 8) % copy.length] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    // ---- vectors ----

    @Test
    void the_empty_tree_hashes_to_sha256_of_nothing() {
        assertThat(HexFormat.of().formatHex(Merkle.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(new MerkleLog(new InMemoryNodeStore()).root()).isEqualTo(Merkle.emptyRoot());
    }

    @Test
    void a_one_leaf_tree_over_32_zero_bytes_hashes_the_zero_prefix_then_the_data() throws Exception {
        byte[] zeros = new byte[32];
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(new byte[33]); // 0x00 prefix followed by the 32 zero bytes
        byte[] expected = sha.digest();

        MerkleLog one = new MerkleLog(new InMemoryNodeStore());
        one.append(Merkle.leafHash(zeros));
        assertThat(one.root()).isEqualTo(expected);
        assertThat(one.root(1)).isEqualTo(expected);
        assertThat(HexFormat.of().formatHex(expected))
                .isEqualTo("7f9c9e31ac8256ca2f258583df262dbc7d6f68f2a03043d5c99a4ae5a7396ce9");
    }

    @Test
    void a_two_leaf_tree_joins_the_leaves_under_the_one_prefix() throws Exception {
        byte[] left = Merkle.leafHash(new byte[] {1});
        byte[] right = Merkle.leafHash(new byte[] {2});
        MerkleLog two = new MerkleLog(new InMemoryNodeStore());
        two.append(left);
        two.append(right);
        byte[] joined = new byte[65];
        joined[0] = 1;
        System.arraycopy(left, 0, joined, 1, 32);
        System.arraycopy(right, 0, joined, 33, 32);
        assertThat(two.root()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(joined));
    }

    // ---- every size from 1 to 64 against the RFC's definitions ----

    @Test
    void roots_of_every_size_match_the_rfc_definition() throws Exception {
        MerkleLog growing = new MerkleLog(new InMemoryNodeStore());
        MerkleFrontier frontier = new MerkleFrontier();
        assertThat(log.root(0)).isEqualTo(mth(List.of()));
        assertThat(frontier.root()).isEqualTo(mth(List.of()));
        for (int n = 1; n <= MAX; n++) {
            growing.append(Merkle.leafHash(DATA.get(n - 1)));
            frontier.append(Merkle.leafHash(DATA.get(n - 1)));
            byte[] expected = mth(DATA.subList(0, n));
            assertThat(log.root(n)).as("root(%d) from stored nodes", n).isEqualTo(expected);
            assertThat(growing.root()).as("root() at size %d from the frontier", n).isEqualTo(expected);
            assertThat(frontier.root()).as("MerkleFrontier at size %d", n).isEqualTo(expected);
            assertThat(frontier.size()).isEqualTo(n);
        }
    }

    @Test
    void inclusion_proofs_of_every_leaf_of_every_size_match_the_rfc_and_verify() throws Exception {
        for (int n = 1; n <= MAX; n++) {
            byte[] root = mth(DATA.subList(0, n));
            for (int i = 0; i < n; i++) {
                List<byte[]> proof = log.inclusionProof(i, n);
                assertThat(hex(proof)).as("PATH(%d, D[%d])", i, n).isEqualTo(hex(path(i, DATA.subList(0, n))));
                byte[] leaf = Merkle.leafHash(DATA.get(i));
                assertThat(Merkle.verifyInclusion(i, n, leaf, proof, root)).as("leaf %d of %d", i, n).isTrue();
            }
        }
    }

    @Test
    void inclusion_proofs_fail_when_anything_is_changed() throws Exception {
        for (int n = 1; n <= MAX; n++) {
            byte[] root = mth(DATA.subList(0, n));
            for (int i = 0; i < n; i++) {
                List<byte[]> proof = log.inclusionProof(i, n);
                byte[] leaf = Merkle.leafHash(DATA.get(i));
                int bit = i * 7 + n;
                assertThat(Merkle.verifyInclusion(i, n, flipped(leaf, bit), proof, root)).isFalse();
                assertThat(Merkle.verifyInclusion(i, n, leaf, proof, flipped(root, bit))).isFalse();
                for (int j = 0; j < proof.size(); j++) {
                    List<byte[]> tampered = new ArrayList<>(proof);
                    tampered.set(j, flipped(proof.get(j), bit));
                    assertThat(Merkle.verifyInclusion(i, n, leaf, tampered, root)).as("element %d", j).isFalse();
                }
                if (!proof.isEmpty()) {
                    assertThat(Merkle.verifyInclusion(i, n, leaf, proof.subList(0, proof.size() - 1), root)).isFalse();
                }
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(root);
                assertThat(Merkle.verifyInclusion(i, n, leaf, longer, root)).isFalse();
                assertThat(Merkle.verifyInclusion(n, n, leaf, proof, root)).isFalse();
                if (n > 1) {
                    assertThat(Merkle.verifyInclusion((i + 1) % n, n, leaf, proof, root)).isFalse();
                }
            }
        }
    }

    @Test
    void consistency_proofs_between_every_pair_of_sizes_match_the_rfc_and_verify() throws Exception {
        for (int n = 1; n <= MAX; n++) {
            byte[] rootN = mth(DATA.subList(0, n));
            for (int m = 1; m <= n; m++) {
                byte[] rootM = mth(DATA.subList(0, m));
                List<byte[]> proof = log.consistencyProof(m, n);
                assertThat(hex(proof)).as("PROOF(%d, D[%d])", m, n)
                        .isEqualTo(hex(subproof(m, DATA.subList(0, n), true)));
                assertThat(Merkle.verifyConsistency(m, n, rootM, rootN, proof)).as("%d -> %d", m, n).isTrue();
            }
        }
    }

    @Test
    void consistency_proofs_fail_when_anything_is_changed() throws Exception {
        for (int n = 1; n <= MAX; n++) {
            byte[] rootN = mth(DATA.subList(0, n));
            for (int m = 1; m <= n; m++) {
                byte[] rootM = mth(DATA.subList(0, m));
                List<byte[]> proof = log.consistencyProof(m, n);
                int bit = m * 5 + n;
                assertThat(Merkle.verifyConsistency(m, n, flipped(rootM, bit), rootN, proof)).isFalse();
                assertThat(Merkle.verifyConsistency(m, n, rootM, flipped(rootN, bit), proof)).isFalse();
                for (int j = 0; j < proof.size(); j++) {
                    List<byte[]> tampered = new ArrayList<>(proof);
                    tampered.set(j, flipped(proof.get(j), bit));
                    assertThat(Merkle.verifyConsistency(m, n, rootM, rootN, tampered))
                            .as("%d -> %d, element %d", m, n, j).isFalse();
                }
                if (!proof.isEmpty()) {
                    assertThat(Merkle.verifyConsistency(m, n, rootM, rootN, proof.subList(1, proof.size()))).isFalse();
                }
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(rootN);
                assertThat(Merkle.verifyConsistency(m, n, rootM, rootN, longer)).isFalse();
                if (m < n) {
                    byte[] rootNext = mth(DATA.subList(0, m + 1));
                    assertThat(Merkle.verifyConsistency(m, n, rootNext, rootN, proof)).as("wrong old root").isFalse();
                    assertThat(Merkle.verifyConsistency(m + 1, n, rootM, rootN, proof)).as("wrong old size").isFalse();
                }
            }
        }
    }

    @Test
    void consistency_from_the_empty_tree_or_backwards_is_refused() {
        byte[] root = log.root(5);
        assertThat(Merkle.verifyConsistency(0, 5, Merkle.emptyRoot(), root, List.of())).isFalse();
        assertThat(Merkle.verifyConsistency(6, 5, root, root, List.of())).isFalse();
        assertThatThrownBy(() -> log.consistencyProof(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.consistencyProof(3, MAX + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.inclusionProof(5, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- persistence ----

    @Test
    void a_log_reopened_over_its_store_continues_exactly() throws Exception {
        InMemoryNodeStore store = new InMemoryNodeStore();
        MerkleLog first = new MerkleLog(store);
        for (int i = 0; i < 37; i++) {
            first.appendEntryHash(HexFormat.of().formatHex(DATA.get(i)));
        }
        MerkleLog reopened = MerkleLog.open(store, 37);
        assertThat(reopened.root()).isEqualTo(mth(DATA.subList(0, 37)));
        reopened.appendAll(DATA.subList(37, MAX).stream().map(Merkle::leafHash).toList());
        assertThat(reopened.size()).isEqualTo(MAX);
        assertThat(reopened.root()).isEqualTo(mth(DATA));
        assertThat(reopened.leafHash(40)).isEqualTo(Merkle.leafHash(DATA.get(40)));
    }

    @Test
    void a_failed_write_leaves_the_log_unchanged() throws Exception {
        InMemoryNodeStore backing = new InMemoryNodeStore();
        AtomicInteger allowed = new AtomicInteger(3);
        NodeStore flaky = new NodeStore() {
            @Override
            public byte[] get(int level, long index) {
                return backing.get(level, index);
            }

            @Override
            public void put(int level, long index, byte[] hash) {
                backing.put(level, index, hash);
            }

            @Override
            public void putAll(Map<NodeId, byte[]> nodes) {
                if (allowed.getAndDecrement() <= 0) {
                    throw new IllegalStateException("database down");
                }
                NodeStore.super.putAll(nodes);
            }
        };
        MerkleLog flakyLog = new MerkleLog(flaky);
        for (int i = 0; i < 3; i++) {
            flakyLog.append(Merkle.leafHash(DATA.get(i)));
        }
        assertThatThrownBy(() -> flakyLog.append(Merkle.leafHash(DATA.get(3)))).hasMessage("database down");
        assertThat(flakyLog.size()).isEqualTo(3);
        assertThat(flakyLog.root()).isEqualTo(mth(DATA.subList(0, 3)));
        allowed.set(1);
        flakyLog.append(Merkle.leafHash(DATA.get(3)));
        assertThat(flakyLog.root()).isEqualTo(mth(DATA.subList(0, 4)));
    }

    @Test
    void a_stored_node_never_changes() {
        InMemoryNodeStore store = new InMemoryNodeStore();
        byte[] hash = Merkle.leafHash(new byte[] {1});
        store.put(3, 70_000, hash);
        store.put(3, 70_000, hash.clone());
        assertThat(store.get(3, 70_000)).isEqualTo(hash);
        assertThat(store.get(3, 69_999)).isNull();
        assertThat(store.get(9, 1)).isNull();
        assertThatThrownBy(() -> store.put(3, 70_000, Merkle.leafHash(new byte[] {2})))
                .isInstanceOf(IllegalStateException.class);
    }

    // ---- cost at scale ----

    @Test
    void roots_and_proofs_at_two_and_a_half_million_leaves_read_a_logarithmic_number_of_nodes() {
        long n = 2_500_000;
        InMemoryNodeStore backing = new InMemoryNodeStore();
        AtomicInteger batches = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        NodeStore counting = new NodeStore() {
            @Override
            public byte[] get(int level, long index) {
                reads.incrementAndGet();
                return backing.get(level, index);
            }

            @Override
            public void put(int level, long index, byte[] hash) {
                backing.put(level, index, hash);
            }

            @Override
            public List<byte[]> getAll(List<NodeId> nodes) {
                batches.incrementAndGet();
                return NodeStore.super.getAll(nodes);
            }
        };
        MerkleLog big = new MerkleLog(counting);
        byte[] data = new byte[32];
        List<byte[]> batch = new ArrayList<>(10_000);
        for (long i = 0; i < n; i++) {
            data[0] = (byte) i;
            data[1] = (byte) (i >> 8);
            data[2] = (byte) (i >> 16);
            batch.add(Merkle.leafHash(data));
            if (batch.size() == 10_000) {
                big.appendAll(batch);
                batch.clear();
            }
        }
        assertThat(big.size()).isEqualTo(n);
        assertThat(reads.get()).as("appending reads nothing back").isZero();
        int logN = 64 - Long.numberOfLeadingZeros(n); // 22

        byte[] root = big.root(n);
        assertThat(root).isEqualTo(big.root());
        assertThat(reads.get()).isLessThanOrEqualTo(logN);

        long m = 1_234_567;
        byte[] rootM = big.root(m);

        reads.set(0);
        batches.set(0);
        List<byte[]> inclusion = big.inclusionProof(m, n);
        assertThat(batches.get()).isEqualTo(1);
        assertThat(reads.get()).isLessThanOrEqualTo(2 * logN);
        assertThat(Merkle.verifyInclusion(m, n, big.leafHash(m), inclusion, root)).isTrue();

        reads.set(0);
        batches.set(0);
        List<byte[]> consistency = big.consistencyProof(m, n);
        assertThat(batches.get()).isEqualTo(1);
        assertThat(reads.get()).isLessThanOrEqualTo(2 * logN);
        assertThat(Merkle.verifyConsistency(m, n, rootM, root, consistency)).isTrue();

        reads.set(0);
        MerkleLog reopened = MerkleLog.open(counting, n);
        assertThat(reads.get()).isLessThanOrEqualTo(logN);
        assertThat(reopened.root()).isEqualTo(root);
    }
}
