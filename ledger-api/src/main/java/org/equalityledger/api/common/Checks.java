package org.equalityledger.api.common;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects every bad field of a command, then throws one {@link InvalidCommandException} naming all
 * of them. Used by the command records' compact constructors:
 *
 * <pre>{@code
 * Checks checks = new Checks();
 * checks.id("makerId", makerId);
 * checks.country("country", country);
 * checks.orThrow();
 * }</pre>
 */
public final class Checks {

    /** Identifiers chosen by clients: letters, digits and {@code . _ : -}, at most 100 characters. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
    /** Codes (initiative, action, indicator): letters, digits and {@code . _ -}, at most 40 characters. */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    public static final int NAME_MAX = 300;
    public static final int TEXT_MAX = 20_000;
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final List<FieldError> errors = new ArrayList<>();

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public Checks add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    /** Adds the error when {@code ok} is false; returns {@code ok}. */
    public boolean require(boolean ok, String field, String message) {
        if (!ok) {
            add(field, message);
        }
        return ok;
    }

    /** Returns true when present; names the field as required otherwise. */
    public boolean notNull(String field, Object value) {
        return require(value != null, field, "is required");
    }

    /** A name, title, unit or reference: required, on one line. */
    public boolean line(String field, String value, int maxLength) {
        return required(field, value) && fits(field, value, maxLength, false);
    }

    /** A description, narrative or reason: required; tabs and line breaks are fine. */
    public boolean text(String field, String value, int maxLength) {
        return required(field, value) && fits(field, value, maxLength, true);
    }

    /** Optional text: null is fine, but when given it must fit; tabs and line breaks are fine. */
    public boolean optionalText(String field, String value, int maxLength) {
        return value == null || fits(field, value, maxLength, true);
    }

    /** An optional name or reference: null is fine, but when given it must fit on one line. */
    public boolean optionalLine(String field, String value, int maxLength) {
        return value == null || fits(field, value, maxLength, false);
    }

    private boolean required(String field, String value) {
        return require(value != null && !value.isBlank(), field, "must not be blank");
    }

    private boolean fits(String field, String value, int maxLength, boolean lines) {
        return require(value.length() <= maxLength, field, "must be at most " + maxLength + " characters")
                && readable(field, value, lines);
    }

    /**
     * The one rule for every text the ledger stores: valid Unicode (no lone surrogate, which no UTF-8
     * encoding can carry and so no hash can cover) and no control character, except tabs and line
     * breaks where {@code lines} allows them.
     */
    private boolean readable(String field, String value, boolean lines) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                return require(false, field, "is not valid Unicode text: a lone surrogate at character " + (i + 1));
            }
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t'
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR;
            if (lineBreak && !lines) {
                return require(false, field, "must be on one line: no tab or line break (character " + (i + 1) + ")");
            }
            if (!lineBreak && Character.getType(c) == Character.CONTROL) {
                return require(false, field, String.format("must not hold control characters: U+%04X at character %d",
                        c, i + 1));
            }
            i += Character.charCount(c);
        }
        return true;
    }

    public boolean id(String field, String value) {
        if (!notNull(field, value)) {
            return false;
        }
        return require(ID.matcher(value).matches(), field,
                "must be 1-100 letters, digits or . _ : - (starting with a letter or digit)");
    }

    public boolean code(String field, String value) {
        if (!notNull(field, value)) {
            return false;
        }
        return require(CODE.matcher(value).matches(), field,
                "must be 1-40 letters, digits or . _ - (starting with a letter or digit)");
    }

    /** An ISO 3166-1 alpha-2 country code in upper case, e.g. {@code MX}. */
    public boolean country(String field, String code) {
        if (!notNull(field, code)) {
            return false;
        }
        return require(COUNTRIES.contains(code), field, "must be an ISO 3166-1 alpha-2 country code, e.g. MX");
    }

    public void countries(String field, Collection<String> codes) {
        int i = 0;
        for (String code : codes) {
            country(field + "[" + i++ + "]", code);
        }
    }

    /** An ISO 4217 currency code in upper case, e.g. {@code USD}. */
    public boolean currency(String field, String code) {
        if (!notNull(field, code)) {
            return false;
        }
        boolean known;
        try {
            known = code.length() == 3 && code.equals(code.toUpperCase(Locale.ROOT))
                    && Currency.getInstance(code) != null;
        } catch (IllegalArgumentException e) {
            known = false;
        }
        return require(known, field, "must be an ISO 4217 currency code, e.g. USD");
    }

    public boolean positive(String field, BigDecimal amount) {
        if (!notNull(field, amount)) {
            return false;
        }
        return require(amount.signum() > 0, field, "must be greater than zero");
    }

    public boolean notNegative(String field, BigDecimal amount) {
        if (!notNull(field, amount)) {
            return false;
        }
        return require(amount.signum() >= 0, field, "must not be negative");
    }

    public boolean year(String field, Integer year) {
        if (!notNull(field, year)) {
            return false;
        }
        return require(year >= FIRST_YEAR && year <= LAST_YEAR, field,
                "must be a year between " + FIRST_YEAR + " and " + LAST_YEAR);
    }

    /** An absolute http(s) link. */
    public boolean link(String field, URI uri) {
        if (!notNull(field, uri)) {
            return false;
        }
        String scheme = uri.getScheme();
        return require(uri.isAbsolute() && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
                        && uri.getHost() != null && uri.toString().length() <= 2_000,
                field, "must be an absolute http or https link")
                && readable(field, uri.toString(), false);
    }

    public boolean notEmpty(String field, Collection<?> values) {
        return require(values != null && !values.isEmpty(), field, "must not be empty");
    }

    public boolean atMost(String field, Collection<?> values, int max) {
        return require(values.size() <= max, field, "must have at most " + max + " entries");
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void orThrow() {
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
    }

    /** Validates with a fresh collector and throws if anything is wrong. */
    public static void check(java.util.function.Consumer<Checks> rules) {
        Checks checks = new Checks();
        rules.accept(checks);
        checks.orThrow();
    }

    /** Validates the actor of a command; every command carries one. */
    public void actor(Actor actor) {
        Actor.check(this, actor);
    }
}
