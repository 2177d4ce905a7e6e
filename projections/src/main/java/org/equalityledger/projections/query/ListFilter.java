package org.equalityledger.projections.query;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.bson.Document;

/**
 * A filter on commitment lists; every field is optional. {@code year} keeps commitments running in
 * that year; {@code text} searches the title and the maker's name, case-insensitively.
 */
public record ListFilter(String initiative, String action, String group, String country, String status, Integer year,
                         String text) {

    public static ListFilter none() {
        return new ListFilter(null, null, null, null, null, null, null);
    }

    Predicate<Document> predicate() {
        return row -> (initiative == null || row.getList("initiatives", String.class, List.of()).contains(initiative))
                && (action == null || row.getList("actions", String.class, List.of()).stream()
                        .anyMatch(a -> a.equals(action) || a.endsWith(":" + action)))
                && (group == null || group.equalsIgnoreCase(row.getString("stakeholderGroup")))
                && (country == null || country.equalsIgnoreCase(row.getString("country")))
                && (status == null || status.equalsIgnoreCase(row.getString("status")))
                && (year == null || (row.getInteger("startYear") <= year && year <= row.getInteger("endYear")))
                && (text == null || contains(row.getString("title"), text) || contains(row.getString("makerName"), text));
    }

    private static boolean contains(String value, String text) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
    }
}
