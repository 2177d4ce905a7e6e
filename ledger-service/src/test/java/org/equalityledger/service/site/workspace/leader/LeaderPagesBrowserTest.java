package org.equalityledger.service.site.workspace.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.support.Api.ALLY;
import static org.equalityledger.service.support.Api.AUDITOR;
import static org.equalityledger.service.support.Api.LEADER_GAC;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.equalityledger.service.eventstore.LedgerEvents;
import org.equalityledger.service.support.Api;
import org.equalityledger.service.support.WorkspacePageTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Global Alliance for Care's leadership in a browser, in English and Arabic: its validation queue,
 * a pledge that also targets the gender-based violence coalition and was amended with a reason, the
 * rejection refused for want of a reason, then the acceptance. axe, screenshots, phone width.
 */
class LeaderPagesBrowserTest extends WorkspacePageTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    LedgerEvents ledger;

    @Test
    void the_queue_and_a_pledges_page_read_and_work_in_english_and_arabic() throws Exception {
        Api api = new Api(http, ledger);
        String makerId = api.registerMaker(ALLY, Api.fresh("Red de Cuidadoras Comunitarias del Valle de Toluca"), "CIVIL_SOCIETY", "MX");
        Map<String, Object> details = Api.details();
        String title = Api.fresh("Community care centres and paid leave for carers in the State of Mexico");
        details.put("title", title);
        details.put("targets", List.of(Map.of("initiativeId", "gac", "actionCode", "GAC-1"),
                Map.of("initiativeId", "ac-gbv", "actionCode", "GBV-1")));
        String id = api.pledged(ALLY, makerId, details);
        Api.assertStatus(api.post(ALLY, "/api/commitments/" + id + "/extensions",
                Map.of("newEnd", "2024-12-31", "reason", "a third year for the municipalities")), HttpStatus.OK);
        api.eventually(LEADER_GAC, "/api/validation-queue?initiative=gac", q -> q.path("items").toString().contains(id));
        String pledgePage = "/workspace/leader/pledges/" + id;

        signIn("leader-gac");
        for (String lang : List.of("en", "ar")) {
            visit("/workspace/leader", lang);
            assertThat(browser.findElements(By.cssSelector("div[aria-labelledby=queue] a[href^='" + pledgePage + "?']")))
                    .isNotEmpty();
            assertThat(browser.findElement(By.tagName("main")).getText()).contains(title);
            assertAccessible();
            screenshots("leader-queue");
            assertNoHorizontalScroll();

            visit(pledgePage, lang);
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
            String page = browser.findElement(By.tagName("main")).getText();
            assertThat(page).contains("GAC-1").contains("a third year for the municipalities").contains("ally-demo");
            assertThat(page).contains("en".equals(lang) ? "End moved from Dec 31, 2023 to Dec 31, 2024" : "نُقل موعد الانتهاء من");
            assertAccessible();
            screenshots("leader-pledge");
            assertNoHorizontalScroll();

            // Reject without a reason: the commitment refuses, and the page says so beside the reason.
            browser.findElement(By.cssSelector("button[value=REJECT]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> !b.findElements(By.id("reason-gac-refusal")).isEmpty());
            assertThat(browser.findElement(By.id("reason-gac-refusal")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.id("reason-gac")).getAttribute("aria-invalid")).isEqualTo("true");
            assertAccessible();
            screenshots("leader-pledge-refused");
            assertNoHorizontalScroll();
        }
        JsonNode pending = Api.assertStatus(api.get(AUDITOR, "/api/commitments/" + id), HttpStatus.OK);
        assertThat(pending.path("status").asText()).isEqualTo("PLEDGED");

        // Accepted, in Arabic, with a reason: back to the queue with the notice, the pledge gone from it.
        browser.findElement(By.id("reason-gac")).sendKeys("يتوافق مع أولويات التحالف");
        browser.findElement(By.cssSelector("button[value=ACCEPT]")).click();
        // The form leads on once the decision is recorded and the read side has applied it.
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> b.getCurrentUrl().contains("/workspace/leader?") && !b.findElements(By.cssSelector(".notice")).isEmpty());
        // A recorded form answers once the read side has applied it: wait for the next page.
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/workspace/leader?"));
        assertThat(browser.getCurrentUrl()).contains("/workspace/leader?").contains("lang=ar");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("قبلت التعهد");
        assertThat(browser.findElements(By.cssSelector("div[aria-labelledby=queue] a[href^='" + pledgePage + "?']"))).isEmpty();
        assertAccessible();
        screenshots("leader-decided");
        JsonNode accepted = Api.assertStatus(api.get(AUDITOR, "/api/commitments/" + id), HttpStatus.OK);
        assertThat(accepted.path("status").asText()).isEqualTo("ACTIVE");
    }
}
