package org.equalityledger.service.site.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.equalityledger.service.eventstore.LedgerEvents;
import org.equalityledger.service.support.Api;
import org.equalityledger.service.support.SitePageTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The overview ({@code /}) and the year pages ({@code /years/{year}}) in a real browser and without
 * JavaScript: every figure shown is the one {@code /api/dashboards/global}, {@code /initiatives} and
 * {@code /countries} answer for the same year and instant.
 */
class HomePageTest extends SitePageTest {

    /** A Kenyan maker's pledges: in US dollars (billions), in euros (a rate recorded) and in pesos (none). */
    private static final String COUNTRY = "KE";
    private static boolean recorded;

    @Autowired
    TestRestTemplate http;
    @Autowired
    LedgerEvents ledger;

    @BeforeEach
    void commitments() throws InterruptedException {
        synchronized (HomePageTest.class) {
            if (recorded) {
                return;
            }
            Api api = new Api(http, ledger);
            String maker = api.registerMaker(Api.ALLY, Api.fresh("Mtandao wa Wanawake"), "CIVIL_SOCIETY", COUNTRY);
            for (Map<String, Object> money : List.of(Map.<String, Object>of("amount", "60712965308", "currency", "USD"),
                    Map.<String, Object>of("amount", "250000", "currency", "EUR"),
                    Map.<String, Object>of("amount", "1500000", "currency", "ARS"))) {
                Map<String, Object> details = new LinkedHashMap<>(Api.details());
                details.put("types", List.of("FINANCIAL", "POLICY"));
                details.put("financial", money);
                String id = api.pledged(Api.ALLY, maker, details);
                Api.assertStatus(api.post(Api.LEADER_GAC, "/api/commitments/" + id + "/decisions",
                        Map.of("initiativeId", "gac", "verdict", "ACCEPT")), org.springframework.http.HttpStatus.OK);
            }
            long head = api.head();
            api.eventually(null, "/api/dashboards/global", g -> g.path("asOfPosition").asLong() >= head);
            api.eventually(null, "/api/dashboards/initiatives", g -> g.path("asOfPosition").asLong() >= head);
            recorded = true;
        }
    }

    private JsonNode api(String path) {
        return http.getForObject(path, JsonNode.class);
    }

    private static Locale locale(String lang) {
        return "ar".equals(lang) ? Locale.forLanguageTag("ar-u-nu-latn") : Locale.forLanguageTag(lang);
    }

    /** Browsers give non-breaking spaces (French groups and percent signs) as plain spaces, and drop direction marks (Arabic percent signs). */
    private static String spaces(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ').replaceAll("[\u200e\u200f\u061c]", "");
    }

    private static String number(long n, String lang) {
        return spaces(NumberFormat.getNumberInstance(locale(lang)).format(n));
    }

    private static String percent(double share, String lang) {
        NumberFormat format = NumberFormat.getPercentInstance(locale(lang));
        format.setMaximumFractionDigits(1);
        return spaces(format.format(share));
    }

    /** The digits of a formatted sum, as its cents: "$60,712,965,308.00" → 6071296530800. */
    private static java.math.BigInteger cents(String formatted) {
        return new java.math.BigInteger(formatted.replaceAll("[^0-9]", ""));
    }

    private static java.math.BigInteger cents(JsonNode usd) {
        return usd.decimalValue().setScale(2).unscaledValue();
    }

    private String text(String id) {
        return spaces(browser.findElement(By.id(id)).getText()).strip();
    }

    /** The tiles, the tables and the map's table show what the three dashboard answers say. */
    private void assertFiguresAsAnswered(String query, String lang) {
        JsonNode global = api("/api/dashboards/global" + query);
        JsonNode f = global.path("figures");
        assertThat(text("tile-commitments")).isEqualTo(number(f.path("commitments").asLong(), lang));
        WebElement pledged = browser.findElement(By.id("tile-pledged"));
        assertThat(cents(pledged.getAttribute("title"))).isEqualTo(cents(f.path("pledgedUsd")));
        assertThat(cents(browser.findElement(By.id("tile-disbursed")).getAttribute("title"))).isEqualTo(cents(f.path("disbursedUsd")));
        JsonNode cycle = f.has("latestCycle") ? f.path("latestCycle") : f.path("cycle");
        if (!cycle.isMissingNode() && !cycle.isNull()) {
            assertThat(text("tile-late")).isEqualTo(number(cycle.path("late").asLong(), lang));
            assertThat(text("tile-overdue")).isEqualTo(number(cycle.path("overdue").asLong(), lang));
            if (!cycle.path("shareReported").isNull()) {
                assertThat(text("tile-reported")).isEqualTo(percent(cycle.path("shareReported").asDouble(), lang));
            }
        }
        // Money no rate converted, in its own currency, never as 0.
        JsonNode notConverted = f.path("notConverted");
        if (notConverted.size() > 0) {
            String shown = text("tile-not-converted");
            notConverted.forEach(m -> assertThat(shown).contains(m.path("currency").asText())
                    .contains(number(new BigDecimal(m.path("amount").asText()).longValue(), lang)));
        }
        f.path("byStatus").fields().forEachRemaining(e -> assertThat(spaces(browser.findElement(By.id("table-status")).getText()))
                .contains(number(e.getValue().asLong(), lang)));

        JsonNode initiatives = api("/api/dashboards/initiatives" + query).path("initiatives");
        List<WebElement> rows = browser.findElements(By.cssSelector("#table-initiatives tbody tr"));
        assertThat(rows).hasSize(initiatives.size()).hasSizeGreaterThanOrEqualTo(9);
        for (JsonNode d : initiatives) {
            String id = d.path("scope").asText().substring("initiative:".length());
            WebElement row = browser.findElement(By.cssSelector("#table-initiatives tr[data-initiative='" + id + "']"));
            List<WebElement> cells = row.findElements(By.tagName("td"));
            assertThat(spaces(cells.get(0).getText())).isEqualTo(number(d.path("figures").path("commitments").asLong(), lang));
            assertThat(cents(cells.get(2).getText())).isEqualTo(cents(d.path("figures").path("disbursedUsd")));
            assertThat(row.findElement(By.tagName("a")).getAttribute("href")).contains("/initiatives/" + id).contains("lang=" + lang);
        }

        JsonNode countries = api("/api/dashboards/countries" + query).path("countries");
        assertThat(browser.findElements(By.cssSelector("#table-countries tbody tr[data-country]"))).hasSize(countries.size());
        for (JsonNode c : countries) {
            WebElement row = browser.findElement(By.cssSelector("#table-countries tr[data-country='" + c.path("country").asText() + "']"));
            List<WebElement> cells = row.findElements(By.tagName("td"));
            assertThat(spaces(cells.get(0).getText())).isEqualTo(number(c.path("commitments").asLong(), lang));
            assertThat(cents(cells.get(2).getText())).isEqualTo(cents(c.path("disbursedUsd")));
        }
    }

    @Test
    void the_overview_shows_the_global_dashboard_s_figures_in_english_and_arabic() {
        JsonNode kenya = null;
        for (JsonNode c : api("/api/dashboards/countries").path("countries")) {
            if (COUNTRY.equals(c.path("country").asText())) {
                kenya = c;
            }
        }
        assertThat(kenya).as("the map's answer names the makers' country").isNotNull();
        assertThat(kenya.path("commitments").asLong()).isGreaterThanOrEqualTo(3);
        for (String lang : List.of("en", "ar")) {
            visit("/", lang);
            assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("en".equals(lang) ? "ltr" : "rtl");
            assertFiguresAsAnswered("", lang);
            assertThat(text("tile-not-converted")).contains("ARS");
            // The map is drawn from the shipped boundaries (its SVG holds the countries' paths).
            assertThat(browser.findElements(By.cssSelector("#chart-map svg path")).size()).isGreaterThan(150);
            assertThat(browser.findElements(By.cssSelector("#table-compliance tbody tr"))).hasSize(6);
            assertAccessible();
            assertNoHorizontalScroll();
            screenshots("home");
        }
        // Arabic: the bars' value axis stands on the right.
        assertThat(browser.executeScript("return echarts.getInstanceByDom(document.getElementById('chart-money'))"
                + ".getOption().yAxis[0].position")).isEqualTo("right");
    }

    @Test
    void sums_of_billions_fit_their_tiles_with_the_exact_figure_in_the_title() {
        visit("/", "en");
        WebElement pledged = browser.findElement(By.id("tile-pledged"));
        assertThat(pledged.findElement(By.cssSelector("[aria-hidden]")).getText()).matches("US\\$ [0-9.]+[KMBT]");
        assertThat(pledged.getAttribute("title")).matches("\\$[0-9]{2,3}(,[0-9]{3}){3}\\.[0-9]{2}");
        assertThat(browser.executeScript("const e = arguments[0]; return e.scrollWidth > e.clientWidth;", pledged)).isEqualTo(false);
    }

    @Test
    void the_year_filter_leads_to_the_year_s_figures_kept_in_the_address() {
        visit("/", "fr");
        new Select(browser.findElement(By.id("year"))).selectByValue("2023");
        browser.findElement(By.cssSelector(".year-filter button")).click();
        awaitCharts();
        assertThat(browser.getCurrentUrl()).contains("year=2023").contains("lang=fr");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Engagements pour Génération Égalité en 2023");
        assertFiguresAsAnswered("?year=2023", "fr");

        // The year page is the same page, at its own address, in English and Arabic.
        for (String lang : List.of("en", "ar")) {
            visit("/years/2023", lang);
            assertThat(new Select(browser.findElement(By.id("year"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("2023");
            assertFiguresAsAnswered("?year=2023", lang);
            assertThat(browser.findElements(By.id("chart-money"))).isEmpty();
            assertAccessible();
            assertNoHorizontalScroll();
            screenshots("year");
        }
        // The compliance table leads to each year's page.
        visit("/", "en");
        browser.findElement(By.cssSelector("#table-compliance a[href^='/years/2022']")).click();
        assertThat(browser.getCurrentUrl()).contains("/years/2022?lang=en");
    }

    @Test
    void time_travel_shows_the_banner_and_the_figures_the_ledger_held_then() {
        visit("/?asOf=2021-06-30", "en");
        assertThat(browser.findElement(By.cssSelector(".past-banner")).isDisplayed()).isTrue();
        String then = "2021-06-30T23:59:59.999999999Z";
        assertFiguresAsAnswered("?asOf=" + then, "en");
        assertThat(text("tile-commitments")).isEqualTo("0");
        // The year filter keeps the instant.
        new Select(browser.findElement(By.id("year"))).selectByValue("2021");
        browser.findElement(By.cssSelector(".year-filter button")).click();
        assertThat(browser.getCurrentUrl()).contains("asOf=2021-06-30").contains("year=2021");
        assertThat(browser.findElement(By.cssSelector(".past-banner")).isDisplayed()).isTrue();

        visit("/years/2022?asOf=2023-01-01", "ar");
        assertFiguresAsAnswered("?year=2022&asOf=2023-01-01T23:59:59.999999999Z", "ar");
    }

    @Test
    void without_javascript_the_tables_carry_the_figures() {
        String page = http.getForObject("/?lang=en", String.class);
        JsonNode f = api("/api/dashboards/global").path("figures");
        assertThat(page).contains("id=\"tile-commitments\">" + number(f.path("commitments").asLong(), "en") + "<")
                .contains("<table id=\"table-types\"").contains("<table id=\"table-status\"").contains("<table id=\"table-progress\"")
                .contains("<table id=\"table-money\"").contains("<table id=\"table-compliance\"").contains("<table id=\"table-countries\"")
                .contains("data-country=\"KE\"").contains(">Kenya</a>")
                .contains("data-initiative=\"gac\"").contains("Global Alliance for Care")
                .contains("A commitment to several initiatives counts in each of them");
        // The chart data travels as JSON blocks for charts.js, never as a script that runs.
        assertThat(page).contains("<script type=\"application/json\" data-chart-for=\"chart-map\">")
                .contains("data-map=\"/site/world.geo.json\"").doesNotContain("<script>");
    }

    @Test
    void a_year_outside_the_period_or_not_a_year_is_an_error_page() {
        assertThat(http.getForEntity("/years/1999?lang=en", String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.getForEntity("/years/2027", String.class).getStatusCode().value()).isEqualTo(404);
        for (String bad : List.of("/years/abc", "/?year=1999", "/?year=twenty", "/?asOf=soon", "/?unknown=1")) {
            ResponseEntity<String> answer = http.getForEntity(bad, String.class);
            assertThat(answer.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat(answer.getBody()).as(bad).contains("<html");
        }
    }

    @Test
    void the_first_load_with_echarts_and_the_map_is_under_500_kb_compressed() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long total = 0;
        StringBuilder sizes = new StringBuilder();
        for (String path : List.of("/?lang=en", "/site/site.css", "/site/home.css", "/site/charts.js",
                "/webjars/echarts/dist/echarts.min.js", "/site/world.geo.json")) {
            HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            total += answer.body().length;
            sizes.append(path).append(' ').append(answer.body().length).append('\n');
        }
        System.out.println("First load of / (compressed bytes):\n" + sizes + "total " + total);
        assertThat(total).as(sizes.toString()).isLessThan(500_000);
    }
}
