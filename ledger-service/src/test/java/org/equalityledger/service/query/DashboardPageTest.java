package org.equalityledger.service.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.equalityledger.service.support.PageTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The public dashboard page in a real browser, without a login, over the reference initiatives. */
class DashboardPageTest extends PageTest {

    @Test
    void the_public_sees_the_figures_of_every_initiative_and_can_pick_a_year() {
        open("/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Up to date."));

        assertThat(browser.findElement(By.id("global")).getText()).contains("Commitments").contains("Pledged");
        List<WebElement> rows = browser.findElements(By.cssSelector("#initiatives tbody tr"));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(9);
        assertThat(browser.findElement(By.id("initiatives")).getText()).contains("Global Alliance for Care");
        assertThat(browser.findElement(By.id("rates")).getText()).startsWith("Money in US dollars at the yearly rates of");

        new Select(browser.findElement(By.id("year"))).selectByVisibleText("2023");
        browser.findElement(By.cssSelector("#filters button")).click();

        wait.until(ExpectedConditions.textToBe(By.id("global-heading"), "All initiatives, 2023"));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Up to date.");
    }

    @Test
    void a_past_instant_shows_the_ledger_as_it_was() {
        open("/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Up to date."));

        browser.executeScript("document.getElementById('asOf').value = '2021-06-30'");
        browser.findElement(By.cssSelector("#filters button")).click();

        wait.until(ExpectedConditions.textMatches(By.id("status"), java.util.regex.Pattern.compile("As the ledger recorded it on 2021-06-30.*")));
        assertThat(browser.findElement(By.id("global")).getText()).contains("Commitments\n0");
    }
}
