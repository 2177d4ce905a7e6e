package org.equalityledger.service.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * A page of the public site in a real browser: visit it in a language, check it with axe-core, look at
 * it at desktop and phone width. Screenshots land in {@code target/screenshots/} for a person to open.
 */
public abstract class SitePageTest extends PageTest {

    public static final int DESKTOP = 1280;
    public static final int PHONE = 375;
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Opens a page of the site in one of its languages ({@code lang} joins the address as a reader's link would). */
    protected void visit(String path, String lang) {
        open(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
        awaitCharts();
    }

    /** Charts draw after the page loads; screenshots and checks wait for them (10 s at most). */
    protected void awaitCharts() {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> Boolean.TRUE.equals(browser.executeScript(
                "return !window.echarts && document.querySelectorAll('[data-chart-for]').length > 0 ? false : "
                        + "Array.from(document.querySelectorAll('[data-chart-for]')).every(s => { "
                        + "const e = document.getElementById(s.dataset.chartFor); return e && e.dataset.drawn === 'true'; })")));
    }

    /** The whole page at desktop and at phone width, as {@code name-lang-width.png}. */
    protected void screenshots(String name) {
        String lang = String.valueOf(browser.executeScript("return document.documentElement.lang"));
        try {
            Files.createDirectories(SCREENSHOTS);
            for (int width : List.of(DESKTOP, PHONE)) {
                resize(width, 1000);
                awaitCharts();
                Number height = (Number) browser.executeScript("return Math.min(document.documentElement.scrollHeight, 8000)");
                resize(width, height.intValue());
                Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(shot, SCREENSHOTS.resolve(name + "-" + lang + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            resize(DESKTOP, 1024);
        }
    }

    /** WCAG 2.1 A and AA by axe-core: no violation of serious or critical impact. */
    protected void assertAccessible() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
        List<Rule> grave = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
        assertThat(grave).as(() -> grave.stream().map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(5).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"))).isEmpty();
    }

    /** At phone width (375 px) the page never scrolls sideways. */
    protected void assertNoHorizontalScroll() {
        try {
            resize(PHONE, 800);
            awaitCharts();
            // Charts redraw at the new width on the window's resize event, a moment after the resize:
            // a page that still scrolls sideways after a few seconds really does.
            String measure = "return document.documentElement.scrollWidth - document.documentElement.clientWidth";
            try {
                new WebDriverWait(browser, Duration.ofSeconds(5))
                        .until(b -> ((Number) browser.executeScript(measure)).intValue() <= 0);
            } catch (org.openqa.selenium.TimeoutException stillScrolls) {
                // Measured and reported below.
            }
            Object overflow = browser.executeScript(measure);
            assertThat(((Number) overflow).intValue()).as("pixels the page scrolls sideways at 375 px").isLessThanOrEqualTo(0);
        } finally {
            resize(DESKTOP, 1024);
        }
    }

    private void resize(int width, int height) {
        browser.manage().window().setSize(new Dimension(width, height));
    }
}
