package org.equalityledger.api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A name in the five languages of the yearly reporting survey. English, Spanish and French are the
 * languages of the Generation Equality reference documents: a command gives all three. Russian and
 * Arabic are given where a translation is known. A language without a name is null here and absent
 * from the JSON, so a reader sees which names exist and falls back visibly (to English) for the others.
 *
 * <p>Events written before Russian and Arabic were added (revision 1 of {@code InitiativeLaunched} and
 * {@code ActionDefined}) read as names without them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocalizedName(String en, String es, String fr, String ru, String ar) {

    /** The languages a name may be given in, in the order pages offer them. */
    public static final List<String> LANGUAGES = List.of("en", "fr", "es", "ru", "ar");

    /** Validates a possibly null name: English, Spanish and French are required, Russian and Arabic optional. */
    public static void check(Checks checks, String field, LocalizedName name) {
        if (checks.notNull(field, name)) {
            checks.line(field + ".en", name.en(), Checks.NAME_MAX);
            checks.line(field + ".es", name.es(), Checks.NAME_MAX);
            checks.line(field + ".fr", name.fr(), Checks.NAME_MAX);
            // Given, a name must be readable: a blank one would show nothing where English should show.
            if (name.ru() != null) {
                checks.line(field + ".ru", name.ru(), Checks.NAME_MAX);
            }
            if (name.ar() != null) {
                checks.line(field + ".ar", name.ar(), Checks.NAME_MAX);
            }
        }
    }

    /** The name in {@code language} (one of {@link #LANGUAGES}); null when it has none in that language. */
    public String in(String language) {
        return switch (language) {
            case "en" -> en;
            case "es" -> es;
            case "fr" -> fr;
            case "ru" -> ru;
            case "ar" -> ar;
            default -> null;
        };
    }

    /** The names given, by language, in the order of {@link #LANGUAGES}. */
    public Map<String, String> given() {
        Map<String, String> given = new LinkedHashMap<>();
        LANGUAGES.forEach(language -> {
            if (in(language) != null) {
                given.put(language, in(language));
            }
        });
        return given;
    }
}
