package org.equalityledger.service.site.workspace.ally;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.equalityledger.service.support.WorkspacePageTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The ally's workspace in a real browser, in English and Arabic: an ally registers its maker, pledges with
 * the form (refused first for a six-year period, the rule beside the period), and finds the pledge in its
 * workspace awaiting the leadership's decision. Every page passes axe, fits a phone and is photographed.
 */
class AllyPagesTest extends WorkspacePageTest {

    @Test
    void an_ally_registers_pledges_and_sees_its_commitment_awaiting_a_decision_in_english_and_arabic() {
        signIn("ally-partner");
        String maker = "Fondo Feminista del Sur " + System.nanoTime();
        visit("/workspace/ally/makers/new", "en");
        browser.findElement(By.id("name")).sendKeys(maker);
        new Select(browser.findElement(By.id("stakeholderGroup"))).selectByValue("PHILANTHROPY");
        new Select(browser.findElement(By.id("hemisphere"))).selectByValue("GLOBAL_SOUTH");
        browser.findElement(By.id("country")).sendKeys("CL");
        browser.findElement(By.cssSelector("form.workspace-form button.primary")).click();
        wait(ExpectedConditions.urlContains("registered="));

        // The pledge form, from the maker's own link: the financial part is expected of a philanthropy.
        browser.findElement(By.xpath("//section[h2[normalize-space()='" + maker + "']]//a[text()='Pledge a commitment for this maker']")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("title")));
        assertThat(browser.findElement(By.cssSelector(".pledge-form .expected")).getText()).contains(maker);
        String title = "Fondos para cuidadoras comunitarias " + System.nanoTime();
        browser.findElement(By.id("title")).sendKeys(title);
        browser.findElement(By.id("description")).sendKeys("Grants to community carers' collectives in Chile and Peru.");
        browser.findElement(By.cssSelector("label[for=type-PROGRAMMATIC]")).click();
        browser.findElement(By.cssSelector("label[for=type-FINANCIAL]")).click();
        browser.findElement(By.id("amount")).sendKeys("1500000");
        browser.findElement(By.id("currency")).sendKeys("CLP");
        WebElement care = browser.findElement(By.xpath("//details[.//input[@value='gac:GAC-1']]"));
        care.findElement(By.tagName("summary")).click();
        browser.findElement(By.id("target-gac-GAC-1")).click();
        browser.findElement(By.id("indicator-0-code")).sendKeys("CARERS");
        browser.findElement(By.id("indicator-0-unit")).sendKeys("carers paid");
        browser.findElement(By.id("indicator-0-target")).sendKeys("400");
        browser.findElement(By.id("countries")).sendKeys("CL PE");
        new Select(browser.findElement(By.id("startYear"))).selectByValue("2021");
        new Select(browser.findElement(By.id("endYear"))).selectByValue("2026");
        browser.findElement(By.cssSelector("form.pledge-form button.primary")).click();

        WebElement refusal = wait(ExpectedConditions.visibilityOfElementLocated(By.id("period-refusal")));
        assertThat(refusal.getText()).contains("at most five years");
        assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo(title);
        assertAccessible();
        screenshots("ally-pledge-refused");

        new Select(browser.findElement(By.id("endYear"))).selectByValue("2025");
        browser.findElement(By.cssSelector("form.pledge-form button.primary")).click();
        wait(ExpectedConditions.urlMatches("/workspace/ally/commitments/commitment-"));

        visit("/workspace/ally", "en");
        assertThat(browser.findElement(By.linkText(title)).getAttribute("href")).contains("/workspace/ally/commitments/commitment-");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Pledged, awaiting a decision")
                .contains("The decision of Global Alliance for Care, due by");
        assertAccessible();
        assertFitsPhone();
        screenshots("ally-home");

        visit("/workspace/ally", "ar");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(title).contains("قطع التزام");
        assertAccessible();
        assertFitsPhone();
        screenshots("ally-home");

        visit("/workspace/ally/pledges/new", "ar");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("قطع التزام");
        assertAccessible();
        assertFitsPhone();
        screenshots("ally-pledge");

        visit("/workspace/ally/pledges/new", "en");
        assertAccessible();
        assertFitsPhone();
        screenshots("ally-pledge");
    }

    /** As {@link #assertNoHorizontalScroll()}, naming the elements that stick out when the page does scroll. */
    private void assertFitsPhone() {
        try {
            assertNoHorizontalScroll();
        } catch (AssertionError scrolls) {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(PHONE, 800));
            Object wide = browser.executeScript("const w = document.documentElement.clientWidth; "
                    + "return Array.from(document.querySelectorAll('body *')).filter(e => { const r = e.getBoundingClientRect(); "
                    + "return r.width > 0 && (r.right > w + 1 || r.left < -1) && !e.closest('.default-button, .skip'); }).slice(0, 12)"
                    + ".map(e => { const r = e.getBoundingClientRect(); return e.tagName + '#' + e.id + '.' + e.className + ' ' "
                    + "+ Math.round(r.left) + '..' + Math.round(r.right); }).join('\\n')");
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(DESKTOP, 1024));
            throw new AssertionError(scrolls.getMessage() + "\nsticking out:\n" + wide, scrolls);
        }
    }

    private <T> T wait(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition);
    }
}
