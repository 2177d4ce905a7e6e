package org.equalityledger.service.site.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.support.Api.ALLY;
import static org.equalityledger.service.support.Api.assertStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.equalityledger.service.eventstore.LedgerEvents;
import org.equalityledger.service.support.Api;
import org.equalityledger.service.support.WorkspacePageTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * The workspace pages no journey test opens in both languages (the forms to amend, extend, withdraw,
 * complete and correct; the secretariat's actions, roles, presidency, cycles, rates and rebuilds; the
 * maker forms; the workspace's own home), each in English and Arabic: no serious or critical axe-core
 * violation, no horizontal scrolling at phone width. The others are checked by their own browser tests
 * (AllyPagesTest, AllyCommitmentPagesTest, LeaderPagesBrowserTest, SecretariatWorkspacePageTest,
 * AuditorPageTest, OidcSignInTest).
 */
class WorkspaceAccessibilityTest extends WorkspacePageTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    LedgerEvents ledger;

    @Test
    void every_other_workspace_page_reads_in_english_and_arabic_on_a_desktop_and_a_phone() throws InterruptedException {
        Api api = new Api(http, ledger);
        String id = api.active(ALLY);
        assertStatus(api.post(ALLY, "/api/commitments/" + id + "/reports",
                Map.of("year", 2022, "report", Api.report("ON_TRACK", "Draft law presented to Congress."))), HttpStatus.OK);
        api.eventually(null, "/api/commitments/" + id, c -> c.path("reports").size() == 1);

        Map<String, List<String>> pages = new LinkedHashMap<>();
        String commitment = "/workspace/ally/commitments/" + id;
        pages.put("ally-demo", List.of("/workspace", "/workspace/ally/makers/new", commitment + "/amendment",
                commitment + "/extension", commitment + "/withdrawal", commitment + "/completion",
                commitment + "/reports/2022/correction"));
        pages.put("secretariat", List.of("/workspace/secretariat/makers/new", "/workspace/secretariat/initiatives/gac/actions/new",
                "/workspace/secretariat/initiatives/gac/roles/new", "/workspace/secretariat/initiatives/mx-mcig/presidency/extension",
                "/workspace/secretariat/reporting-cycles", "/workspace/secretariat/reporting-cycles/2023",
                "/workspace/secretariat/usd-rates", "/workspace/secretariat/rebuilds"));
        for (Map.Entry<String, List<String>> login : pages.entrySet()) {
            signIn(login.getKey());
            for (String page : login.getValue()) {
                for (String lang : List.of("en", "ar")) {
                    visit(page, lang);
                    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).as(page).isEqualTo(lang);
                    assertThat(browser.findElements(By.tagName("h1"))).as(page + " has its heading").isNotEmpty();
                    assertAccessible();
                    assertNoHorizontalScroll();
                }
            }
            signOut();
        }
    }
}
