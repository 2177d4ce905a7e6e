package org.equalityledger.service.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.equalityledger.projections.rebuild.Rebuilds;
import org.equalityledger.projections.store.LedgerReader;
import org.equalityledger.service.support.SitePageTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The "done when", as a reader does it over the demo data: the overview, in Arabic and in
 * French, the Global Alliance for Care, one of its commitments, the maker behind it, the 2023
 * reporting cycle, the same cycle as the ledger recorded it in 2022, and the CSV of what is shown;
 * every figure on the way is the API's.
 */
@TestPropertySource(properties = {"ledger.demo-data=true", "ledger.demo-scale=0.03", "ledger.reference-set.load=false"})
class JourneyTest extends SitePageTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Rebuilds rebuilds;
    @Autowired
    LedgerReader ledger;

    private JsonNode api(String path) {
        return http.getForObject(URI.create(path), JsonNode.class);
    }

    /** The demo data loaded and read: the head stands still and every projection has applied it. */
    private void demoDataRead() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        long head = -1;
        while (System.nanoTime() < deadline) {
            long now = ledger.headPosition();
            long reached = now;
            for (String name : rebuilds.names()) {
                reached = Math.min(reached, rebuilds.processed(name));
            }
            if (now == head && reached >= now) {
                return;
            }
            head = now;
            Thread.sleep(1_000);
        }
    }

    private void follow(String cssSelector) {
        WebElement link = browser.findElement(By.cssSelector(cssSelector));
        browser.get(link.getAttribute("href"));
        awaitCharts();
    }

    private String lang() {
        return browser.findElement(By.tagName("html")).getAttribute("lang");
    }

    @Test
    void a_new_reader_goes_from_the_overview_to_a_cycle_in_the_past_and_downloads_what_it_sees() throws InterruptedException {
        demoDataRead();
        open("/");
        awaitCharts();
        assertThat(browser.findElement(By.id("tile-commitments")).getText())
                .isEqualTo(String.format("%,d", api("/api/dashboards/global").path("figures").path("commitments").asLong()));

        follow(".languages a[lang='ar']");
        assertThat(lang()).isEqualTo("ar");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        follow(".languages a[lang='fr']");
        assertThat(lang()).isEqualTo("fr");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("ltr");

        // The Global Alliance for Care, from the overview's table of initiatives.
        follow("a[href^='/initiatives/gac?']");
        assertThat(browser.getCurrentUrl()).contains("/initiatives/gac").contains("lang=fr");
        JsonNode gac = api("/api/initiatives/gac");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(gac.path("names").path("fr").asText());
        long gacCommitments = api("/api/dashboards/initiatives/gac").path("figures").path("commitments").asLong();
        assertThat(browser.findElement(By.cssSelector("#commitments [data-figure='commitments']")).getText().replaceAll("\\D", ""))
                .isEqualTo(String.valueOf(gacCommitments));

        // One of its commitments, and the maker behind it.
        follow("#commitments tbody a[href^='/commitments/']");
        String commitmentId = URI.create(browser.getCurrentUrl()).getPath().substring("/commitments/".length());
        JsonNode commitment = api("/api/commitments/" + commitmentId);
        assertThat(commitment.path("targets").toString()).contains("gac");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(commitment.path("title").asText());
        follow("a[href^='/commitment-makers/" + commitment.path("maker").path("makerId").asText() + "?']");
        JsonNode maker = api("/api/commitment-makers/" + commitment.path("maker").path("makerId").asText());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(maker.path("name").asText());

        // The 2023 reporting cycle, from the menu.
        follow("nav.sections a[href^='/reporting-cycles?']");
        follow("a[href^='/reporting-cycles/2023?']");
        JsonNode cycle = api("/api/reporting-cycles/2023");
        assertThat(browser.findElements(By.cssSelector("#counts dd")).get(0).getText())
                .isEqualTo(String.valueOf(cycle.path("counts").path("expected").asInt()));

        // Back to what the ledger held in mid-2022 (the 2023 cycle not yet opened or reported on).
        WebElement date = browser.findElement(By.id("asOf"));
        browser.executeScript("arguments[0].value = '2022-06-30'", date);
        browser.findElement(By.cssSelector("form.time-travel button[type='submit']")).click();
        awaitCharts();
        assertThat(browser.getCurrentUrl()).contains("/reporting-cycles/2023").contains("asOf=2022-06-30").contains("lang=fr");
        assertThat(browser.findElement(By.cssSelector(".past-banner")).getText()).contains("2022");
        JsonNode then = api("/api/reporting-cycles/2023?asOf=2022-06-30T23:59:59.999999999Z");
        assertThat(browser.findElements(By.cssSelector("#counts dd")).get(0).getText())
                .isEqualTo(String.valueOf(then.path("counts").path("expected").asInt()));
        List<String> shown = new ArrayList<>();
        browser.findElements(By.cssSelector("#expected tbody tr")).forEach(r -> shown.add(r.getAttribute("data-id")));
        List<String> answered = new ArrayList<>();
        then.path("commitments").forEach(c -> answered.add(c.path("commitmentId").asText()));
        // The page lists the first 50, overdue first; the download has them all.
        assertThat(shown).isEqualTo(answered.subList(0, Math.min(50, answered.size())));

        // The CSV of what is shown: the cycle's commitments (every page), as of the same instant.
        String csvHref = browser.findElement(By.id("download-csv")).getAttribute("href");
        assertThat(csvHref).contains("asOf=2022-06-30");
        String csv = http.getForObject(URI.create(csvHref), String.class);
        assertThat(csv.lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList()).isEqualTo(answered);
        screenshots("journey-cycle-2023-as-of-2022");
    }
}
