package org.equalityledger.projections.store;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

/**
 * Read models in generations, so that a rebuild writes beside what readers read. Each projection's
 * collections of generation {@code g} are named {@code <read model>__g<g>} (generation 1 keeps the
 * plain name, so read models built before generations still serve); the generation readers read is
 * one document per projection in {@value #POINTERS}, {@code {_id: <projection>, generation}}, read
 * at start and kept in memory: a rebuild switches it in one write, then drops the generation it
 * replaced. Read models of no registered projection are collections of their own name.
 */
public final class ReadModelGenerations implements ReadModels {

    public static final String POINTERS = "rm_generations";
    private static final String GENERATION = "__g";

    private final MongoDatabase database;
    private final Map<String, List<String>> collectionsOf;
    private final Map<String, String> projectionOf = new LinkedHashMap<>();
    private final Map<String, Integer> current = new ConcurrentHashMap<>();

    /** @param collectionsOf each projection's read models, by the projection's name */
    public ReadModelGenerations(MongoDatabase database, Map<String, List<String>> collectionsOf) {
        this.database = database;
        this.collectionsOf = Map.copyOf(collectionsOf);
        collectionsOf.forEach((projection, names) -> names.forEach(name -> projectionOf.put(name, projection)));
        for (Document pointer : database.getCollection(POINTERS).find()) {
            current.put(pointer.getString("_id"), pointer.getInteger("generation"));
        }
    }

    @Override
    public MongoCollection<Document> collection(String name) {
        String projection = projectionOf.get(name);
        return database.getCollection(projection == null ? name : stored(name, generation(projection)));
    }

    /** The generation readers read. */
    public int generation(String projection) {
        return current.getOrDefault(projection, 1);
    }

    /** The projection's read models as generation {@code generation} holds them, the others as readers read them. */
    public ReadModels of(String projection, int generation) {
        return name -> projection.equals(projectionOf.get(name)) ? database.getCollection(stored(name, generation))
                : collection(name);
    }

    /** Points every reader, and every projector bound to this object, at {@code generation}: one write. */
    public void switchTo(String projection, int generation) {
        database.getCollection(POINTERS).replaceOne(eq("_id", projection),
                new Document("_id", projection).append("generation", generation), new ReplaceOptions().upsert(true));
        current.put(projection, generation);
    }

    /** Drops the projection's collections of {@code generation} (those that exist). */
    public void drop(String projection, int generation) {
        Projector.dropExisting(database, collectionsOf.get(projection).stream().map(n -> stored(n, generation)).toList());
    }

    /**
     * Drops every generation that readers do not read: what a rebuild that stopped midway (a crash,
     * a failure) left beside them. Returns the collections dropped.
     */
    public List<String> dropOrphans() {
        Set<String> existing = database.listCollectionNames().into(new HashSet<>());
        List<String> orphans = new ArrayList<>();
        collectionsOf.forEach((projection, names) -> {
            for (String name : names) {
                String read = stored(name, generation(projection));
                for (String collection : existing) {
                    if (!collection.equals(read) && (collection.equals(name) || isGenerationOf(collection, name))) {
                        orphans.add(collection);
                    }
                }
            }
        });
        orphans.forEach(c -> database.getCollection(c).drop());
        return orphans;
    }

    private static boolean isGenerationOf(String collection, String name) {
        String prefix = name + GENERATION;
        return collection.startsWith(prefix) && collection.length() > prefix.length()
                && collection.substring(prefix.length()).chars().allMatch(Character::isDigit);
    }

    static String stored(String name, int generation) {
        return generation == 1 ? name : name + GENERATION + generation;
    }
}
