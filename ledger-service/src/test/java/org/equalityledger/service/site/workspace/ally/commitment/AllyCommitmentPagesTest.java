package org.equalityledger.service.site.workspace.ally.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.support.Api.ALLY;
import static org.equalityledger.service.support.Api.assertStatus;

import java.util.List;
import java.util.Map;

import org.equalityledger.service.eventstore.LedgerEvents;
import org.equalityledger.service.support.Api;
import org.equalityledger.service.support.WorkspacePageTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * The ally's commitment page and its yearly report form in a real browser, in English and Arabic: axe
 * finds nothing serious, nothing scrolls sideways at phone width, screenshots for a person to look at; a
 * report for a year outside the period is refused beside its field, and the corrected form is filed.
 */
class AllyCommitmentPagesTest extends WorkspacePageTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    LedgerEvents ledger;

    @Test
    void the_commitment_page_and_the_report_form_in_english_and_arabic() throws InterruptedException {
        Api api = new Api(http, ledger);
        String id = api.active(ALLY);
        assertStatus(api.post(ALLY, "/api/commitments/" + id + "/reports",
                Map.of("year", 2022, "report", Api.report("ON_TRACK", "Draft law presented to Congress."))), HttpStatus.OK);
        assertStatus(api.post(ALLY, "/api/commitments/" + id + "/reports/2022/corrections",
                Map.of("report", Api.report("ON_TRACK", "Draft law presented to Congress; figures updated."),
                        "reason", "the final figures arrived")), HttpStatus.OK);
        api.eventually(null, "/api/commitments/" + id, c -> c.path("reports").size() == 1
                && c.path("reports").get(0).path("superseded").size() == 1);
        String page = "/workspace/ally/commitments/" + id;

        signIn(ALLY);
        for (String lang : List.of("en", "ar")) {
            visit(page, lang);
            assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("Care is work");
            assertThat(browser.findElement(By.cssSelector("#year-table tr[data-year='2022']")).getAttribute("data-standing"))
                    .startsWith("filed");
            assertThat(browser.findElements(By.cssSelector("#reports-2022 details.superseded-report"))).hasSize(1);
            assertThat(browser.findElement(By.id("amend")).getAttribute("href")).contains(page + "/amendment");
            assertAccessible();
            assertNoHorizontalScroll();
            screenshots("ally-commitment");

            visit(page + "/reports/new?year=2023", lang);
            WebElement year = browser.findElement(By.id("year"));
            assertThat(year.getAttribute("value")).isEqualTo("2023");
            year.clear();
            year.sendKeys("2030");
            browser.findElement(By.id("status-OFF_TRACK")).click();
            browser.findElement(By.id("value-0")).sendKeys("300");
            browser.findElement(By.id("narrative")).sendKeys("The budget was cut.");
            browser.findElement(By.cssSelector("form.workspace-form button[type=submit]")).click();
            WebElement refusal = browser.findElement(By.id("year-refusal"));
            assertThat(refusal.isDisplayed()).isTrue();
            assertThat(browser.findElement(By.id("year")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.findElement(By.id("narrative")).getAttribute("value")).isEqualTo("The budget was cut.");
            assertAccessible();
            assertNoHorizontalScroll();
            screenshots("ally-report-refused");
        }

        // The Arabic form, corrected, is filed: back on the commitment's page with its notice.
        WebElement year = browser.findElement(By.id("year"));
        year.clear();
        year.sendKeys("2023");
        browser.findElement(By.cssSelector("form.workspace-form button[type=submit]")).click();
        // A recorded form answers once the read side has applied it: wait for the next page.
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("done=reported"));
        assertThat(browser.getCurrentUrl()).contains(page).contains("done=reported").contains("lang=ar");
        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("قُدّم التقرير.");
        assertThat(browser.findElement(By.cssSelector("#year-table tr[data-year='2023']")).getAttribute("data-standing"))
                .startsWith("filed");

        visit(page + "/reports/2022/correction", "en");
        assertThat(browser.findElement(By.id("narrative")).getAttribute("value"))
                .isEqualTo("Draft law presented to Congress; figures updated.");
        assertAccessible();
        screenshots("ally-report-correction");
    }
}
