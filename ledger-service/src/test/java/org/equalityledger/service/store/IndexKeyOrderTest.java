package org.equalityledger.service.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.bwaldvogel.mongo.backend.KeyValue;

/** The faster index key type must keep H2's order exactly, or files written before it would be misread. */
class IndexKeyOrderTest {

    @Test
    void ordersKeysAsH2sDefaultTypeDoes() {
        ObjectDataType h2 = new ObjectDataType();
        Random random = new Random(7);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            keys.add(switch (i % 4) {
                case 0 -> new KeyValue("demo-c-" + String.format("%06d", random.nextInt(1_000_000)));
                case 1 -> new KeyValue((long) random.nextInt(1_000_000));
                case 2 -> new KeyValue("c:" + random.nextInt(5_000), random.nextInt(50));
                default -> new KeyValue("initiative:ac-gbv|" + (2021 + random.nextInt(6)));
            });
        }
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                assertThat(Integer.signum(IndexKeyOrder.INSTANCE.compare(a, b)))
                        .as("%s vs %s", a, b).isEqualTo(Integer.signum(h2.compare(a, b)));
                // Equal values that are different objects: the identity cache must not matter.
                assertThat(IndexKeyOrder.INSTANCE.compare(a, new KeyValue(a.stream().toList()))).isZero();
            }
        }
    }

    @Test
    void findsEveryKeyOfAMapWrittenWithH2sDefaultType(@TempDir Path dir) {
        String file = dir.resolve("index.mv.db").toString();
        List<KeyValue> keys = new ArrayList<>();
        try (MVStore store = new MVStore.Builder().fileName(file).open()) {
            MVMap<KeyValue, Object> map = store.openMap("db.rm_commitments._index__id_");
            for (int i = 0; i < 5_000; i++) {
                KeyValue key = new KeyValue(String.format("demo-c-%06d", i * 7919 % 100_000));
                keys.add(key);
                map.put(key, (long) i);
            }
            store.commit();
        }
        try (MVStore store = new MVStore.Builder().fileName(file).open()) {
            MVMap<KeyValue, Object> map = store.openMap("db.rm_commitments._index__id_",
                    new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyOrder.INSTANCE));
            for (int i = 0; i < keys.size(); i++) {
                assertThat(map.get(new KeyValue(keys.get(i).get(0)))).isEqualTo((long) i);
            }
            assertThat(map.get(new KeyValue("demo-c-not-there"))).isNull();
        }
    }
}
