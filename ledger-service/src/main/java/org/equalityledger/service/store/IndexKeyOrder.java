package org.equalityledger.service.store;

import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * The key type of the in-process server's unique indexes, in the same order H2 has always kept them.
 *
 * <p>An index key ({@link KeyValue}) is not {@link Comparable}, so H2's default type orders two keys
 * by their Java serialisation, serialising both on every comparison: a lookup by {@code _id} in a
 * large collection serialised some forty objects, and that was most of the server's time. Here a
 * key's serialised form is remembered by identity (the key searched for, and the keys of the B-tree
 * pages H2 keeps in memory, are the same objects comparison after comparison), so each is serialised
 * about once. The order, and what is written to the file, are unchanged: existing files need nothing.
 */
final class IndexKeyOrder extends ObjectDataType {

    static final IndexKeyOrder INSTANCE = new IndexKeyOrder();

    /** Direct-mapped by identity hash (some 10 MB when full); a slot lost to a collision is only serialised again. */
    private static final int SLOTS = 1 << 16;

    private record Serialised(Object key, byte[] bytes) {
    }

    private final Serialised[] cache = new Serialised[SLOTS];

    private IndexKeyOrder() {
    }

    @Override
    public int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a instanceof KeyValue && b instanceof KeyValue) {
            return compareNotNull(serialised(a), serialised(b));
        }
        return super.compare(a, b);
    }

    private byte[] serialised(Object key) {
        int slot = System.identityHashCode(key) & (SLOTS - 1);
        // Racy on purpose: a record's fields are final, so a reader sees a whole entry or another one.
        Serialised known = cache[slot];
        if (known != null && known.key() == key) {
            return known.bytes();
        }
        byte[] bytes = serialize(key);
        cache[slot] = new Serialised(key, bytes);
        return bytes;
    }
}
