package org.equalityledger.service.site.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.support.Api.ALLY;
import static org.equalityledger.service.support.Api.LEADER_GAC;
import static org.equalityledger.service.support.Api.PARTNER;
import static org.equalityledger.service.support.Api.assertStatus;

import java.math.BigDecimal;
import java.net.URI;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The commitment and commitment-maker pages in a browser: a pledge in colones with a co-maker, its
 * validation, an amendment with a reason, two yearly reports (one disbursing US dollars) and a
 * correction, all made through the API; every figure the pages show is the API's.
 */
class CommitmentPagesTest extends SitePageTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    LedgerEvents ledger;
    Api api;

    /** The story, recorded once for every test of the class (ids are fresh, so no other test sees it). */
    static Story story;

    record Story(String commitmentId, String makerId, String coMakerId, Instant beforePledge, Instant beforeCorrection) {
    }

    @BeforeEach
    void record() throws Exception {
        api = new Api(http, ledger);
        if (story != null) {
            return;
        }
        String maker = api.registerMaker(ALLY, Api.fresh("Gobierno de Costa Rica"), "GOVERNMENT", "CR");
        String coMaker = api.registerMaker(PARTNER, Api.fresh("Red de Cuidadoras"), "CIVIL_SOCIETY", "CR");
        Map<String, Object> details = Api.details();
        details.put("types", List.of("FINANCIAL", "POLICY"));
        details.put("financial", Map.of("amount", new BigDecimal("150000000"), "currency", "CRC"));
        details.put("title", "Sistema Nacional de Cuidados");
        details.put("coMakerIds", List.of(coMaker));
        details.put("countries", List.of("CR"));
        Instant beforePledge = Instant.now();
        Thread.sleep(5);
        String id = api.pledged(ALLY, maker, details);
        assertStatus(api.post(LEADER_GAC, "/api/commitments/" + id + "/decisions",
                Map.of("initiativeId", "gac", "verdict", "ACCEPT", "reason", "It builds the care system the Alliance asks for")),
                HttpStatus.OK);
        assertStatus(api.post(ALLY, "/api/commitments/" + id + "/amendments", Map.of("changes",
                Map.of("title", "Sistema Nacional de Cuidados y Apoyos"), "reason", "the law renamed the system")), HttpStatus.OK);
        Map<String, Object> first = Api.report("ON_TRACK", "Twelve care centres opened.");
        first.put("moneyDisbursed", Map.of("amount", new BigDecimal("50000"), "currency", "USD"));
        assertStatus(api.post(ALLY, "/api/commitments/" + id + "/reports", Map.of("year", 2022, "report", first)), HttpStatus.OK);
        Map<String, Object> second = Api.report("OFF_TRACK", "The budget was cut.");
        second.put("indicatorValues", Map.of("CARE-JOBS", 300));
        assertStatus(api.post(ALLY, "/api/commitments/" + id + "/reports", Map.of("year", 2023, "report", second)), HttpStatus.OK);
        api.eventually(null, "/api/commitments/" + id, c -> c.path("reports").size() == 2);
        Thread.sleep(5);
        Instant beforeCorrection = Instant.now();
        Thread.sleep(5);
        Map<String, Object> corrected = Api.report("ON_TRACK", "Fourteen care centres opened.");
        corrected.put("moneyDisbursed", Map.of("amount", new BigDecimal("65000"), "currency", "USD"));
        corrected.put("indicatorValues", Map.of("CARE-JOBS", 140));
        assertStatus(api.post(ALLY, "/api/commitments/" + id + "/reports/2022/corrections",
                Map.of("report", corrected, "reason", "two centres were missing from the count")), HttpStatus.OK);
        api.eventually(null, "/api/commitments/" + id, c -> c.path("reports").get(0).path("superseded").size() == 1);
        story = new Story(id, maker, coMaker, beforePledge, beforeCorrection);
    }

    private ResponseEntity<String> page(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "text/html");
        // As a URI: the path is sent as written, not encoded a second time.
        return http.exchange(URI.create(http.getRootUri() + path), HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private JsonNode apiAnswer(String path) {
        return assertStatus(api.get(null, path), HttpStatus.OK);
    }

    private static String money(String amount, String currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.forLanguageTag("en"));
        format.setCurrency(Currency.getInstance(currency));
        String money = plain(format.format(new BigDecimal(amount)));
        // A currency shown by its code is spaced from the amount (SiteContext.money).
        return money.startsWith(currency) && Character.isDigit(money.charAt(3)) ? currency + " " + money.substring(3) : money;
    }

    /** Text with no-break spaces as plain spaces (currency formats use them; the browser may not). */
    private static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private String text(String css) {
        return plain(browser.findElement(By.cssSelector(css)).getText());
    }

    private List<String> cells(WebElement row) {
        List<String> cells = new ArrayList<>();
        row.findElements(By.cssSelector("th, td")).forEach(c -> cells.add(plain(c.getText())));
        return cells;
    }

    @Test
    void the_commitment_page_shows_what_the_api_answers_in_english_and_arabic() {
        JsonNode c = apiAnswer("/api/commitments/" + story.commitmentId());
        visit("/commitments/" + story.commitmentId(), "en");
        String page = text("main");
        assertThat(text("h1")).isEqualTo(c.path("title").asText()).isEqualTo("Sistema Nacional de Cuidados y Apoyos");
        assertThat(page).contains("Active").contains(c.path("maker").path("name").asText()).contains("Costa Rica")
                .contains("Financial").contains("Policy");
        // co-maker, initiative and action are links to their pages
        assertThat(browser.findElement(By.cssSelector("a[href^='/commitment-makers/" + story.coMakerId() + "']")).getText())
                .startsWith("Red de Cuidadoras");
        assertThat(browser.findElements(By.cssSelector("a[href^='/initiatives/gac/actions/GAC-1']"))).isNotEmpty();

        // the decision with its reason
        assertThat(text("#decisions + .table-wrap")).contains("Accepted").contains(c.path("decisions").get(0).path("reason").asText());

        // money: each movement in its currency and in US dollars, or said not to be converted, never 0
        List<WebElement> rows = browser.findElements(By.cssSelector("table.money tbody tr"));
        assertThat(rows).hasSize(c.path("moneyMovements").size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode m = c.path("moneyMovements").get(i);
            List<String> cells = cells(rows.get(i));
            assertThat(cells.get(2)).isEqualTo(money(m.path("amount").asText(), m.path("currency").asText()));
            assertThat(cells.get(3)).isEqualTo(m.path("usd").isNull()
                    ? "not converted: no " + m.path("rateYear").asInt() + " rate recorded" : money(m.path("usd").asText(), "USD"));
            assertThat(cells.get(0).contains("no longer in force")).isEqualTo(!m.path("inForce").asBoolean());
        }
        assertThat(page).contains(money("150000000", "CRC")).contains(money("65000", "USD"));

        // reports: the correction in force, the superseded revision kept and marked
        String report2022 = text("section.report[aria-labelledby='report-2022']");
        assertThat(report2022).contains("In force: revision 2").contains("two centres were missing from the count")
                .contains("Fourteen care centres opened.").contains("Revision 1, superseded by revision 2");
        assertThat(text("section.report[aria-labelledby='report-2023']")).contains("In force: revision 1").contains("Off track");
        browser.findElement(By.cssSelector("section.report[aria-labelledby='report-2022'] details summary")).click();
        assertThat(text("section.report[aria-labelledby='report-2022'] details")).contains("Superseded")
                .contains("Twelve care centres opened.").contains(money("50000", "USD"));
        // indicators: baseline, target and the values in force each year
        JsonNode indicator = c.path("indicators").get(0);
        assertThat(cells(browser.findElement(By.cssSelector("#indicators + .table-wrap tbody tr")))).containsExactly(
                indicator.path("code").asText() + " (jobs)", "0", "1,000",
                c.path("reports").get(0).path("inForce").path("indicatorValues").path("CARE-JOBS").asText(),
                c.path("reports").get(1).path("inForce").path("indicatorValues").path("CARE-JOBS").asText());
        assertThat(c.path("reports").get(0).path("inForce").path("indicatorValues").path("CARE-JOBS").asInt()).isEqualTo(140);

        // the public timeline: what changed, when and why where the API answers why to everyone; never who
        String timeline = text("ol.timeline");
        assertThat(timeline).contains("Pledged").contains("Accepted by an initiative")
                .contains("Title: Sistema Nacional de Cuidados → Sistema Nacional de Cuidados y Apoyos")
                .contains("Report for 2022 corrected (revision 1 superseded)").contains("Why: two centres were missing from the count")
                .contains("Why: It builds the care system the Alliance asks for")
                .doesNotContain("the law renamed the system");
        assertThat(browser.findElements(By.cssSelector("ol.timeline > li"))).hasSize(6);
        assertThat(browser.getPageSource()).doesNotContain(ALLY).doesNotContain(LEADER_GAC);
        assertThat(text("footer")).contains("position " + String.format(Locale.ENGLISH, "%,d", c.path("asOfPosition").asLong()));
        assertAccessible();
        assertNoHorizontalScroll();
        screenshots("commitment");

        visit("/commitments/" + story.commitmentId(), "ar");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(text("h1")).isEqualTo(c.path("title").asText());
        assertThat(text("main")).contains("ساري").contains("صُحِّح للسبب التالي: two centres were missing from the count")
                .contains("تقرير عام 2022").contains("الصيغة 1، استُبدلت بالصيغة 2");
        assertAccessible();
        assertNoHorizontalScroll();
        screenshots("commitment");

        visit("/commitments/" + story.commitmentId(), "fr");
        assertThat(text("main")).contains("Actif").contains("Rapport 2022").contains("En vigueur : version 2");
    }

    @Test
    void the_commitment_as_of_an_instant_is_the_one_the_ledger_then_held() {
        String before = "/commitments/" + story.commitmentId() + "?asOf=" + story.beforeCorrection();
        JsonNode then = apiAnswer("/api/commitments/" + story.commitmentId() + "?asOf=" + story.beforeCorrection());
        assertThat(then.path("reports").get(0).path("superseded")).isEmpty();
        visit(before, "en");
        assertThat(text(".past-banner")).isNotEmpty();
        String report2022 = text("section.report[aria-labelledby='report-2022']");
        assertThat(report2022).contains("In force: revision 1").contains("Twelve care centres opened.")
                .doesNotContain("superseded").doesNotContain("Fourteen");
        assertThat(browser.findElements(By.cssSelector("ol.timeline > li"))).hasSize(5);
        assertThat(text("footer")).contains("position " + String.format(Locale.ENGLISH, "%,d", then.path("asOfPosition").asLong()));
        // every link keeps the instant
        assertThat(browser.findElement(By.cssSelector("a[href^='/commitment-makers/" + story.makerId() + "']"))
                .getAttribute("href")).contains("asOf=");

        ResponseEntity<String> notYet = page("/commitments/" + story.commitmentId() + "?lang=en&asOf=" + story.beforePledge());
        assertThat(notYet.getStatusCode().value()).isEqualTo(404);
        assertThat(notYet.getBody()).contains("Nothing here");
        assertThat(page("/commitment-makers/" + story.makerId() + "?asOf=2021-01-01").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void the_maker_page_shows_its_commitments_and_reporting_record_as_the_api_answers() {
        JsonNode m = apiAnswer("/api/commitment-makers/" + story.makerId());
        visit("/commitment-makers/" + story.makerId(), "en");
        assertThat(text("h1")).isEqualTo(m.path("name").asText());
        assertThat(text("main")).contains("Government").contains("Costa Rica").contains("Latin America and the Caribbean");
        List<WebElement> links = browser.findElements(By.cssSelector("#commitments + .table-wrap tbody a"));
        assertThat(links).hasSize(m.path("commitments").size());
        assertThat(links.get(0).getAttribute("href")).contains("/commitments/" + story.commitmentId());
        List<WebElement> years = browser.findElements(By.cssSelector("#record ~ .table-wrap tbody tr"));
        assertThat(years).hasSize(m.path("reportingRecord").size());
        for (int i = 0; i < years.size(); i++) {
            JsonNode y = m.path("reportingRecord").get(i);
            int expected = y.path("expected").asInt();
            int reported = y.path("reported").asInt();
            int late = y.path("late").asInt();
            int overdue = y.path("overdue").asInt();
            assertThat(cells(years.get(i))).containsExactly(y.path("year").asText(), String.valueOf(expected),
                    String.valueOf(reported - late), String.valueOf(late), String.valueOf(overdue),
                    String.valueOf(expected - reported - overdue));
        }
        assertThat(m.path("reportingRecord").get(0).path("reported").asInt()).isEqualTo(1);
        assertThat(text("#money + .tiles")).contains(money(m.path("money").path("disbursedUsd").asText(), "USD"));
        assertAccessible();
        assertNoHorizontalScroll();
        screenshots("maker");

        visit("/commitment-makers/" + story.makerId(), "ar");
        assertThat(text("h1")).isEqualTo(m.path("name").asText());
        assertThat(text("main")).contains("حكومة").contains("سجل التقارير عامًا بعام");
        assertAccessible();
        assertNoHorizontalScroll();
        screenshots("maker");

        // as of an instant before the commitment: the maker, without it
        JsonNode then = apiAnswer("/api/commitment-makers/" + story.makerId() + "?asOf=" + story.beforePledge());
        assertThat(then.path("commitments")).isEmpty();
        visit("/commitment-makers/" + story.makerId() + "?asOf=" + story.beforePledge(), "en");
        assertThat(browser.findElements(By.cssSelector("#commitments + .table-wrap"))).isEmpty();
        assertThat(text("main")).contains("The ledger holds no commitment of this maker.");
    }

    @Test
    void a_pending_a_rejected_and_a_withdrawn_commitment_say_so() throws Exception {
        String pending = api.pledged(ALLY);
        String rejected = api.pledged(ALLY);
        assertStatus(api.post(LEADER_GAC, "/api/commitments/" + rejected + "/decisions",
                Map.of("initiativeId", "gac", "verdict", "REJECT", "reason", "Outside the Alliance’s priority areas")), HttpStatus.OK);
        String withdrawn = api.active(ALLY);
        assertStatus(api.post(ALLY, "/api/commitments/" + withdrawn + "/withdrawal", Map.of("reason", "the funding was lost")),
                HttpStatus.OK);
        for (String id : List.of(pending, rejected, withdrawn)) {
            api.eventually(null, "/api/commitments/" + id, c -> !c.path("decisions").isEmpty());
        }
        api.eventually(null, "/api/commitments/" + withdrawn, c -> "WITHDRAWN".equals(c.path("status").asText()));
        api.eventually(null, "/api/commitments/" + rejected, c -> "REJECTED".equals(c.path("status").asText()));

        assertThat(page("/commitments/" + pending + "?lang=en").getBody())
                .contains("This pledge is waiting for the leadership of the initiatives it targets")
                .contains("Awaiting a decision").contains("due by");
        assertThat(page("/commitments/" + rejected + "?lang=en").getBody()).contains("Every initiative this pledge targeted rejected it")
                .contains("Outside the Alliance’s priority areas");
        String gone = page("/commitments/" + withdrawn + "?lang=es").getBody();
        assertThat(gone).contains("Retirado").contains("retiró este compromiso").contains("the funding was lost");
    }

    @Test
    void unknown_and_malformed_addresses_are_error_pages_never_failures() {
        for (String unknown : List.of("/commitments/commitment-00000000-0000-0000-0000-000000000000",
                "/commitments/nothing", "/commitments/%27%22%3Cscript%3E", "/commitments/" + "9".repeat(500),
                "/commitment-makers/maker-00000000-0000-0000-0000-000000000000", "/commitment-makers/" + "x".repeat(300),
                "/commitment-makers/%E2%80%AE")) {
            ResponseEntity<String> answer = page(unknown + "?lang=ar");
            assertThat(answer.getStatusCode().value()).as(unknown).isIn(400, 404);
            if (answer.getStatusCode().value() == 404) {
                assertThat(answer.getBody()).as(unknown).contains("dir=\"rtl\"").contains("لا شيء هنا");
            }
        }
        for (String bad : List.of("/commitments/" + story.commitmentId() + "?asOf=yesterday",
                "/commitment-makers/" + story.makerId() + "?asOf=2022-02-30", "/commitments/" + story.commitmentId() + "?page=2")) {
            assertThat(page(bad).getStatusCode().value()).as(bad).isEqualTo(400);
        }
        visit("/commitments/commitment-00000000-0000-0000-0000-000000000000", "en");
        assertThat(text("h1")).isEqualTo("Nothing here");
    }
}
