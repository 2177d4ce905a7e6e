package org.equalityledger.service.site.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.equalityledger.projections.rebuild.Rebuilds;
import org.equalityledger.projections.store.LedgerReader;
import org.equalityledger.service.support.SitePageTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The search and list pages and the reporting-cycle pages in a real browser, over the demo data (loaded
 * through the command side at start, at its historical instants): every row and figure is the API's
 * answer for the same filters and instant, and the downloads hold what the page shows.
 */
@TestPropertySource(properties = {"ledger.demo-data=true", "ledger.demo-scale=0.03", "ledger.reference-set.load=false"})
class ListPagesTest extends SitePageTest {

    /** The day's end that {@code ?asOf=2022-06-30} means on a page, as the API takes it. */
    static final String JUNE_2022 = "2022-06-30T23:59:59.999999999Z";

    @Autowired
    TestRestTemplate http;
    @Autowired
    Rebuilds rebuilds;
    @Autowired
    LedgerReader ledger;

    @BeforeEach
    void demoDataRead() throws InterruptedException {
        long head = ledger.headPosition();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        for (String name : rebuilds.names()) {
            while (rebuilds.processed(name) < head && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
    }

    /** The API's answer at an address of the API or a link of a page (taken as it is, already encoded). */
    JsonNode api(String path) {
        return path.startsWith("http") ? http.getForObject(URI.create(path), JsonNode.class) : http.getForObject(path, JsonNode.class);
    }

    static List<String> ids(JsonNode answer, String items, String field) {
        List<String> ids = new ArrayList<>();
        answer.path(items).forEach(i -> ids.add(i.path(field).asText()));
        return ids;
    }

    List<String> rowIds(String table) {
        return browser.findElements(By.cssSelector("#" + table + " tbody tr")).stream().map(r -> r.getAttribute("data-id")).toList();
    }

    /** The first column (ids) of a CSV download, without its header. */
    List<String> csvIds(String href) {
        String csv = http.getForObject(URI.create(href), String.class);
        return csv.lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
    }

    ResponseEntity<String> page(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "text/html");
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    String href(String id) {
        return browser.findElement(By.id(id)).getAttribute("href");
    }

    @Test
    void the_commitments_are_the_apis_rows_in_english_and_arabic_on_a_desktop_and_a_phone() {
        JsonNode answer = api("/api/commitments?initiative=gac&size=25");
        assertThat(answer.path("total").asInt()).isPositive();
        for (String lang : List.of("en", "ar")) {
            visit("/commitments?initiative=gac", lang);
            assertThat(rowIds("commitments")).isEqualTo(ids(answer, "items", "commitmentId"));
            assertThat(browser.findElement(By.id("total")).getText()).contains(String.valueOf(answer.path("total").asInt()));
            assertThat(new Select(browser.findElement(By.id("initiative"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("gac");
            WebElement first = browser.findElement(By.cssSelector("#commitments tbody tr a"));
            assertThat(first.getAttribute("href")).contains("/commitments/" + answer.path("items").get(0).path("commitmentId").asText())
                    .contains("lang=" + lang);
            assertThat(browser.findElement(By.cssSelector("footer .reflects")).getText())
                    .contains(String.valueOf(answer.path("asOfPosition").asLong()));
            assertAccessible();
            assertNoHorizontalScroll();
            screenshots("commitments");
        }
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("الالتزامات");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
    }

    @Test
    void pages_go_forward_and_back_as_the_api_pages() {
        JsonNode all = api("/api/commitments?size=25");
        assertThat(all.path("total").asInt()).isGreaterThan(50);
        visit("/commitments?size=25", "en");
        assertThat(rowIds("commitments")).isEqualTo(ids(all, "items", "commitmentId"));
        browser.findElement(By.cssSelector(".pager a[rel='next']")).click();
        assertThat(browser.getCurrentUrl()).contains("page=1").contains("size=25").contains("lang=en");
        assertThat(rowIds("commitments")).isEqualTo(ids(api("/api/commitments?size=25&page=1"), "items", "commitmentId"));
        browser.findElement(By.cssSelector(".pager a[rel='next']")).click();
        assertThat(rowIds("commitments")).isEqualTo(ids(api("/api/commitments?size=25&page=2"), "items", "commitmentId"));
        browser.findElement(By.cssSelector(".pager a[rel='prev']")).click();
        assertThat(browser.getCurrentUrl()).contains("page=1");
        assertThat(rowIds("commitments")).isEqualTo(ids(api("/api/commitments?size=25&page=1"), "items", "commitmentId"));
        // Past the end: an empty page that says so, not an error.
        visit("/commitments?size=25&page=999", "en");
        assertThat(rowIds("commitments")).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".pager a[rel='prev']")).isDisplayed()).isTrue();
    }

    @Test
    void the_filters_stay_in_the_address_and_in_the_downloads_which_hold_what_the_page_shows() {
        visit("/commitments?status=ACTIVE&size=100&asOf=2024-01-01", "es");
        new Select(browser.findElement(By.id("type"))).selectByValue("POLICY");
        browser.findElement(By.cssSelector("form.list-filters button[type='submit']")).click();
        assertThat(browser.getCurrentUrl()).contains("status=ACTIVE").contains("type=POLICY").contains("asOf=2024-01-01")
                .contains("lang=es").contains("size=100");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Compromisos");
        List<String> shown = rowIds("commitments");
        assertThat(shown).isNotEmpty();

        String csv = href("download-csv");
        assertThat(csv).contains("/api/commitments/export.csv?").contains("status=ACTIVE").contains("type=POLICY")
                .contains("asOf=2024-01-01T23:59:59.999999999Z");
        assertThat(csvIds(csv)).isEqualTo(shown);
        String json = href("download-json");
        assertThat(json).contains("status=ACTIVE").contains("type=POLICY").contains("size=100").contains("asOf=2024-01-01T23:59:59");
        JsonNode answer = api(json);
        assertThat(ids(answer, "items", "commitmentId")).isEqualTo(shown);
        // The instant matters: today's list of the same filters differs from that of 2024's first day.
        assertThat(api("/api/commitments?status=ACTIVE&type=POLICY&size=100").path("total").asInt())
                .isNotEqualTo(answer.path("total").asInt());
        // The language switch keeps the filters.
        browser.findElement(By.cssSelector(".languages a[lang='fr']")).click();
        assertThat(browser.getCurrentUrl()).contains("type=POLICY").contains("status=ACTIVE").contains("lang=fr");
        assertThat(rowIds("commitments")).isEqualTo(shown);
    }

    @Test
    void time_travel_shows_the_list_the_ledger_held_then() {
        JsonNode now = api("/api/commitments?size=100");
        JsonNode then = api("/api/commitments?size=100&asOf=" + JUNE_2022);
        assertThat(then.path("total").asInt()).isPositive().isLessThan(now.path("total").asInt());
        visit("/commitments?size=100&asOf=2022-06-30", "en");
        assertThat(browser.findElement(By.cssSelector(".past-banner")).isDisplayed()).isTrue();
        assertThat(rowIds("commitments")).isEqualTo(ids(then, "items", "commitmentId"));
        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("Commitments found: " + then.path("total").asInt());
        assertThat(browser.findElement(By.cssSelector("footer .reflects")).getText())
                .contains(String.format("%,d", then.path("asOfPosition").asLong()));
        browser.findElement(By.linkText("Today")).click();
        assertThat(rowIds("commitments")).isEqualTo(ids(now, "items", "commitmentId"));
    }

    @Test
    void bad_filter_values_are_the_400_page_never_a_failure() {
        for (String bad : List.of("/commitments?status=BOGUS", "/commitments?type=GIFT", "/commitments?group=x",
                "/commitments?region=MOON", "/commitments?country=MEX", "/commitments?page=-1", "/commitments?size=0",
                "/commitments?size=100000", "/commitments?page=99999999999", "/commitments?year=99999999999",
                "/commitments?text=" + "x".repeat(201), "/commitments?page=abc", "/commitments?asOf=yesterday",
                "/commitments?colour=red", "/commitment-makers?group=NOPE", "/commitment-makers?hemisphere=EAST",
                "/commitment-makers?page=-1", "/commitment-makers?size=99999999999", "/commitment-makers?region=x",
                "/reporting-cycles/abc", "/reporting-cycles?year=2023")) {
            ResponseEntity<String> answer = page(bad + (bad.contains("?") ? "&" : "?") + "lang=ar");
            assertThat(answer.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat(answer.getBody()).as(bad).contains("dir=\"rtl\"").contains("هذا العنوان غير مفهوم");
        }
        assertThat(page("/reporting-cycles/1999").getStatusCode().value()).isEqualTo(404);
        for (String junk : List.of("%27%20OR%20%271%27%3D%271", "%E2%80%AEevil", "%F0%9F%98%80", "%3Cscript%3E", "%00")) {
            ResponseEntity<String> answer = page("/commitments?text=" + junk);
            assertThat(answer.getStatusCode().is5xxServerError()).as(junk).isFalse();
            assertThat(page("/commitment-makers?text=" + junk).getStatusCode().is5xxServerError()).as(junk).isFalse();
        }
    }

    @Test
    void the_makers_are_the_apis_with_their_downloads() {
        JsonNode answer = api("/api/commitment-makers?group=CIVIL_SOCIETY&size=25");
        assertThat(answer.path("total").asInt()).isPositive();
        for (String lang : List.of("en", "ar")) {
            visit("/commitment-makers?group=CIVIL_SOCIETY", lang);
            assertThat(rowIds("makers")).isEqualTo(ids(answer, "items", "makerId"));
            assertThat(browser.findElement(By.id("total")).getText()).contains(String.valueOf(answer.path("total").asInt()));
            // The CSV holds every maker of the filters, the page its first 25.
            List<String> csv = csvIds(href("download-csv"));
            assertThat(csv).hasSize(answer.path("total").asInt());
            assertThat(csv.subList(0, rowIds("makers").size())).isEqualTo(rowIds("makers"));
            assertAccessible();
            assertNoHorizontalScroll();
            screenshots("makers");
        }
        JsonNode then = api("/api/commitment-makers?size=100&asOf=2021-03-02T09:10:00Z");
        visit("/commitment-makers?size=100&asOf=2021-03-02T09:10:00Z", "ru");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Авторы обязательств");
        assertThat(rowIds("makers")).isEqualTo(ids(then, "items", "makerId"));
    }

    @Test
    void the_cycles_of_the_period_are_the_apis_counts() {
        visit("/reporting-cycles", "ru");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Циклы отчётности");
        for (int year = 2021; year <= 2026; year++) {
            JsonNode counts = api("/api/reporting-cycles/" + year).path("counts");
            List<String> cells = browser.findElements(By.cssSelector("#cycles tr[data-year='" + year + "'] td.num")).stream()
                    .map(WebElement::getText).toList();
            assertThat(cells.subList(0, 4)).as("cycle %d", year).containsExactly(
                    String.valueOf(counts.path("expected").asInt()),
                    String.valueOf(counts.path("reported").asInt() - counts.path("reportedLate").asInt()),
                    String.valueOf(counts.path("reportedLate").asInt()), String.valueOf(counts.path("overdue").asInt()));
        }
        assertAccessible();
        assertNoHorizontalScroll();
        browser.findElement(By.linkText("2023")).click();
        assertThat(browser.getCurrentUrl()).contains("/reporting-cycles/2023").contains("lang=ru");
    }

    @Test
    void a_cycle_says_who_reported_who_is_late_and_who_is_overdue_per_initiative() {
        JsonNode cycle = api("/api/reporting-cycles/2023");
        JsonNode counts = cycle.path("counts");
        assertThat(counts.path("expected").asInt()).isPositive();
        for (String lang : List.of("en", "ar")) {
            visit("/reporting-cycles/2023", lang);
            assertThat(browser.findElements(By.cssSelector("#counts dd")).stream().map(WebElement::getText).limit(4).toList())
                    .containsExactly(String.valueOf(counts.path("expected").asInt()),
                            String.valueOf(counts.path("reported").asInt() - counts.path("reportedLate").asInt()),
                            String.valueOf(counts.path("reportedLate").asInt()), String.valueOf(counts.path("overdue").asInt()));
            assertThat(rowIds("expected")).isEqualTo(pageOf(ids(cycle, "commitments", "commitmentId"), 0));
            assertThat(browser.findElement(By.id("cycle-chart")).getAttribute("data-drawn")).isEqualTo("true");
            // Per initiative: the figures the API answers for that initiative alone.
            JsonNode gac = api("/api/reporting-cycles/2023?initiative=gac").path("counts");
            List<String> gacRow = browser.findElements(By.cssSelector("#by-initiative tr[data-initiative='gac'] td")).stream()
                    .map(WebElement::getText).toList();
            assertThat(gacRow.subList(0, 4)).containsExactly(String.valueOf(gac.path("expected").asInt()),
                    String.valueOf(gac.path("reported").asInt() - gac.path("reportedLate").asInt()),
                    String.valueOf(gac.path("reportedLate").asInt()), String.valueOf(gac.path("overdue").asInt()));
            assertThat(csvIds(href("download-csv"))).isEqualTo(ids(cycle, "commitments", "commitmentId"));
            assertAccessible();
            assertNoHorizontalScroll();
            screenshots("cycle-2023");
        }
        // The next 50, overdue first as the API orders them, with the filters kept.
        List<String> all = ids(cycle, "commitments", "commitmentId");
        if (all.size() > 50) {
            visit("/reporting-cycles/2023?page=1", "en");
            assertThat(rowIds("expected")).isEqualTo(pageOf(all, 1));
        }
        // One initiative's cycle, kept in the address and the download, as of a past day.
        visit("/reporting-cycles/2023?initiative=gac&asOf=2024-02-01", "en");
        JsonNode then = api("/api/reporting-cycles/2023?initiative=gac&asOf=2024-02-01T23:59:59.999999999Z");
        assertThat(rowIds("expected")).isEqualTo(pageOf(ids(then, "commitments", "commitmentId"), 0));
        assertThat(href("download-csv")).contains("initiative=gac").contains("asOf=2024-02-01T23:59:59.999999999Z");
        assertThat(csvIds(href("download-csv"))).isEqualTo(ids(then, "commitments", "commitmentId"));
        assertThat(browser.findElements(By.cssSelector("#counts dd")).get(0).getText())
                .isEqualTo(String.valueOf(then.path("counts").path("expected").asInt()));
    }

    /** The commitments a cycle's page {@code page} lists: 50 a page. */
    private static List<String> pageOf(List<String> all, int page) {
        return all.subList(Math.min(all.size(), page * 50), Math.min(all.size(), (page + 1) * 50));
    }
}
