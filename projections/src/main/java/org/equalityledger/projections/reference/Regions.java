package org.equalityledger.projections.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.equalityledger.projections.store.ReadModelJson;

import com.fasterxml.jackson.databind.JsonNode;

/** The region of a country (ISO 3166-1 alpha-2), from reference data ({@value #RESOURCE}). */
public final class Regions {

    public static final String RESOURCE = "/reference/regions.json";
    public static final String OTHER = "OTHER";

    private static final Regions SHIPPED = load();

    private final Map<String, String> regionOf;
    private final String basis;

    private Regions(Map<String, String> regionOf, String basis) {
        this.regionOf = regionOf;
        this.basis = basis;
    }

    public static Regions shipped() {
        return SHIPPED;
    }

    private static Regions load() {
        try (InputStream in = Regions.class.getResourceAsStream(RESOURCE)) {
            JsonNode root = ReadModelJson.MAPPER.readTree(in);
            Map<String, String> regionOf = new HashMap<>();
            root.path("regions").fields().forEachRemaining(r -> {
                for (String country : r.getValue().asText().split(" ")) {
                    regionOf.put(country, r.getKey());
                }
            });
            return new Regions(regionOf, root.path("basis").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String regionOf(String country) {
        return country == null ? OTHER : regionOf.getOrDefault(country, OTHER);
    }

    /** Every region a maker may be in, {@value #OTHER} included. */
    public java.util.SortedSet<String> names() {
        java.util.SortedSet<String> names = new java.util.TreeSet<>(regionOf.values());
        names.add(OTHER);
        return names;
    }

    public String basis() {
        return basis;
    }
}
