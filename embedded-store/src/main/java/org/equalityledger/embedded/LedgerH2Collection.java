package org.equalityledger.embedded;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * An H2 collection that matches {@code {field: {$in: [...]}}} by set membership. The server matches
 * every document its index found against the query again, and its matcher walks the whole {@code $in}
 * list for each document: a window of a thousand positions cost a million comparisons. Every read the
 * ledger makes is such a window, so this is the read path; other queries are matched as before.
 */
final class LedgerH2Collection extends H2Collection {

    /** A query of that shape, with its values normalised as the server's unique indexes normalise keys; null values for another shape. */
    private record Membership(Document query, String field, Set<Object> values) {
    }

    private volatile Membership last;

    LedgerH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> documents,
                       MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, documents, meta, cursors);
    }

    @Override
    protected boolean documentMatchesQuery(Document document, Document query) {
        Membership membership = membershipOf(query);
        if (membership.values() == null) {
            return super.documentMatchesQuery(document, query);
        }
        Object value = document.get(membership.field());
        if (value instanceof Collection<?> elements) {
            for (Object element : elements) {
                if (membership.values().contains(normalised(element))) {
                    return true;
                }
            }
            return false;
        }
        return value != null && membership.values().contains(normalised(value));
    }

    /**
     * The query's membership test when it has that shape with only strings and numbers listed, else one
     * without values; remembered for the query object, which the server passes for every document.
     */
    private Membership membershipOf(Document query) {
        Membership cached = last;
        if (cached != null && cached.query() == query) {
            return cached;
        }
        Set<Object> values = membershipValues(query);
        Membership membership = new Membership(query, values == null ? null : query.keySet().iterator().next(), values);
        last = membership;
        return membership;
    }

    private static Set<Object> membershipValues(Document query) {
        if (query.size() != 1) {
            return null;
        }
        Map.Entry<String, Object> only = query.entrySet().iterator().next();
        String field = only.getKey();
        if (field.startsWith("$") || field.contains(".") || !(only.getValue() instanceof Document condition)
                || condition.size() != 1 || !(condition.get("$in") instanceof Collection<?> listed)) {
            return null;
        }
        Set<Object> values = new HashSet<>(listed.size() * 2);
        for (Object value : listed) {
            if (!(value instanceof String) && !(value instanceof Number)) {
                return null;
            }
            values.add(normalised(value));
        }
        return values;
    }

    private static Object normalised(Object value) {
        return new KeyValue(value).normalized().get(0);
    }
}
