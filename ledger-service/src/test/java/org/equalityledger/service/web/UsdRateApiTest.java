package org.equalityledger.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.support.Api.ALLY;
import static org.equalityledger.service.support.Api.AUDITOR;
import static org.equalityledger.service.support.Api.SECRETARIAT;
import static org.equalityledger.service.support.Api.assertBadFields;
import static org.equalityledger.service.support.Api.assertProblem;
import static org.equalityledger.service.support.Api.assertRule;
import static org.equalityledger.service.support.Api.assertStatus;
import static org.equalityledger.service.support.Api.details;
import static org.equalityledger.service.support.Api.pledge;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.equalityledger.projections.rebuild.Rebuilds;
import org.equalityledger.service.config.UsdRateLoader;
import org.equalityledger.service.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * US-dollar rates as facts through HTTP: the secretariat records them, everyone reads which applied,
 * a pledge in a currency without a rate is answered with a warning and shows in its own currency
 * (never as 0) until the rate is recorded, and then converts.
 */
class UsdRateApiTest extends ApiTest {

    @Autowired
    Rebuilds rebuilds;
    @Autowired
    UsdRateLoader loader;

    final int year = ZonedDateTime.now(ZoneOffset.UTC).getYear();

    void caughtUp() throws InterruptedException {
        long head = api.head();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (String name : rebuilds.names()) {
            while (rebuilds.processed(name) < head && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
    }

    JsonNode pledgeIn(String amount, String currency, String title) {
        String maker = api.registerMaker(ALLY, Api.fresh("Gobierno de Costa Rica"), "GOVERNMENT", "CR");
        Map<String, Object> details = details();
        details.put("types", List.of("FINANCIAL"));
        details.put("financial", Map.of("amount", new BigDecimal(amount), "currency", currency));
        details.put("title", title);
        return assertStatus(api.post(ALLY, "/api/commitments", pledge(maker, details)), HttpStatus.CREATED);
    }

    static BigDecimal notConverted(JsonNode figures, String currency) {
        for (JsonNode money : figures.path("notConverted")) {
            if (money.path("currency").asText().equals(currency)) {
                return new BigDecimal(money.path("amount").asText());
            }
        }
        return BigDecimal.ZERO;
    }

    /** The global figures with every event recorded so far (as of a far instant: today's answer may be cached). */
    JsonNode global() throws InterruptedException {
        caughtUp();
        return assertStatus(api.get(SECRETARIAT, "/api/dashboards/global?asOf=2100-01-01T00:00:00Z"), HttpStatus.OK)
                .path("figures");
    }

    @Test
    void a_colones_pledge_shows_in_colones_with_a_warning_until_the_secretariat_records_the_rate_then_converts() throws Exception {
        BigDecimal pledgedBefore = new BigDecimal(global().path("pledgedUsd").asText());
        BigDecimal colonesBefore = notConverted(global(), "CRC");

        JsonNode answer = pledgeIn("150000000", "CRC", "Sistema Nacional de Cuidados " + Api.fresh("crc"));
        assertThat(answer.path("flags").toString()).contains("usd-rate-unknown");
        String id = answer.path("id").asText();

        JsonNode unconverted = global();
        assertThat(new BigDecimal(unconverted.path("pledgedUsd").asText())).isEqualByComparingTo(pledgedBefore);
        assertThat(notConverted(unconverted, "CRC")).isEqualByComparingTo(colonesBefore.add(new BigDecimal("150000000")));
        JsonNode movement = assertStatus(api.get(ALLY, "/api/commitments/" + id), HttpStatus.OK).path("moneyMovements").get(0);
        assertThat(movement.path("kind").asText()).isEqualTo("PLEDGED");
        assertThat(movement.path("currency").asText()).isEqualTo("CRC");
        assertThat(movement.path("usd").isNull()).isTrue();

        assertStatus(api.post(SECRETARIAT, "/api/usd-rates", Map.of("currency", "CRC", "year", year,
                "usdPerUnit", new BigDecimal("0.00195"), "source", "Banco Central de Costa Rica, planning rate for the test")),
                HttpStatus.CREATED);
        JsonNode converted = global();
        // 150,000,000 colones × 0.00195 = 292,500 US dollars
        assertThat(new BigDecimal(converted.path("pledgedUsd").asText()))
                .isEqualByComparingTo(pledgedBefore.add(new BigDecimal("292500")));
        assertThat(notConverted(converted, "CRC")).isEqualByComparingTo(colonesBefore);
        movement = assertStatus(api.get(ALLY, "/api/commitments/" + id), HttpStatus.OK).path("moneyMovements").get(0);
        assertThat(new BigDecimal(movement.path("usd").asText())).isEqualByComparingTo("292500");
        assertThat(movement.path("rate").path("source").asText()).startsWith("Banco Central de Costa Rica");

        JsonNode rates = assertStatus(api.get(AUDITOR, "/api/usd-rates?currency=CRC&year=" + year), HttpStatus.OK);
        assertThat(rates.path("rates")).singleElement().satisfies(rate -> {
            assertThat(new BigDecimal(rate.path("usdPerUnit").asText())).isEqualByComparingTo("0.00195");
            assertThat(rate.path("position").asLong()).isPositive();
            assertThat(rate.path("recordedAt").asText()).isNotEmpty();
        });
        assertThat(rates.path("asOfPosition").asLong()).isGreaterThanOrEqualTo(rates.path("rates").get(0).path("position").asLong());

        String csv = http.getForObject("/api/commitments/export.csv?text=Sistema+Nacional", String.class);
        assertThat(csv).contains("Money movements").contains("150000000 CRC = 292500.00 USD at 0.00195 USD per CRC");

        // A correction says why, and the history keeps both.
        assertRule(api.post(SECRETARIAT, "/api/usd-rates", Map.of("currency", "CRC", "year", year,
                "usdPerUnit", new BigDecimal("0.002"), "source", "Banco Central de Costa Rica")), "usd-rate.correction-needs-reason");
        assertStatus(api.post(SECRETARIAT, "/api/usd-rates", Map.of("currency", "CRC", "year", year,
                "usdPerUnit", new BigDecimal("0.002"), "source", "Banco Central de Costa Rica, yearly average",
                "reason", "the yearly average replaces the planning rate")), HttpStatus.CREATED);
        caughtUp();
        JsonNode corrected = assertStatus(api.get(null, "/api/usd-rates?currency=CRC&year=" + year), HttpStatus.OK)
                .path("rates").get(0);
        assertThat(new BigDecimal(corrected.path("usdPerUnit").asText())).isEqualByComparingTo("0.002");
        assertThat(corrected.path("reason").asText()).isEqualTo("the yearly average replaces the planning rate");
        assertThat(corrected.path("superseded")).singleElement()
                .satisfies(s -> assertThat(new BigDecimal(s.path("usdPerUnit").asText())).isEqualByComparingTo("0.00195"));
    }

    @Test
    void money_in_a_currency_without_any_rate_is_shown_in_its_own_currency_never_as_0() throws Exception {
        BigDecimal pledgedBefore = new BigDecimal(global().path("pledgedUsd").asText());
        BigDecimal kronurBefore = notConverted(global(), "ISK");
        JsonNode answer = pledgeIn("25000000", "ISK", "Jafnréttissjóður " + Api.fresh("isk"));
        assertThat(answer.path("flags").toString()).contains("usd-rate-unknown");
        JsonNode after = global();
        assertThat(notConverted(after, "ISK")).isEqualByComparingTo(kronurBefore.add(new BigDecimal("25000000")));
        assertThat(new BigDecimal(after.path("pledgedUsd").asText())).isEqualByComparingTo(pledgedBefore);

        JsonNode euros = pledgeIn("1000000", "EUR", "Fondo de igualdad " + Api.fresh("eur"));
        assertThat(euros.path("flags").toString()).doesNotContain("usd-rate-unknown");
    }

    @Test
    void the_shipped_rates_are_facts_with_sources_loaded_once() throws Exception {
        caughtUp();
        JsonNode all = assertStatus(api.get(null, "/api/usd-rates"), HttpStatus.OK);
        assertThat(all.path("rates").findValuesAsText("currency")).contains("CRC", "MXN", "EUR", "GBP", "NGN");
        assertThat(all.path("rates")).allSatisfy(rate -> assertThat(rate.path("source").asText()).isNotBlank());
        assertThat(all.path("rates")).anySatisfy(rate -> {
            assertThat(rate.path("currency").asText()).isEqualTo("CRC");
            assertThat(rate.path("year").asInt()).isEqualTo(2021);
            assertThat(rate.path("source").asText()).contains("620.78 colones per US dollar");
        });
        long head = api.head();
        assertThat(loader.load()).isZero();
        assertThat(api.head()).isEqualTo(head);
        assertThat(assertStatus(api.get(null, "/api/usd-rates?asOf=2000-01-01T00:00:00Z"), HttpStatus.OK).path("rates"))
                .isEmpty();
    }

    @Test
    void only_the_secretariat_records_a_rate_and_a_bad_one_names_its_fields() {
        Map<String, Object> rate = Map.of("currency", "CRC", "year", 2022, "usdPerUnit", new BigDecimal("0.0015"),
                "source", "Banco Central de Costa Rica");
        assertProblem(api.post(ALLY, "/api/usd-rates", rate), HttpStatus.FORBIDDEN);
        assertProblem(api.post(AUDITOR, "/api/usd-rates", rate), HttpStatus.FORBIDDEN);
        assertBadFields(api.post(SECRETARIAT, "/api/usd-rates", Map.of("currency", "XYZ", "year", 2022,
                "usdPerUnit", new BigDecimal("-1"), "source", " ")), "currency", "usdPerUnit", "source");
        assertRule(api.post(SECRETARIAT, "/api/usd-rates", Map.of("currency", "CRC", "year", 2019,
                "usdPerUnit", new BigDecimal("0.0017"), "source", "Banco Central de Costa Rica")), "usd-rate.year-outside-period");
        assertBadFields(api.get(null, "/api/usd-rates?currency=crc"), "currency");
        assertBadFields(api.get(null, "/api/usd-rates?year=1999"), "year");
        assertProblem(api.get(null, "/api/usd-rates?asOf=yesterday"), HttpStatus.BAD_REQUEST);
    }
}
