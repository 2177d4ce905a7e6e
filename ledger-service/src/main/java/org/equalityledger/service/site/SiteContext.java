package org.equalityledger.service.site;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What every page of the public site knows about the request it answers: the language (and its
 * direction), the instant the reader travelled back to, and how to keep both in every link, so any
 * address a reader shares shows the same page. Numbers, money and dates are formatted for the
 * language; Arabic keeps Latin digits so that tables, charts and dates agree.
 */
public final class SiteContext {

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private final String lang;
    private final Locale locale;
    private final String path;
    private final Map<String, List<String>> parameters;
    private final String asOfParameter;
    private final Instant asOf;
    private final ObjectMapper json;

    SiteContext(Locale language, String path, Map<String, String[]> parameters, ObjectMapper json) {
        this.lang = SiteLocales.LANGUAGES.containsKey(language.getLanguage()) ? language.getLanguage() : "en";
        this.locale = "ar".equals(lang) ? Locale.forLanguageTag("ar-u-nu-latn") : Locale.forLanguageTag(lang);
        this.path = path;
        this.parameters = new LinkedHashMap<>();
        parameters.forEach((name, values) -> this.parameters.put(name, List.of(values)));
        String[] asked = parameters.get("asOf");
        this.asOfParameter = asked == null || asked.length == 0 || asked[0].isBlank() ? null : asked[0].strip();
        this.asOf = asOfParameter == null ? null : parseAsOf(asOfParameter);
        this.json = json;
    }

    /**
     * A date means "as the ledger recorded it on that day": everything recorded by the day's end (UTC).
     * An instant is taken as it is.
     */
    static Instant parseAsOf(String value) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value, ISO_DATE).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1);
            }
            Instant instant = Instant.parse(value);
            // Beyond the years a date can be written in, no page can say which day it is.
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "asOf");
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "asOf");
        }
    }

    public String getLang() {
        return lang;
    }

    public Locale getLocale() {
        return locale;
    }

    /** {@code rtl} for Arabic. */
    public String getDir() {
        return "ar".equals(lang) ? "rtl" : "ltr";
    }

    public Map<String, String> getLanguages() {
        return SiteLocales.LANGUAGES;
    }

    /** The instant the page shows the ledger at, or null for now. */
    public Instant getAsOf() {
        return asOf;
    }

    public boolean isPast() {
        return asOf != null;
    }

    /** The day the reader travelled back to, for the date field and the banner. */
    public String getAsOfDate() {
        return asOf == null ? null : ISO_DATE.format(asOf.atOffset(ZoneOffset.UTC).toLocalDate());
    }

    public String getPath() {
        return path;
    }

    /** A request parameter other than lang and asOf (filters), for the forms that keep them. */
    public Map<String, List<String>> getFilters() {
        Map<String, List<String>> filters = new LinkedHashMap<>(parameters);
        filters.remove("lang");
        filters.remove("asOf");
        return filters;
    }

    /** An address on the site that keeps the language and the instant, with these extra {@code name, value} pairs. */
    public String href(String target, Object... pairs) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("lang", List.of(lang));
        if (asOfParameter != null) {
            query.put("asOf", List.of(asOfParameter));
        }
        return address(target, query, pairs);
    }

    /** This page with some parameters replaced (a null value removes one): paging, filters, the language. */
    public String here(Object... pairs) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("lang", List.of(lang));
        parameters.forEach((name, values) -> {
            if (!"lang".equals(name)) {
                query.put(name, values);
            }
        });
        return address(path, query, pairs);
    }

    /** This page in another language. */
    public String inLanguage(String language) {
        return here("lang", language);
    }

    /** This page as the ledger stands now. */
    public String now() {
        return here("asOf", null);
    }

    private static String address(String target, Map<String, List<String>> query, Object[] pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("pairs of name and value");
        }
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            String name = String.valueOf(pairs[i]);
            if (value == null || value.toString().isEmpty()) {
                query.remove(name);
            } else {
                query.put(name, List.of(value.toString()));
            }
        }
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(target);
        query.forEach((name, values) -> uri.queryParam(name, values.toArray()));
        return uri.encode().build().toUriString();
    }

    public String number(Number value) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    /** A share between 0 and 1 as a percentage, one decimal at most. */
    public String percent(Number share) {
        if (share == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(share.doubleValue());
    }

    /** An amount in its own currency, e.g. 150,000,000 CRC as "CRC 150,000,000.00" in its language. */
    public String money(Number amount, String currency) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        try {
            format.setCurrency(Currency.getInstance(currency));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return number(amount) + " " + currency;
        }
        String money = format.format(amount instanceof BigDecimal d ? d : new BigDecimal(amount.toString()));
        // A currency without a symbol in the language is its code, which then needs a space (ARS 1,500.00, not ARS1,500.00).
        if (money.length() > 3 && money.startsWith(currency) && Character.isDigit(money.charAt(3))) {
            return currency + "\u00a0" + money.substring(3);
        }
        return money;
    }

    /** A country by its ISO 3166 code, named in the reader's language by the JDK's locale data (the code when it knows none). */
    public String country(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = new Locale("", code).getDisplayCountry(locale);
        return name.isBlank() ? code : name;
    }

    public String usd(Number amount) {
        return money(amount, "USD");
    }

    /** A large sum in few characters (US$60.7B); the exact figure belongs in its title. */
    public String usdShort(Number amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat compact = NumberFormat.getCompactNumberInstance(locale, NumberFormat.Style.SHORT);
        compact.setMaximumFractionDigits(1);
        return "US$ " + compact.format(amount.doubleValue());
    }

    public String date(Object value) {
        LocalDate day;
        if (value == null) {
            return "";
        } else if (value instanceof Instant instant) {
            day = instant.atOffset(ZoneOffset.UTC).toLocalDate();
        } else if (value instanceof LocalDate local) {
            day = local;
        } else {
            day = LocalDate.parse(value.toString().substring(0, 10));
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
    }

    /** An instant to the second, in UTC (the ledger's clock), said so. */
    public String dateTime(Object value) {
        if (value == null) {
            return "";
        }
        Instant instant = value instanceof Instant i ? i : Instant.parse(value.toString());
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(ZoneOffset.UTC)
                .format(instant) + " UTC";
    }

    /**
     * A name in the reader's language, else in English, else in any language the ledger has; a
     * fallback says which language it is in, so the page can mark it.
     */
    public Name name(Map<String, String> names) {
        if (names == null || names.isEmpty()) {
            return new Name("", lang, false);
        }
        List<String> order = new ArrayList<>(List.of(lang, "en"));
        order.addAll(names.keySet());
        for (String candidate : order) {
            String text = names.get(candidate);
            if (text != null && !text.isBlank()) {
                return new Name(text, candidate, !candidate.equals(lang));
            }
        }
        return new Name("", lang, false);
    }

    /** A name and the language it is written in; {@code fallback} when that is not the reader's. */
    public record Name(String text, String lang, boolean fallback) {
    }

    /**
     * A value as JSON for a {@code <script type="application/json">} block (chart data): {@code <} is
     * escaped so no text can close the block.
     */
    public String json(Object value) {
        try {
            return json.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
