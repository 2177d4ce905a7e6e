package org.equalityledger.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.equalityledger.service.support.PageTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The browsable API page, in a real browser: it lists the ledger's operations. */
class ApiPageTest extends PageTest {

    @Test
    void the_api_page_shows_the_commitment_operations() {
        open("/swagger-ui.html");

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock-summary-path")));

        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).contains("/api/commitments").contains("/api/commitment-makers").contains("/api/initiatives");
        assertThat(browser.findElements(By.cssSelector(".opblock-post"))).hasSizeGreaterThan(10);
    }
}
