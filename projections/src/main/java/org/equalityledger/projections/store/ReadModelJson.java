package org.equalityledger.projections.store;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Read-model state to and from BSON documents, through Jackson. Decimal amounts travel as strings so
 * that nothing is rounded on the way (BSON has no exact decimal in plain JSON).
 */
public final class ReadModelJson {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule().addSerializer(BigDecimal.class, ToStringSerializer.instance)
                    .addSerializer(Set.class, new SortedSetSerializer())
                    .addAbstractTypeMapping(Set.class, LinkedHashSet.class))
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);

    /**
     * Sets are written in a fixed order (of their elements' text), so that the same state is the
     * same document whichever JVM, hash seed or batch built it.
     */
    @SuppressWarnings("rawtypes")
    private static final class SortedSetSerializer extends StdSerializer<Set> {
        SortedSetSerializer() {
            super(Set.class);
        }

        @Override
        public void serialize(Set value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            List<Object> sorted = new ArrayList<>(value);
            sorted.sort(Comparator.comparing(String::valueOf));
            gen.writeStartArray();
            for (Object element : sorted) {
                provider.defaultSerializeValue(element, gen);
            }
            gen.writeEndArray();
        }
    }

    private ReadModelJson() {
    }

    /**
     * The value as a document, through Jackson's token buffer rather than JSON text: writing every
     * commitment's state at each batch made the text and its parsing a good part of a rebuild.
     * Whole numbers come out as the smallest of int and long that holds them, as parsed JSON did.
     */
    public static Document toDocument(Object value) {
        try {
            Object tree = MAPPER.convertValue(value, Object.class);
            if (!(tree instanceof Map<?, ?> map)) {
                throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as a document");
            }
            return document(map);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * A folded state as stored in a read model: JSON text in one string field. A state is read and
     * written whole, by {@code _id}, never queried by its fields, and a nested document of a few
     * kilobytes cost every layer of a write (the driver, the wire, the server's decoding, sizing and
     * storing) a step per field: writing thousands of them made most of a rebuild.
     */
    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    /** The JSON of many values at once, on the common pool's threads beside the caller's (the mapper is thread-safe). */
    public static Map<String, String> toJson(java.util.Collection<String> ids, Map<String, ?> values) {
        if (ids.size() < 64) {
            Map<String, String> texts = new java.util.HashMap<>();
            ids.forEach(id -> texts.put(id, toJson(values.get(id))));
            return texts;
        }
        return ids.parallelStream().collect(java.util.stream.Collectors.toConcurrentMap(id -> id, id -> toJson(values.get(id))));
    }

    /**
     * A value stored by {@link #toJson}; also one stored as a nested document, as read models written
     * before the text form still hold until they are rebuilt.
     */
    public static <T> T fromStored(Object stored, Class<T> type) {
        return fromStored(stored, MAPPER.constructType(type));
    }

    public static <T> T fromStored(Object stored, TypeReference<T> type) {
        return fromStored(stored, MAPPER.constructType(type));
    }

    private static <T> T fromStored(Object stored, JavaType type) {
        if (stored instanceof Document document) {
            try {
                return MAPPER.convertValue(document, type);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("cannot read " + type, e);
            }
        }
        if (!(stored instanceof String text)) {
            throw new IllegalStateException("no stored " + type + " in " + stored);
        }
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read " + type, e);
        }
    }


    private static Document document(Map<?, ?> map) {
        Document doc = new Document();
        map.forEach((k, v) -> doc.put(String.valueOf(k), bson(v)));
        return doc;
    }

    private static Object bson(Object value) {
        if (value instanceof Map<?, ?> map) {
            return document(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(bson(v)));
            return copy;
        }
        if (value instanceof Long l && l == l.intValue()) {
            return l.intValue();
        }
        if (value instanceof BigInteger || value instanceof Float) {
            throw new IllegalStateException("no exact BSON for " + value.getClass().getSimpleName() + " " + value);
        }
        return value;
    }
}
