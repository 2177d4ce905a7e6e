package org.equalityledger.service.site.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.equalityledger.core.verify.Main;
import org.equalityledger.service.support.Browser;
import org.equalityledger.service.support.FormClient;
import org.equalityledger.service.support.WorkspacePageTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The workspaces' whole story, as the README's "Using the API" tells it, in two browsers and no JSON:
 * an ally registers its maker and pledges (a six-year period refused with its rule beside the field);
 * the leader of the Global Alliance for Care accepts it in a session of its own; the ally files the
 * yearly report and corrects it; an auditor signs a checkpoint, verifies the whole ledger and downloads
 * the report's inclusion proof, which the offline verifier accepts.
 */
class WorkspaceJourneyTest extends WorkspacePageTest {

    @TempDir
    Path folder;

    @Test
    void an_ally_pledges_the_leader_accepts_the_ally_reports_and_corrects_and_the_auditor_proves_it() throws Exception {
        // The ally: its maker, then a pledge refused for its period, then recorded.
        signIn("ally-demo");
        String maker = "Red de Cuidadoras del Caribe " + System.nanoTime();
        visit("/workspace/ally/makers/new", "en");
        browser.findElement(By.id("name")).sendKeys(maker);
        new Select(browser.findElement(By.id("stakeholderGroup"))).selectByValue("CIVIL_SOCIETY");
        new Select(browser.findElement(By.id("hemisphere"))).selectByValue("GLOBAL_SOUTH");
        browser.findElement(By.id("country")).sendKeys("DO");
        browser.findElement(By.cssSelector("form.workspace-form button.primary")).click();
        await(ExpectedConditions.urlContains("registered="));
        browser.findElement(By.xpath("//section[h2[normalize-space()='" + maker + "']]//a[text()='Pledge a commitment for this maker']")).click();
        await(ExpectedConditions.presenceOfElementLocated(By.id("title")));
        String title = "Cuidado comunitario en Santo Domingo " + System.nanoTime();
        browser.findElement(By.id("title")).sendKeys(title);
        browser.findElement(By.id("description")).sendKeys("Community care centres run with the carers themselves.");
        browser.findElement(By.cssSelector("label[for=type-PROGRAMMATIC]")).click();
        browser.findElement(By.xpath("//details[.//input[@value='gac:GAC-1']]")).findElement(By.tagName("summary")).click();
        browser.findElement(By.id("target-gac-GAC-1")).click();
        browser.findElement(By.id("indicator-0-code")).sendKeys("CENTRES");
        browser.findElement(By.id("indicator-0-unit")).sendKeys("care centres open");
        browser.findElement(By.id("indicator-0-target")).sendKeys("12");
        browser.findElement(By.id("countries")).sendKeys("DO");
        new Select(browser.findElement(By.id("startYear"))).selectByValue("2021");
        new Select(browser.findElement(By.id("endYear"))).selectByValue("2026");
        browser.findElement(By.cssSelector("form.pledge-form button.primary")).click();
        assertThat(await(ExpectedConditions.visibilityOfElementLocated(By.id("period-refusal"))).getText())
                .contains("at most five years");
        new Select(browser.findElement(By.id("endYear"))).selectByValue("2022");
        browser.findElement(By.cssSelector("form.pledge-form button.primary")).click();
        await(ExpectedConditions.urlMatches("/workspace/ally/commitments/commitment-"));
        Matcher idInAddress = Pattern.compile("/workspace/ally/commitments/(commitment-[0-9a-f-]+)").matcher(browser.getCurrentUrl());
        assertThat(idInAddress.find()).isTrue();
        String id = idInAddress.group(1);

        // The leader, in a browser of its own: the pledge is in its queue; it accepts it with a reason.
        ChromeDriver ally = browser;
        browser = Browser.open();
        try {
            signIn("leader-gac");
            visit("/workspace/leader", "fr");
            browser.findElement(By.cssSelector("a[href^='/workspace/leader/pledges/" + id + "']")).click();
            browser.findElement(By.id("reason-gac")).sendKeys("Aligned with the care action of the Alliance.");
            browser.findElement(By.cssSelector("button[value=ACCEPT]")).click();
            await(ExpectedConditions.urlContains("/workspace/leader"));
            assertThat(browser.findElement(By.cssSelector("p.notice")).isDisplayed()).isTrue();
        } finally {
            browser.quit();
            browser = ally;
        }

        // The ally files its 2021 report, then corrects it with a reason: one report in force, one superseded.
        String page = "/workspace/ally/commitments/" + id;
        visit(page + "/reports/new?year=2021", "es");
        browser.findElement(By.id("status-ON_TRACK")).click();
        browser.findElement(By.id("value-0")).sendKeys("4");
        browser.findElement(By.id("narrative")).sendKeys("Four centres opened.");
        browser.findElement(By.cssSelector("form.workspace-form button[type=submit]")).click();
        await(ExpectedConditions.urlContains("done=reported"));
        visit(page + "/reports/2021/correction", "es");
        browser.findElement(By.id("value-0")).clear();
        browser.findElement(By.id("value-0")).sendKeys("5");
        browser.findElement(By.id("reason")).sendKeys("A fifth centre opened in December.");
        browser.findElement(By.cssSelector("form.workspace-form button[type=submit]")).click();
        await(ExpectedConditions.urlContains(page));
        visit(page, "en");
        assertThat(browser.findElement(By.cssSelector("#year-table tr[data-year='2021']")).getAttribute("data-standing"))
                .startsWith("filed");
        assertThat(browser.findElements(By.cssSelector("#reports-2021 details.superseded-report"))).hasSize(1);
        screenshots("journey-ally-commitment");

        // The auditor signs a checkpoint, verifies the whole ledger, and reads the commitment's timeline.
        signOut();
        signIn("auditor");
        visit("/workspace/auditor/checkpoints", "ar");
        browser.findElement(By.cssSelector("main form[action^='/workspace/auditor/checkpoints'] button")).click();
        await(ExpectedConditions.urlContains("sealed=sealed"));
        assertAccessible();
        visit("/workspace/auditor", "en");
        browser.findElement(By.cssSelector("form.verify-start button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(b ->
                !b.findElements(By.cssSelector("#progress[data-state=verified]")).isEmpty());
        visit("/workspace/auditor/commitments/" + id, "en");
        String proofLink = browser.findElements(By.cssSelector("a[href*='/workspace/auditor/downloads/inclusion.json']"))
                .stream().reduce((first, second) -> second).orElseThrow().getAttribute("href");
        screenshots("journey-auditor-timeline");

        // Its last event's proof, the key and the checkpoint, downloaded as the auditor: the offline verifier accepts them.
        FormClient downloads = new FormClient(port).signIn("auditor");
        String treeSize = proofLink.replaceAll(".*treeSize=(\\d+).*", "$1");
        Path proof = Files.writeString(folder.resolve("inclusion.json"),
                downloads.get(proofLink.replaceFirst("^https?://[^/]+", "")).html());
        Path key = Files.writeString(folder.resolve("ledger-key.pub.pem"),
                downloads.get("/workspace/auditor/downloads/ledger-key.pub.pem").html());
        Path checkpoint = Files.writeString(folder.resolve("checkpoint.json"),
                downloads.get("/workspace/auditor/downloads/checkpoint-" + treeSize + ".json").html());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = Main.run(new String[] {"inclusion", proof.toString(), "--public-key", key.toString(),
                "--checkpoint", checkpoint.toString()}, print, print);
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(Main.VERIFIED);
    }

    private <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition);
    }
}
