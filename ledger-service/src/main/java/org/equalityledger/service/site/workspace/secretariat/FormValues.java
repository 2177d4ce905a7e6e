package org.equalityledger.service.site.workspace.secretariat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.equalityledger.api.common.FieldError;
import org.equalityledger.api.common.InvalidCommandException;
import org.equalityledger.api.common.LocalizedName;

/**
 * What a secretariat form's text fields become in a command: a blank field is no value, a number or a
 * date that does not read is named as a bad field (in the command's field names), together with the bad
 * fields the command itself names, in one refusal, as the API answers a body with bad values.
 */
final class FormValues {

    static final String NOT_A_NUMBER = "must be a number, e.g. 1500 or 0.25";
    static final String NOT_A_YEAR = "must be a year, e.g. 2025";
    static final String NOT_A_DATE = "must be a date, e.g. 2022-06-30";

    private final List<FieldError> errors = new ArrayList<>();

    /** The text as given, without surrounding spaces; null when blank. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    Integer year(String field, String value) {
        String given = text(value);
        if (given == null) {
            return null;
        }
        try {
            return Integer.valueOf(given);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, NOT_A_YEAR));
            return null;
        }
    }

    BigDecimal number(String field, String value) {
        String given = text(value);
        if (given == null) {
            return null;
        }
        try {
            return new BigDecimal(given);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, NOT_A_NUMBER));
            return null;
        }
    }

    LocalDate date(String field, String value) {
        String given = text(value);
        if (given == null) {
            return null;
        }
        try {
            return LocalDate.parse(given);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, NOT_A_DATE));
            return null;
        }
    }

    void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /**
     * The command, or one refusal naming the form's bad values and the command's bad fields. A field whose
     * value did not read is null in the command: its "is required" would name it twice, so it is left out.
     */
    <T> T build(Supplier<T> command) {
        List<FieldError> all = new ArrayList<>(errors);
        T built = null;
        try {
            built = command.get();
        } catch (InvalidCommandException invalid) {
            invalid.errors().stream()
                    .filter(e -> errors.stream().noneMatch(mine -> mine.field().equals(e.field())))
                    .forEach(all::add);
        }
        if (!all.isEmpty()) {
            throw new InvalidCommandException(all);
        }
        return built;
    }

    /** A name from the form's five fields ({@code nameEn} … {@code nameAr}); Russian and Arabic may be left blank. */
    static LocalizedName names(Map<String, String> byLanguage) {
        return new LocalizedName(strip(byLanguage.get("en")), strip(byLanguage.get("es")), strip(byLanguage.get("fr")),
                text(byLanguage.get("ru")), text(byLanguage.get("ar")));
    }

    /** English, Spanish and French are required: a blank one stays blank for the command to name it. */
    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    /** The form field of a command's name field: {@code names.fr} → {@code nameFr}, {@code names} → {@code nameEn}. */
    static String nameField(String commandField) {
        if (commandField.equals("names")) {
            return "nameEn";
        }
        if (commandField.startsWith("names.") && commandField.length() == "names.xx".length()) {
            String language = commandField.substring("names.".length());
            return "name" + Character.toUpperCase(language.charAt(0)) + language.substring(1);
        }
        return null;
    }

    /** The five name fields of a form, by language, as sent. */
    static Map<String, String> nameFields(jakarta.servlet.http.HttpServletRequest request) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        for (String language : LocalizedName.LANGUAGES) {
            String value = request.getParameter(nameField("names." + language));
            names.put(language, value == null ? "" : value);
        }
        return names;
    }
}
