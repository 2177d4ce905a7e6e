package org.equalityledger.projections.store;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * The collections the readers read, by the read model's name (e.g. {@code rm_commitments}). Every
 * reader and every live projector asks here instead of naming a collection of the database, so that a
 * rebuild can build new collections beside the ones being read and switch readers in one step.
 */
public interface ReadModels {

    MongoCollection<Document> collection(String name);

    /** The read models as collections of their own name: a database nothing rebuilds beside. */
    static ReadModels of(MongoDatabase database) {
        return database::getCollection;
    }
}
