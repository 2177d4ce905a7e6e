package org.equalityledger.service.support;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A workspace page in a real browser: the site's checks, after signing in with the form. */
public abstract class WorkspacePageTest extends SitePageTest {

    /** Signs in as a demo account (password {@code demo}) and lands on the workspace. */
    protected void signIn(String username) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("form.workspace-form button[type=submit]")).click();
        if (!browser.getCurrentUrl().contains("/workspace")) {
            throw new AssertionError("sign-in of " + username + " did not reach the workspace: " + browser.getCurrentUrl());
        }
    }

    /** Signs out with the header's button and waits for the page it leads to (one offering to sign in again). */
    protected void signOut() {
        browser.findElement(By.cssSelector(".account form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(b -> !b.findElements(By.cssSelector(".account a[href^='/login']")).isEmpty());
    }
}
