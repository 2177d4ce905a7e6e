package org.equalityledger.service.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.equalityledger.service.support.SitePageTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** What every page of the public site shares: languages, time travel in the address, error pages. */
class SiteTest extends SitePageTest {

    @Autowired
    TestRestTemplate http;

    private static HttpHeaders headersAccepting(String type) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, type);
        return headers;
    }

    private ResponseEntity<String> get(String path, String acceptLanguage) {
        HttpHeaders headers = new HttpHeaders();
        if (acceptLanguage != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        headers.set(HttpHeaders.ACCEPT, "text/html");
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    @Test
    void the_language_comes_from_the_address_else_the_browser_else_english() {
        assertThat(get("/verify", "fr-CH, fr;q=0.9, en;q=0.5").getBody()).contains("<html lang=\"fr\" dir=\"ltr\"")
                .contains("Vérifier les chiffres");
        assertThat(get("/verify?lang=ar", "fr").getBody()).contains("<html lang=\"ar\" dir=\"rtl\"")
                .contains("التحقق من الأرقام");
        assertThat(get("/verify?lang=xx", "ru").getBody()).contains("<html lang=\"ru\"");
        assertThat(get("/verify", "de-DE, *;q=0.1").getBody()).contains("<html lang=\"en\"");
        assertThat(get("/verify", "not;a=valid;;header").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void every_link_keeps_the_language_and_the_instant() {
        String page = get("/verify?lang=es&asOf=2022-06-30", null).getBody();
        assertThat(page).contains("href=\"/initiatives?lang=es&amp;asOf=2022-06-30\"")
                .contains("href=\"/verify?lang=ar&amp;asOf=2022-06-30\"")
                .contains("Tal como el registro lo consignó el");
        // The way back to today drops only the instant.
        assertThat(page).contains("href=\"/verify?lang=es\"");
    }

    @Test
    void a_bad_address_is_a_page_that_says_so_never_a_failure() {
        for (String bad : List.of("/verify?asOf=yesterday", "/verify?asOf=2022-13-45", "/verify?asOf=%00",
                "/verify?asOf=" + "9".repeat(400))) {
            ResponseEntity<String> answer = get(bad, "ar");
            assertThat(answer.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat(answer.getBody()).as(bad).contains("dir=\"rtl\"").contains("هذا العنوان غير مفهوم");
        }
    }

    @Test
    void an_unknown_address_is_a_page_for_a_browser_and_a_problem_for_a_program() {
        ResponseEntity<String> page = get("/no-such-page?lang=ru", null);
        assertThat(page.getStatusCode().value()).isEqualTo(404);
        assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(page.getBody()).contains("<html lang=\"ru\"").contains("Здесь ничего нет");

        HttpHeaders json = new HttpHeaders();
        json.set(HttpHeaders.ACCEPT, "application/json");
        ResponseEntity<String> program = http.exchange("/no-such-page", HttpMethod.GET, new HttpEntity<>(json), String.class);
        assertThat(program.getStatusCode().value()).isEqualTo(404);
        assertThat(program.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        ResponseEntity<String> api = http.withBasicAuth("secretariat", "demo").exchange("/api/no-such-thing",
                HttpMethod.GET, new HttpEntity<>(headersAccepting("text/html")), String.class);
        assertThat(api.getStatusCode().value()).isEqualTo(404);
        assertThat(api.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    }

    @Test
    void the_check_page_reads_in_english_and_arabic_on_a_desktop_and_a_phone() {
        for (String lang : List.of("en", "ar")) {
            visit("/verify?asOf=2022-06-30", lang);
            assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("en".equals(lang) ? "ltr" : "rtl");
            assertThat(browser.findElement(By.cssSelector(".past-banner")).isDisplayed()).isTrue();
            WebElement date = browser.findElement(By.id("asOf"));
            assertThat(date.getAttribute("value")).isEqualTo("2022-06-30");
            assertAccessible();
            assertNoHorizontalScroll();
            screenshots("verify");
        }
        // The language switch keeps the page and the instant.
        browser.findElement(By.cssSelector(".languages a[lang='fr']")).click();
        assertThat(browser.getCurrentUrl()).contains("/verify").contains("lang=fr").contains("asOf=2022-06-30");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Vérifier les chiffres");
    }
}
