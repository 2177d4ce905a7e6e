package org.equalityledger.service.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * The commitment makers a user registered for itself ("self-registration" by an ally): the ally acts
 * for them from then on, on top of the makers its login names. One document per user, keyed by user
 * id ({@code _id}); only equality look-ups on {@code _id}. This is access data, not ledger data: the
 * registration itself is the maker's {@code CommitmentMakerRegistered} event, with the user as actor.
 */
public class SelfRegisteredMakers {

    public static final String COLLECTION = "api_user_makers";

    private final MongoCollection<Document> collection;

    public SelfRegisteredMakers(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    public Set<String> of(String userId) {
        Document doc = collection.find(Filters.eq("_id", userId)).first();
        Set<String> makers = new LinkedHashSet<>();
        if (doc != null) {
            List<String> list = doc.getList("makers", String.class);
            if (list != null) {
                makers.addAll(list);
            }
        }
        return makers;
    }

    public void add(String userId, String makerId) {
        collection.updateOne(Filters.eq("_id", userId), Updates.addToSet("makers", makerId),
                new UpdateOptions().upsert(true));
    }
}
