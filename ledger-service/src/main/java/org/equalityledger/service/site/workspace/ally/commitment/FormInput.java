package org.equalityledger.service.site.workspace.ally.commitment;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.equalityledger.api.common.FieldError;
import org.equalityledger.api.common.InvalidCommandException;

/**
 * Reads a form's text into a command's values, as the API's JSON reader does for its bodies: a value that
 * is no number, date or link is named by the command's field (so the form shows it beside its own field),
 * and the command is never built from it. Blank means "not given".
 */
final class FormInput {

    private final Locale locale;
    private final List<FieldError> errors = new ArrayList<>();

    FormInput(Locale locale) {
        this.locale = locale;
    }

    static String given(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A number as the reader writes it in its language (1,000.5 or 1 000,5) or plainly (1000.5). */
    BigDecimal number(String field, String value) {
        String text = given(value);
        if (text == null) {
            return null;
        }
        String compact = text.replaceAll("[\\s\\u00a0\\u202f]", "");
        try {
            return new BigDecimal(compact);
        } catch (NumberFormatException notPlain) {
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            if (format instanceof DecimalFormat decimal) {
                decimal.setParseBigDecimal(true);
                // The reader types a plain space where the language groups with a no-break one.
                String grouped = compact;
                ParsePosition at = new ParsePosition(0);
                Number parsed = decimal.parse(grouped, at);
                if (parsed != null && at.getIndex() == grouped.length()) {
                    return (BigDecimal) parsed;
                }
            }
            errors.add(new FieldError(field, "must be a number"));
            return null;
        }
    }

    Long wholeNumber(String field, String value) {
        BigDecimal number = number(field, value);
        if (number == null) {
            return null;
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException notWhole) {
            errors.add(new FieldError(field, "must be a whole number"));
            return null;
        }
    }

    Integer year(String field, String value) {
        Long year = wholeNumber(field, value);
        if (year == null) {
            return null;
        }
        if (year < Integer.MIN_VALUE || year > Integer.MAX_VALUE) {
            errors.add(new FieldError(field, "must be a whole number"));
            return null;
        }
        return year.intValue();
    }

    /** A calendar day as a date field sends it (YYYY-MM-DD). */
    LocalDate date(String field, String value) {
        String text = given(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date (YYYY-MM-DD)"));
            return null;
        }
    }

    /** Country codes separated by commas or spaces, in upper case (the command checks each one). */
    static Set<String> countries(String value) {
        Set<String> codes = new LinkedHashSet<>();
        String text = given(value);
        if (text != null) {
            for (String code : text.split("[\\s,;]+")) {
                if (!code.isBlank()) {
                    codes.add(code.toUpperCase(Locale.ROOT));
                }
            }
        }
        return codes;
    }

    /** One link a line; {@code field} as the command names the list (its entries are field[i]). */
    List<URI> links(String field, String value) {
        List<URI> links = new ArrayList<>();
        String text = given(value);
        if (text == null) {
            return links;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                links.add(new URI(line.strip()));
            } catch (URISyntaxException e) {
                errors.add(new FieldError(field + "[" + links.size() + "]", "must be an absolute http or https link"));
                links.add(null);
            }
        }
        return links;
    }

    /**
     * Builds the command from the values read; the form's unreadable values and the command's own
     * refusals together, each named once.
     */
    <T> T build(Supplier<T> command) {
        List<FieldError> all = new ArrayList<>(errors);
        Set<String> named = new HashSet<>();
        errors.forEach(e -> named.add(e.field()));
        T built = null;
        if (errors.isEmpty()) {
            try {
                built = command.get();
            } catch (InvalidCommandException e) {
                all.addAll(e.errors());
            }
        } else {
            // The command would name an unreadable value again as missing: only its other fields.
            try {
                command.get();
            } catch (InvalidCommandException e) {
                e.errors().stream().filter(error -> !named.contains(error.field())).forEach(all::add);
            } catch (RuntimeException other) {
                // Values left null by unreadable input may trip it otherwise: the form names them already.
            }
        }
        if (!all.isEmpty()) {
            throw new InvalidCommandException(all);
        }
        return built;
    }
}
