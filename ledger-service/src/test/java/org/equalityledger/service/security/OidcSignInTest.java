package org.equalityledger.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.equalityledger.service.support.FormClient;
import org.equalityledger.service.support.WorkspacePageTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signing in to the pages through the ledger's OIDC issuer, hop by hop as a browser does it: the ledger starts
 * while the issuer is down (the page says it cannot be reached, the form still works), then, once the issuer is
 * up, the authorization code flow with PKCE for a confidential client ends in the workspace of the roles the ID
 * token carries; then the same in a real browser, whose sign-in page is checked in English and Arabic.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcSignInTest extends WorkspacePageTest {

    static final OidcProvider provider = OidcProvider.reserve();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry properties) {
        properties.add("ledger.security.oidc-issuer-uri", provider::issuer);
        properties.add("ledger.security.oidc-client-id", () -> OidcProvider.CLIENT_ID);
        properties.add("ledger.security.oidc-client-secret", () -> OidcProvider.CLIENT_SECRET);
        properties.add("ledger.security.oidc-provider-name", () -> "Test ID");
    }

    @AfterAll
    static void stopTheProvider() {
        provider.close();
    }

    static final List<OidcProvider.Person> PEOPLE = List.of(
            new OidcProvider.Person("amina.leader", List.of("LEADER", "AUDITOR"), List.of("gac"), List.of()),
            new OidcProvider.Person("rosa.ally", List.of("ALLY"), List.of(), List.of("maker-of-rosa")));

    @Test
    @Order(1)
    void the_ledger_starts_before_its_issuer_then_signs_in_through_it_with_a_proof_key() throws Exception {
        URI ledger = URI.create("http://127.0.0.1:" + port);
        Hops browser = new Hops();

        // The issuer is down: the ledger is up all the same, offers the issuer, and says when it cannot be reached.
        Hops.Answer signInPage = browser.get(ledger.resolve("/login"));
        assertThat(signInPage.html()).contains("Sign in with Test ID").contains("href=\"/oauth2/authorization/oidc\"");
        Hops.Answer unreachable = browser.get(ledger.resolve("/oauth2/authorization/oidc"));
        assertThat(unreachable.status()).isEqualTo(302);
        assertThat(unreachable.location().toString()).endsWith("/login?oidc=unavailable");
        assertThat(browser.get(unreachable.location()).html()).contains("Test ID cannot be reached just now.");
        assertThat(new FormClient(port).signIn("auditor").get("/workspace").status()).isEqualTo(200);

        provider.start(ledger + "/login/oauth2/code/oidc", PEOPLE);

        // A workspace asks for a sign-in; the reader chooses the issuer.
        assertThat(browser.get(ledger.resolve("/workspace")).location().toString()).endsWith("/login");
        Hops.Answer toTheIssuer = browser.get(ledger.resolve("/oauth2/authorization/oidc"));
        assertThat(toTheIssuer.status()).isEqualTo(302);
        URI authorize = toTheIssuer.location();
        assertThat(authorize.toString()).startsWith(provider.issuer() + "/oauth2/authorize?");
        Map<String, String> request = toTheIssuer.locationQuery();
        assertThat(request).containsEntry("response_type", "code").containsEntry("client_id", OidcProvider.CLIENT_ID)
                .containsEntry("code_challenge_method", "S256").containsEntry("redirect_uri", ledger + "/login/oauth2/code/oidc")
                .containsKeys("state", "nonce");
        assertThat(request.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(request.get("scope").split(" ")).contains("openid");

        // At the issuer: its own sign-in form, then back to the ledger with a code (no consent asked).
        Hops.Answer asked = browser.get(authorize);
        assertThat(asked.location()).isEqualTo(URI.create(provider.issuer() + "/login"));
        Map<String, String> fields = new LinkedHashMap<>(browser.get(asked.location()).hiddenFieldsOf("/login"));
        fields.put("username", "amina.leader");
        fields.put("password", OidcProvider.PASSWORD);
        Hops.Answer signedInThere = browser.post(asked.location(), fields);
        assertThat(signedInThere.location().toString()).startsWith(provider.issuer() + "/oauth2/authorize?");
        Hops.Answer backWithACode = browser.get(signedInThere.location());
        assertThat(backWithACode.location().toString()).startsWith(ledger + "/login/oauth2/code/oidc?");
        assertThat(backWithACode.locationQuery()).containsKey("code").containsEntry("state", request.get("state"));

        // The ledger trades the code (with its secret and the code's verifier) and lands where the reader was going.
        Hops.Answer signedIn = browser.get(backWithACode.location());
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).isEqualTo(ledger.resolve("/workspace"));
        List<OidcProvider.TokenRequest> trades = provider.tokenRequests();
        assertThat(trades).hasSize(1);
        assertThat(trades.get(0).authorization()).startsWith("Basic ");
        String verifier = trades.get(0).parameters().get("code_verifier")[0];
        assertThat(base64Url(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(request.get("code_challenge"));

        // Signed in as the ID token's user, with the sections of its roles and no other.
        Hops.Answer home = browser.get(signedIn.location());
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.html()).contains("amina.leader").contains("/workspace/leader").contains("/workspace/auditor")
                .doesNotContain("href=\"/workspace/ally").doesNotContain("href=\"/workspace/secretariat");
        assertThat(browser.get(ledger.resolve("/workspace/ally/makers/new")).status()).isEqualTo(403);

        // Signing out ends both sessions: the ledger's, then the issuer's, which sends the reader back to the overview.
        Hops.Answer signedOut = browser.post(ledger.resolve("/logout"), home.hiddenFieldsOf("/logout"));
        assertThat(signedOut.location().toString()).startsWith(provider.issuer() + "/connect/logout?");
        assertThat(signedOut.locationQuery()).containsKey("id_token_hint")
                .containsEntry("post_logout_redirect_uri", ledger + "/");
        assertThat(browser.get(signedOut.location()).location()).isEqualTo(ledger.resolve("/"));
        assertThat(browser.get(ledger.resolve("/workspace")).location().toString()).endsWith("/login");
        Hops.Answer again = browser.get(browser.get(ledger.resolve("/oauth2/authorization/oidc")).location());
        assertThat(again.location()).as("the issuer asks who signs in again").isEqualTo(URI.create(provider.issuer() + "/login"));
    }

    @Test
    @Order(2)
    void in_a_browser_the_sign_in_page_offers_the_issuer_in_english_and_arabic_and_signing_in_through_it_works() {
        provider.start("http://127.0.0.1:" + port + "/login/oauth2/code/oidc", PEOPLE);

        visit("/login?oidc=unavailable", "en");
        assertThat(browser.findElement(By.cssSelector("a.button[href='/oauth2/authorization/oidc']")).getText())
                .isEqualTo("Sign in with Test ID");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("Test ID cannot be reached just now.");
        assertAccessible();
        assertNoHorizontalScroll();
        screenshots("sign-in-oidc");

        visit("/login?oidc=failed", "ar");
        assertThat(browser.findElement(By.cssSelector("a.button[href='/oauth2/authorization/oidc']")).getText())
                .isEqualTo("سجّل الدخول عبر Test ID");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("تعذّر تسجيل الدخول عبر Test ID");
        assertAccessible();
        assertNoHorizontalScroll();
        screenshots("sign-in-oidc");

        browser.findElement(By.cssSelector("a.button[href='/oauth2/authorization/oidc']")).click();
        assertThat(browser.getCurrentUrl()).startsWith(provider.issuer() + "/login");
        browser.findElement(By.id("username")).sendKeys("rosa.ally");
        browser.findElement(By.id("password")).sendKeys(OidcProvider.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.getCurrentUrl()).isEqualTo("http://127.0.0.1:" + port + "/workspace");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("rosa.ally");
        assertThat(browser.findElements(By.cssSelector("main a[href^='/workspace/ally']"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("main a[href^='/workspace/leader']"))).isEmpty();
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
