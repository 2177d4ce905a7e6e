package org.equalityledger.service.site.workspace;

import java.util.Map;

/**
 * Why a workspace form was refused, in the reader's language: a message for the whole form and one beside
 * each field it concerns (by the form's field names). {@code rule} is the ledger rule's code, if a rule refused.
 */
public record FormErrors(String summary, String rule, Map<String, String> fields) {

    public static final FormErrors NONE = new FormErrors(null, null, Map.of());

    public FormErrors {
        fields = Map.copyOf(fields);
    }

    public boolean any() {
        return summary != null || !fields.isEmpty();
    }

    /** The message beside a field, or null. */
    public String of(String field) {
        return fields.get(field);
    }
}
