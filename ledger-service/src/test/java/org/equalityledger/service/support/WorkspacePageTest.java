package org.equalityledger.service.support;

import org.openqa.selenium.By;

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
}
