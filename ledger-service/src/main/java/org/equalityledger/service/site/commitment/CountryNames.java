package org.equalityledger.service.site.commitment;

import java.util.Locale;

/** Countries by their ISO 3166 code, named in the reader's language by the JDK's locale data. */
public record CountryNames(Locale locale) {

    public String name(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = new Locale("", code).getDisplayCountry(locale);
        return name.isBlank() ? code : name;
    }
}
