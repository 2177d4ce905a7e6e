package org.equalityledger.service.site.workspace.auditor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.support.Api.ALLY;
import static org.equalityledger.service.support.Api.assertStatus;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.equalityledger.service.audit.LedgerSealer;
import org.equalityledger.service.eventstore.LedgerEvents;
import org.equalityledger.service.support.Api;
import org.equalityledger.service.support.WorkspacePageTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * The auditor's pages in a real browser, in English and Arabic: the audit's home, a commitment's
 * timeline, the checkpoints with a consistency check, and a verification started with the button whose
 * progress the page polls (htmx) until it shows the result. Each passes axe, fits a phone's width and
 * is photographed.
 */
class AuditorPageTest extends WorkspacePageTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    LedgerEvents ledger;
    @Autowired
    LedgerSealer sealer;

    @Test
    void the_auditor_reads_a_timeline_checks_checkpoints_and_verifies_the_ledger_in_english_and_arabic() {
        Api api = new Api(http, ledger);
        String id = api.active(ALLY);
        assertStatus(api.post(ALLY, "/api/commitments/" + id + "/amendments",
                Map.of("changes", Map.of("title", "Care is work, and paid", "countries", List.of("MX", "CR")),
                        "reason", "a second country joined")), HttpStatus.OK);
        sealer.seal();
        long older = sealer.latest().orElseThrow().treeSize();
        api.active(ALLY);
        sealer.seal();
        long newer = sealer.latest().orElseThrow().treeSize();

        signIn("auditor");
        for (String lang : List.of("en", "ar")) {
            visit("/workspace/auditor", lang);
            check("auditor-home");

            browser.findElement(By.id("id")).sendKeys(id);
            browser.findElement(By.cssSelector("form.find-commitment button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/workspace/auditor/commitments/" + id));
            assertThat(browser.getCurrentUrl()).contains("lang=" + lang);
            assertThat(browser.findElements(By.cssSelector("li.timeline-event"))).hasSize(3);
            check("auditor-timeline");

            visit("/workspace/auditor/checkpoints?from=" + older + "&to=" + newer, lang);
            assertThat(browser.findElements(By.cssSelector("[data-consistent=true]"))).hasSize(1);
            check("auditor-checkpoints");

            visit("/workspace/auditor", lang);
            browser.findElement(By.cssSelector("form.verify-start button")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/workspace/auditor/verifications/"));
            // The page polls its progress each second and swaps in the result when it ends.
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(b ->
                    !b.findElements(By.cssSelector("#progress[data-state=verified]")).isEmpty());
            assertThat(browser.findElement(By.id("verification-progress")).getAttribute("value"))
                    .isEqualTo(browser.findElement(By.id("verification-progress")).getAttribute("max"));
            check("auditor-verification");
        }
    }

    private void check(String name) {
        assertAccessible();
        assertNoHorizontalScroll();
        screenshots(name);
    }
}
