package org.equalityledger.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;

/**
 * An H2 database whose unique indexes ({@code _id} among them) keep their keys in maps typed by
 * {@link KeyValueType}, under names of their own ({@code <db>.<collection>._keys_<index>}). A file
 * written before has its indexes in maps ordered another way ({@code ._index_<index>}): those are
 * removed and the index is filled again from the collection's documents when the database opens.
 * Its collections are {@link LedgerH2Collection}s, their documents stored by {@link DocumentType}.
 */
final class LedgerH2Database extends H2Database {

    private static final Logger log = LoggerFactory.getLogger(LedgerH2Database.class);
    private static final String KEYS = "._keys_";
    private static final String FORMER_KEYS = "._index_";
    private static final String DATA = "databases.";
    private static final String META = "meta.";
    private static final String FORMAT = "ledger_store_format";
    private static final String DOCUMENTS = "documents";
    private static final String BSON = "bson";
    private static final String REWRITING = "rewriting.";

    /** The superclass opens the indexes from its constructor, before this class's fields are set. */
    private static final ThreadLocal<Opening> OPENING = new ThreadLocal<>();

    private record Opening(MVStore store, List<Refill> refills) {
    }

    private record Refill(String collection, KeyIndex index) {
    }

    private final MVStore store;

    private LedgerH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
        this.store = store;
    }

    static LedgerH2Database open(String name, MVStore store, CursorRegistry cursors) {
        Opening opening = new Opening(store, new ArrayList<>());
        OPENING.set(opening);
        LedgerH2Database database;
        try {
            database = new LedgerH2Database(name, store, cursors);
        } finally {
            OPENING.remove();
        }
        for (Refill refill : opening.refills()) {
            database.refill(refill);
        }
        return database;
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                   boolean sparse) {
        Opening opening = OPENING.get();
        MVStore mvStore = mvStore();
        String namespace = getFullCollectionNamespace(collectionName);
        String mapName = namespace + KEYS + indexName;
        boolean known = mvStore.hasMap(mapName);
        MVMap<KeyValue, Object> map = mvStore.openMap(mapName, new MVMap.Builder<KeyValue, Object>()
                .keyType(KeyValueType.INSTANCE));
        KeyIndex index = new KeyIndex(map, indexName, keys, sparse);
        String former = namespace + FORMER_KEYS + indexName;
        if (mvStore.hasMap(former)) {
            mvStore.removeMap(former);
        }
        if (!known && opening != null && mvStore.hasMap(DATA + namespace)) {
            opening.refills().add(new Refill(collectionName, index));
        }
        return index;
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        MVStore mvStore = mvStore();
        String namespace = getFullCollectionNamespace(collectionName);
        return new LedgerH2Collection(this, collectionName, options, documents(mvStore, DATA + namespace),
                mvStore.openMap(META + namespace), cursorRegistry);
    }

    private static MVMap<Object, Document> documents(MVStore store, String mapName) {
        return store.openMap(mapName, new MVMap.Builder<Object, Document>().valueType(DocumentType.INSTANCE));
    }

    /**
     * Rewrites the collections of a file written before documents were stored as BSON (they were
     * Java-serialised), each into a new map that then takes the old one's name; one commit at the end,
     * so a crash part way leaves the file as it was, with at most a leftover copy to throw away.
     * Runs before the backend opens anything.
     */
    static void storeDocumentsAsBson(MVStore store) {
        MVMap<String, String> format = store.openMap(FORMAT);
        if (BSON.equals(format.get(DOCUMENTS))) {
            return;
        }
        for (String name : List.copyOf(store.getMapNames())) {
            if (name.startsWith(REWRITING)) {
                store.removeMap(name);
            }
        }
        long count = 0;
        for (String name : List.copyOf(store.getMapNames())) {
            if (!name.startsWith(DATA)) {
                continue;
            }
            MVMap<Object, Document> former = store.openMap(name);
            MVMap<Object, Document> rewritten = documents(store, REWRITING + name);
            for (Map.Entry<Object, Document> entry : former.entrySet()) {
                rewritten.put(entry.getKey(), entry.getValue());
                count++;
            }
            store.removeMap(former);
            store.renameMap(rewritten, name);
        }
        format.put(DOCUMENTS, BSON);
        store.commit();
        if (count > 0) {
            log.info("Stored {} documents of a file written before as BSON", count);
        }
    }

    private MVStore mvStore() {
        return store != null ? store : OPENING.get().store();
    }

    /** Fills an index that a file written before this key type lacks, from the collection's documents. */
    private void refill(Refill refill) {
        MongoCollection<Object> collection = resolveCollection(refill.collection(), true);
        MVMap<Object, Document> documents = documents(store, DATA + getFullCollectionNamespace(refill.collection()));
        refill.index().clear();
        long count = 0;
        for (Map.Entry<Object, Document> entry : documents.entrySet()) {
            refill.index().add(entry.getValue(), entry.getKey(), collection);
            count++;
        }
        log.info("Index {} of {} filled again from its {} documents", refill.index().getName(),
                getFullCollectionNamespace(refill.collection()), count);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        store.removeMap(getFullCollectionNamespace(collection.getCollectionName()) + KEYS + indexName);
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        String from = collection.getFullName() + KEYS;
        String to = getFullCollectionNamespace(newCollectionName) + KEYS;
        super.moveCollection(oldDatabase, collection, newCollectionName);
        for (String name : List.copyOf(store.getMapNames())) {
            if (name.startsWith(from)) {
                store.renameMap(store.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE)),
                        to + name.substring(from.length()));
            }
        }
    }
}
