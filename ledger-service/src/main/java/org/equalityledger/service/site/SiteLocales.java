package org.equalityledger.service.site;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.LocaleResolver;

/**
 * The site's language: {@code ?lang=} (so a shared address keeps it), else the browser's
 * {@code Accept-Language}, else English. Stateless: no cookie or session remembers it; every link
 * carries it instead.
 */
public final class SiteLocales implements LocaleResolver {

    /** The five languages of the yearly reporting survey, each named in itself for the switcher. */
    public static final Map<String, String> LANGUAGES = languages();
    private static final List<Locale> SUPPORTED = LANGUAGES.keySet().stream().map(Locale::forLanguageTag).toList();

    private static Map<String, String> languages() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("en", "English");
        names.put("fr", "Français");
        names.put("es", "Español");
        names.put("ru", "Русский");
        names.put("ar", "العربية");
        return Collections.unmodifiableMap(names);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        String asked = request.getParameter("lang");
        if (asked != null && LANGUAGES.containsKey(asked)) {
            return Locale.forLanguageTag(asked);
        }
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                if (match != null) {
                    return match;
                }
            } catch (IllegalArgumentException malformed) {
                // A malformed header is the browser's problem, not a reason to refuse the page.
            }
        }
        return Locale.ENGLISH;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("the language is chosen by the address (?lang=) or the browser");
    }
}
