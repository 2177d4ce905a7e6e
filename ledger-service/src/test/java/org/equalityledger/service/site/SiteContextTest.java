package org.equalityledger.service.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** How the site writes money and countries in each language. */
class SiteContextTest {

    private static SiteContext in(String lang) {
        return new SiteContext(Locale.forLanguageTag(lang), "/", Map.of(), new ObjectMapper());
    }

    @Test
    void a_currency_written_by_its_code_is_spaced_from_the_amount() {
        assertThat(in("en").money(new BigDecimal("1500000"), "ARS")).isEqualTo("ARS\u00a01,500,000.00");
        assertThat(in("en").money(new BigDecimal("65000"), "USD")).isEqualTo("$65,000.00");
        assertThat(in("fr").money(new BigDecimal("65000"), "EUR")).endsWith("€").doesNotStartWith("EUR");
        assertThat(in("en").money(new BigDecimal("12"), "ZZZ")).isEqualTo("12 ZZZ");
    }

    @Test
    void an_instant_no_date_can_name_is_a_bad_address() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SiteContext.parseAsOf("+1000000000-01-01T00:00:00Z"))
                .isInstanceOf(org.springframework.web.server.ResponseStatusException.class);
        assertThat(SiteContext.parseAsOf("2022-06-30")).isEqualTo(java.time.Instant.parse("2022-06-30T23:59:59.999999999Z"));
    }

    @Test
    void a_country_is_named_in_the_readers_language_or_by_its_code() {
        assertThat(in("en").country("CR")).isEqualTo("Costa Rica");
        assertThat(in("fr").country("MX")).isEqualTo("Mexique");
        assertThat(in("ar").country("MX")).isEqualTo("المكسيك");
        assertThat(in("en").country("QQ")).isEqualTo("QQ");
        assertThat(in("en").country(null)).isEmpty();
    }
}
