package org.equalityledger.service.site.workspace.auditor;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.equalityledger.service.site.SiteContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A changed value as a person reads it. The value goes through the API's JSON form first (the shape an
 * auditor also sees in {@code GET /api/commitments/{id}/history}), never through a Java {@code toString}:
 * then numbers, dates and sums of money take the reader's language, lists are joined and objects list
 * their fields.
 */
final class ReadableValues {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final ObjectMapper json;
    private final SiteContext site;
    private final String none;

    ReadableValues(ObjectMapper json, SiteContext site, String none) {
        this.json = json;
        this.site = site;
        this.none = none;
    }

    String text(Object value) {
        return text(value instanceof JsonNode node ? node : json.valueToTree(value));
    }

    private String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return none;
        }
        if (node.isNumber()) {
            return site.number(node.decimalValue());
        }
        if (node.isTextual()) {
            String text = node.asText();
            return DAY.matcher(text).matches() ? site.date(text) : text;
        }
        if (node.isArray()) {
            if (node.isEmpty()) {
                return none;
            }
            List<String> items = new ArrayList<>();
            boolean objects = false;
            for (JsonNode item : node) {
                objects |= item.isObject();
                items.add(text(item));
            }
            return String.join(objects ? "; " : ", ", items);
        }
        if (node.isObject()) {
            if (node.size() == 2 && node.has("amount") && node.has("currency") && node.get("amount").isNumber()) {
                return site.money(node.get("amount").decimalValue(), node.get("currency").asText());
            }
            List<String> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getValue().isNull()) {
                    fields.add(field.getKey() + ": " + text(field.getValue()));
                }
            }
            return fields.isEmpty() ? none : String.join(", ", fields);
        }
        return node.asText();
    }
}
