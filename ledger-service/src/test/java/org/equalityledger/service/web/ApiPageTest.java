package org.equalityledger.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.equalityledger.service.support.Browser;
import org.equalityledger.service.support.LedgerServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The browsable API page, in a real browser: it lists the ledger's operations. */
@LedgerServiceTest
class ApiPageTest {

    @LocalServerPort
    int port;

    ChromeDriver browser;

    @BeforeEach
    void open() {
        browser = Browser.open();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void the_api_page_shows_the_commitment_operations() {
        browser.get("http://127.0.0.1:" + port + "/swagger-ui.html");

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock-summary-path")));

        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).contains("/api/commitments").contains("/api/commitment-makers").contains("/api/initiatives");
        assertThat(browser.findElements(By.cssSelector(".opblock-post"))).hasSizeGreaterThan(10);
    }
}
