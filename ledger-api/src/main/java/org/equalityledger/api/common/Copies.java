package org.equalityledger.api.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Unmodifiable defensive copies for record components: {@code null} becomes empty, and (unlike
 * {@code List.copyOf}) null elements survive so that validation can name them instead of failing
 * with a NullPointerException.
 */
public final class Copies {

    private Copies() {
    }

    public static <T> List<T> list(List<T> source) {
        return source == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(source));
    }

    public static <T> Set<T> set(Set<T> source) {
        return source == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(source));
    }

    public static <K, V> Map<K, V> map(Map<K, V> source) {
        return source == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(source));
    }
}
