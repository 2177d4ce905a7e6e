package org.equalityledger.service.site.workspace.secretariat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.equalityledger.service.support.WorkspacePageTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;

/**
 * The secretariat's pages in a real browser, in English and Arabic: its home, the launch of an initiative
 * (refused, then corrected) and a rebuild followed live. Each passes axe, fits a phone without scrolling
 * sideways, and leaves screenshots in {@code target/screenshots/}.
 */
@TestPropertySource(properties = SecretariatPagesTest.CONTEXT)
class SecretariatWorkspacePageTest extends WorkspacePageTest {

    private void checked(String screenshot) {
        assertAccessible();
        assertNoHorizontalScroll();
        screenshots(screenshot);
    }

    @Test
    void the_secretariat_launches_an_initiative_and_follows_a_rebuild_in_english_and_arabic() {
        signIn("secretariat");
        for (String lang : List.of("en", "ar")) {
            visit("/workspace/secretariat", lang);
            assertThat(browser.findElement(By.id("initiative-list")).getText()).contains("GAC");
            checked("secretariat-home");

            // A launch without its French name: refused beside that field, the values kept.
            String id = "browser-" + lang + "-" + System.nanoTime();
            visit("/workspace/secretariat/initiatives/new", lang);
            new Select(browser.findElement(By.id("kind"))).selectByValue("WORKING_GROUP");
            browser.findElement(By.id("code")).sendKeys("BR-" + lang);
            browser.findElement(By.id("id")).sendKeys(id);
            browser.findElement(By.id("nameEn")).sendKeys("Care working group");
            browser.findElement(By.id("nameEs")).sendKeys("Grupo de trabajo de cuidados");
            browser.findElement(By.id("nameAr")).sendKeys("فريق العمل المعني بالرعاية");
            new Select(browser.findElement(By.id("parentInitiativeId"))).selectByValue("gac");
            browser.findElement(By.cssSelector("form.workspace-form button.primary")).click();
            assertThat(browser.findElement(By.id("nameFr-refusal")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.id("nameFr")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.findElement(By.id("nameEs")).getAttribute("value")).isEqualTo("Grupo de trabajo de cuidados");
            checked("secretariat-launch-refused");

            browser.findElement(By.id("nameFr")).sendKeys("Groupe de travail soins");
            browser.findElement(By.cssSelector("form.workspace-form button.primary")).click();
            // The answer comes once the read side has the new initiative: wait for it rather than read the address at once.
            new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/workspace/secretariat/initiatives/" + id));
            assertThat(browser.findElement(By.cssSelector("p.notice")).isDisplayed()).isTrue();
            checked("secretariat-initiative");

            // A rebuild: its figures follow it live (htmx), without reloading the page.
            visit("/workspace/secretariat/rebuilds/initiatives", lang);
            browser.findElement(By.cssSelector("main form button.primary")).click();
            browser.executeScript("window.sameDocument = true;");
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> "DONE".equals(browser.executeScript(
                    "return document.getElementById('rebuild-progress').dataset.state")));
            assertThat(browser.executeScript("return window.sameDocument === true && typeof window.htmx === 'object'")).isEqualTo(true);
            assertThat(browser.findElement(By.id("rebuild-bar")).getAttribute("value"))
                    .isEqualTo(browser.findElement(By.id("rebuild-bar")).getAttribute("max"));
            checked("secretariat-rebuild");
        }
    }
}
