package org.equalityledger.service.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.equalityledger.service.eventstore.LedgerEvents;
import org.equalityledger.service.support.Api;
import org.equalityledger.service.support.PageTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/** The public dashboard page in a real browser, without a login, over the reference initiatives. */
class DashboardPageTest extends PageTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    LedgerEvents ledger;

    @Test
    void the_public_sees_the_figures_of_every_initiative_and_can_pick_a_year() {
        open("/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textMatches(By.id("status"), java.util.regex.Pattern.compile("^Up to date: .*")));

        assertThat(browser.findElement(By.id("global")).getText()).contains("Commitments").contains("Pledged");
        List<WebElement> rows = browser.findElements(By.cssSelector("#initiatives tbody tr"));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(9);
        assertThat(browser.findElement(By.id("initiatives")).getText()).contains("Global Alliance for Care");
        assertThat(browser.findElement(By.id("rates")).getText()).startsWith("Money in US dollars at the yearly rates of");

        new Select(browser.findElement(By.id("year"))).selectByVisibleText("2023");
        browser.findElement(By.cssSelector("#filters button")).click();

        wait.until(ExpectedConditions.textToBe(By.id("global-heading"), "All initiatives, 2023"));
        assertThat(browser.findElement(By.id("status")).getText()).startsWith("Up to date: its entries up to ");
    }

    @Test
    void sums_of_billions_fit_their_tiles_with_the_exact_figure_on_hover() throws InterruptedException {
        Api api = new Api(http, ledger);
        Map<String, Object> details = new java.util.LinkedHashMap<>(Api.details());
        details.put("types", List.of("FINANCIAL"));
        details.put("financial", Map.of("amount", "60712965308", "currency", "USD"));
        String maker = api.registerMaker(Api.ALLY);
        api.pledged(Api.ALLY, maker, details);
        for (int i = 0; i < 250 && http.getForObject("/api/dashboards/global", JsonNode.class)
                .path("figures").path("pledgedUsd").asDouble() < 60_712_965_308d; i++) {
            Thread.sleep(20);
        }

        open("/");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textMatches(By.id("status"), java.util.regex.Pattern.compile("^Up to date: .*")));

        WebElement pledged = browser.findElement(By.xpath("//dl[@id='global']/div[dt='Pledged']/dd"));
        assertThat(pledged.getText()).matches("\\$[0-9.]+[KMBT]");
        assertThat(pledged.getAttribute("title")).matches("\\$[0-9]{2,3}(,[0-9]{3}){3}");
        Object overflows = browser.executeScript("const e = arguments[0]; return e.scrollWidth > e.clientWidth;", pledged);
        assertThat(overflows).isEqualTo(false);
    }

    @Test
    void a_past_instant_shows_the_ledger_as_it_was() {
        open("/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textMatches(By.id("status"), java.util.regex.Pattern.compile("^Up to date: .*")));

        browser.executeScript("document.getElementById('asOf').value = '2021-06-30'");
        browser.findElement(By.cssSelector("#filters button")).click();

        wait.until(ExpectedConditions.textMatches(By.id("status"), java.util.regex.Pattern.compile("As the ledger recorded it on 2021-06-30.*")));
        assertThat(browser.findElement(By.id("global")).getText()).contains("Commitments\n0");
    }
}
