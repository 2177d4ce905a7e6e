package org.equalityledger.service.site.initiative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.support.Api.ALLY;
import static org.equalityledger.service.support.Api.LEADER_GAC;
import static org.equalityledger.service.support.Api.SECRETARIAT;
import static org.equalityledger.service.support.Api.assertStatus;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.equalityledger.service.eventstore.LedgerEvents;
import org.equalityledger.service.support.Api;
import org.equalityledger.service.support.SitePageTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** The initiative pages in a browser: each figure is the API's, in every language, as of any date. */
class InitiativePagesTest extends SitePageTest {

    private static final NumberFormat EN = NumberFormat.getNumberInstance(Locale.ENGLISH);

    @Autowired
    TestRestTemplate http;
    @Autowired
    LedgerEvents ledger;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http, ledger);
    }

    // ---- the list ---------------------------------------------------------------------------------

    @Test
    void the_list_groups_the_initiatives_by_kind_with_their_figures_and_filters_by_kind() throws Exception {
        accepted();
        JsonNode dashboards = api.get(null, "/api/dashboards/initiatives").getBody();
        JsonNode list = api.get(null, "/api/initiatives").getBody();

        visit("/initiatives", "en");
        List<String> headings = texts(By.cssSelector("main h2[id^='kind-']"));
        assertThat(headings).startsWith("Action coalitions", "Compacts", "Alliances").contains("Coordination tables");
        assertThat(browser.findElements(By.cssSelector("tr[data-initiative]"))).hasSize(list.path("initiatives").size());
        for (JsonNode d : dashboards.path("initiatives")) {
            String id = d.path("scope").asText().substring("initiative:".length());
            WebElement row = browser.findElement(By.cssSelector("tr[data-initiative='" + id + "']"));
            assertThat(row.findElement(By.cssSelector("[data-figure='commitments']")).getText()).as(id)
                    .isEqualTo(EN.format(d.path("figures").path("commitments").asLong()));
            assertThat(row.findElement(By.cssSelector("[data-figure='pledged']")).getAttribute("title")).as(id)
                    .isEqualTo(usd(d.path("figures").path("pledgedUsd").decimalValue()));
        }
        WebElement gac = browser.findElement(By.cssSelector("tr[data-initiative='gac']"));
        assertThat(gac.getText()).contains("Global Alliance for Care", "Economic Justice", "2021–2026");

        browser.findElement(By.linkText("Alliances")).click();
        assertThat(browser.getCurrentUrl()).contains("kind=ALLIANCE").contains("lang=en");
        assertThat(texts(By.cssSelector("main h2[id^='kind-']"))).containsExactly("Alliances");
        assertThat(attributes(By.cssSelector("tr[data-initiative]"), "data-initiative")).contains("gac")
                .doesNotContain("ac-gbv", "mx-mcig");
        assertAccessible();

        visit("/initiatives", "ar");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("المبادرات");
        // The reference set names it in Arabic once it holds Arabic names; until then in English, marked so.
        WebElement name = browser.findElement(By.cssSelector("tr[data-initiative='gac'] th"));
        boolean fallback = !name.findElements(By.cssSelector("span[lang='en']")).isEmpty();
        assertThat(name.findElements(By.cssSelector(".fallback-lang"))).hasSize(fallback ? 1 : 0);
        assertThat(name.getText()).contains(fallback ? "Global Alliance for Care (English)" : "GAC");
        assertAccessible();
        assertNoHorizontalScroll();
        screenshots("initiatives");

        // Before the forum, the Mexico table alone; a kind that does not exist is a bad address.
        visit("/initiatives?asOf=2019-01-01", "fr");
        assertThat(attributes(By.cssSelector("tr[data-initiative]"), "data-initiative")).containsExactly("mx-mcig");
        assertThat(page("/initiatives?kind=KINGDOM", "en").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    // ---- one initiative -----------------------------------------------------------------------

    @Test
    void the_global_alliance_for_care_shows_its_actions_commitments_bodies_and_figures_as_the_api_answers() throws Exception {
        String commitment = accepted();
        bodiesOfTheGlobalAllianceForCare();
        api.eventually(null, "/api/initiatives/gac", a -> a.path("initiative").path("roles").size() >= 3);
        JsonNode answer = api.get(null, "/api/initiatives/gac").getBody();
        JsonNode dashboard = api.get(null, "/api/dashboards/initiatives/gac").getBody();

        visit("/initiatives/gac", "en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Global Alliance for Care", "GAC");
        assertThat(tile("Commitments")).isEqualTo(EN.format(dashboard.path("figures").path("commitments").asLong()));
        assertThat(tile("Accepted")).isEqualTo(EN.format(dashboard.path("figures").path("accepted").asLong()));
        assertThat(tileTitle("Pledged (US$)")).isEqualTo(usd(dashboard.path("figures").path("pledgedUsd").decimalValue()));
        assertThat(tileTitle("Disbursed (US$)")).isEqualTo(usd(dashboard.path("figures").path("disbursedUsd").decimalValue()));
        Map<String, String> byType = table("Commitments by type");
        dashboard.path("figures").path("byType").fields().forEachRemaining(t ->
                assertThat(byType.get(t.getKey().charAt(0) + t.getKey().substring(1).toLowerCase(Locale.ROOT)))
                        .as(t.getKey()).isEqualTo(EN.format(t.getValue().asLong())));
        Map<String, String> money = table("Money pledged and disbursed by year (US$)");
        dashboard.path("byYear").fields().forEachRemaining(y -> assertThat(money.get(y.getKey()))
                .isEqualTo(usd(y.getValue().path("pledgedUsd").decimalValue())));

        List<WebElement> actions = browser.findElements(By.cssSelector("#actions article.action"));
        assertThat(actions).hasSize(answer.path("initiative").path("actions").size());
        for (WebElement action : actions) {
            JsonNode progress = answer.path("progress").path(action.getAttribute("data-action"));
            assertThat(action.findElement(By.cssSelector("[data-figure='commitments']")).getText())
                    .isEqualTo(EN.format(progress.path("commitments").asLong()));
            assertThat(action.findElement(By.cssSelector("[data-figure='accepted']")).getText())
                    .isEqualTo(EN.format(progress.path("accepted").asLong()));
        }
        assertThat(browser.findElement(By.cssSelector("#commitments [data-figure='commitments']")).getText())
                .isEqualTo("Commitments that target this initiative: " + EN.format(answer.path("commitments").path("count").asLong()) + ".");
        assertThat(browser.findElement(By.cssSelector("#commitments a.more")).getAttribute("href")).endsWith("/commitments?lang=en&initiative=gac");
        // The first of its commitments, as the API lists them; the one made here among them once it is listed so far.
        List<String> listed = new java.util.ArrayList<>();
        api.get(null, "/api/commitments?initiative=gac&size=5").getBody().path("items").forEach(i -> listed.add(i.path("commitmentId").asText()));
        assertThat(browser.findElements(By.cssSelector("#commitments tbody th a")).stream()
                .map(a -> a.getAttribute("href").replaceAll(".*/commitments/([^?]+).*", "$1")).toList()).isEqualTo(listed);
        if (answer.path("commitments").path("count").asLong() <= 5) {
            assertThat(listed).contains(commitment);
        }
        String governance = browser.findElement(By.id("governance")).getText();
        assertThat(governance).contains("Leadership", "Technical secretariat", "Management committee", "UN Women", "INMUJERES");
        assertThat(browser.findElements(By.cssSelector("script[data-chart-for]"))).hasSize(5);
        assertAccessible();
        assertNoHorizontalScroll();
        screenshots("initiative-gac");

        visit("/initiatives/gac", "ar");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.findElement(By.id("governance")).getText()).contains("القيادة", "الأمانة الفنية");
        assertAccessible();
        assertNoHorizontalScroll();
        screenshots("initiative-gac");
    }

    @Test
    void the_mexico_table_shows_its_presidency_holder_by_holder_on_a_timeline() throws Exception {
        api.eventually(null, "/api/initiatives/mx-mcig", a -> a.path("initiative").path("roles").size() >= 4);
        JsonNode roles = api.get(null, "/api/initiatives/mx-mcig/roles?asOf=2020-03-01T23:59:59.999999999Z").getBody();
        List<String> presidents = new ArrayList<>();
        roles.path("roles").forEach(r -> {
            if ("PRESIDENCY".equals(r.path("role").asText())) {
                presidents.add(r.path("holder").path("organisationName").asText());
            }
        });

        visit("/initiatives/mx-mcig?asOf=2020-03-01", "es");
        assertThat(attributes(By.cssSelector("ol.timeline > li"), "data-holder")).isEqualTo(presidents).containsExactly("France", "Ireland");
        assertThat(browser.findElement(By.cssSelector("ol.timeline > li.current")).getAttribute("data-holder"))
                .isEqualTo(roles.path("presidency").path("holder").path("organisationName").asText()).isEqualTo("Ireland");
        assertThat(browser.findElement(By.cssSelector("ol.timeline > li.current .state")).getText()).isEqualTo("en funciones");
        assertThat(browser.findElement(By.cssSelector(".past-banner")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Mesa");
        assertThat(browser.findElement(By.cssSelector(".reflects")).getText())
                .contains(NumberFormat.getNumberInstance(Locale.forLanguageTag("es")).format(roles.path("asOfPosition").asLong()));

        visit("/initiatives/mx-mcig", "ru");
        assertThat(browser.findElements(By.cssSelector("ol.timeline > li"))).hasSize(3);
        assertThat(browser.findElement(By.id("governance")).getText()).contains("Технический секретариат", "UN Women Mexico");
        assertAccessible();
        assertNoHorizontalScroll();
        screenshots("initiative-mx-mcig");
        visit("/initiatives/mx-mcig", "en");
        assertAccessible();
        screenshots("initiative-mx-mcig");
    }

    @Test
    void before_an_initiative_existed_its_page_is_not_found() {
        for (String[] at : new String[][] {{"/initiatives/gac", "2021-03-29"}, {"/initiatives/mx-mcig", "2018-06-30"},
                {"/initiatives/gac/actions/GAC-1", "2021-03-29"}}) {
            ResponseEntity<String> before = page(at[0] + "?asOf=" + at[1], "ar");
            assertThat(before.getStatusCode()).as(at[0]).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(before.getBody()).contains("dir=\"rtl\"").contains("لا شيء هنا");
        }
        assertThat(page("/initiatives/gac?asOf=2021-03-30", "en").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page("/initiatives/mx-mcig?asOf=2018-07-01", "en").getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String unknown : List.of("/initiatives/no-such", "/initiatives/gac/actions/GAC-9", "/initiatives/no-such/actions/X-1")) {
            assertThat(page(unknown, "en").getStatusCode()).as(unknown).isEqualTo(HttpStatus.NOT_FOUND);
        }
        for (String unreadable : List.of("/initiatives/%E2%80%AE", "/initiatives/%00", "/initiatives/gac/actions/%20",
                "/initiatives/" + "x".repeat(5000))) {
            assertThat(page(unreadable, "en").getStatusCode().is4xxClientError()).as(unreadable).isTrue();
        }
        assertThat(page("/initiatives/gac?asOf=someday", "en").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(page("/initiatives/gac?year=2022", "en").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void a_new_initiative_reads_with_its_names_marked_where_the_language_falls_back() throws Exception {
        String id = Api.fresh("wg");
        assertStatus(api.post(SECRETARIAT, "/api/initiatives", Map.of("id", id, "kind", "WORKING_GROUP", "code", id.toUpperCase(),
                "names", Map.of("en", "Care data group", "es", "Grupo de datos de cuidados", "fr", "Groupe des données du soin"))),
                HttpStatus.CREATED);
        assertStatus(api.post(SECRETARIAT, "/api/initiatives/" + id + "/actions", Map.of("actionCode", "CD-1",
                "names", Map.of("en", "Count care work", "es", "Contar el trabajo de cuidados", "fr", "Compter le travail du soin"),
                "targets", List.of(Map.of("description", "Countries with a time-use survey", "value", 40, "unit", "countries",
                        "byYear", 2026)))), HttpStatus.OK);
        api.eventually(null, "/api/initiatives/" + id, a -> a.path("initiative").path("actions").size() == 1);

        visit("/initiatives/" + id, "es");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Grupo de datos de cuidados").doesNotContain("(English)");
        visit("/initiatives/" + id, "ru");
        WebElement name = browser.findElement(By.cssSelector("h1 bdi > span[lang='en']"));
        assertThat(name.getText()).isEqualTo("Care data group");
        assertThat(browser.findElement(By.cssSelector("h1 .fallback-lang")).getText()).isEqualTo("(English)");
        assertThat(browser.findElement(By.cssSelector("article[data-action='CD-1']")).getText())
                .contains("Count care work", "40", "countries", "к 2026 году");
        assertThat(browser.findElement(By.id("governance")).getText()).contains("не учтено ни одной руководящей роли");

        visit("/initiatives?kind=WORKING_GROUP", "en");
        assertThat(attributes(By.cssSelector("tr[data-initiative]"), "data-initiative")).contains(id);
    }

    // ---- one action ---------------------------------------------------------------------------

    @Test
    void an_action_shows_its_targets_progress_and_figures_as_the_api_answers() throws Exception {
        accepted();
        JsonNode actions = api.get(null, "/api/initiatives/ac-gbv/actions").getBody();
        JsonNode gac = api.get(null, "/api/initiatives/gac/actions").getBody();
        JsonNode dashboard = api.get(null, "/api/dashboards/actions/gac/GAC-1").getBody();

        visit("/initiatives/gac/actions/GAC-1", "en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("GAC-1");
        WebElement action = browser.findElement(By.cssSelector("article[data-action='GAC-1']"));
        assertThat(action.findElement(By.cssSelector("[data-figure='commitments']")).getText())
                .isEqualTo(EN.format(gac.path("progress").path("GAC-1").path("commitments").asLong()));
        assertThat(action.findElement(By.cssSelector("[data-figure='reported']")).getText())
                .isEqualTo(EN.format(gac.path("progress").path("GAC-1").path("reported").asLong()));
        assertThat(tile("Commitments")).isEqualTo(EN.format(dashboard.path("figures").path("commitments").asLong()));
        Map<String, String> status = table("Commitments by status");
        assertThat(status.get("Active")).isEqualTo(EN.format(dashboard.path("figures").path("byStatus").path("ACTIVE").asLong()));
        assertThat(browser.findElement(By.cssSelector("a.more")).getAttribute("href")).endsWith("/commitments?lang=en&initiative=gac&action=GAC-1");
        assertAccessible();
        screenshots("action-gac-1");

        visit("/initiatives/ac-gbv/actions/GBV-1", "ar");
        JsonNode target = actions.path("actions").get(0).path("targets").get(0);
        assertThat(browser.findElement(By.cssSelector(".targets")).getText()).contains(target.path("description").asText(), "550",
                "بحلول 2026");
        assertAccessible();
        assertNoHorizontalScroll();
        screenshots("action-gbv-1");
    }

    // ---- stakeholder groups, regions, countries ------------------------------------------------

    @Test
    void a_stakeholder_group_a_region_and_a_country_show_their_dashboards_named_in_the_language() throws Exception {
        accepted(); // a civil society maker of Mexico
        for (String[] scope : new String[][] {
                {"/stakeholder-groups/civil-society", "/api/dashboards/stakeholder-groups/CIVIL_SOCIETY", "Civil society and feminist organisations", "المجتمع المدني والمنظمات النسوية"},
                {"/regions/latin-america-caribbean", "/api/dashboards/regions/LATIN_AMERICA_CARIBBEAN", "Latin America and the Caribbean", "أمريكا اللاتينية والبحر الكاريبي"},
                {"/countries/mx", "/api/dashboards/countries/MX", "Mexico", "المكسيك"}}) {
            JsonNode dashboard = api.get(null, scope[1]).getBody();
            visit(scope[0], "en");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(scope[2]);
            assertThat(tile("Commitments")).isEqualTo(EN.format(dashboard.path("figures").path("commitments").asLong()));
            assertThat(tile("Reports filed late")).isEqualTo(EN.format(dashboard.path("figures").path("reportsLate").asLong()));
            Map<String, String> cycles = table("Reporting compliance by cycle");
            dashboard.path("byYear").fields().forEachRemaining(y -> assertThat(cycles.get(y.getKey()))
                    .isEqualTo(EN.format(y.getValue().path("cycle").path("expected").asLong())));
            assertAccessible();
            String name = scope[0].substring(scope[0].lastIndexOf('/') + 1);
            visit(scope[0], "ar");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(scope[3]);
            assertAccessible();
            assertNoHorizontalScroll();
            screenshots("scope-" + name);
        }
        visit("/countries/mx", "fr");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mexique");

        for (String bad : List.of("/stakeholder-groups/kings", "/regions/moon", "/countries/zz", "/countries/mexico",
                "/stakeholder-groups/" + "x".repeat(300))) {
            ResponseEntity<String> answer = page(bad, "en");
            assertThat(answer.getStatusCode()).as(bad).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.getBody()).as(bad).contains("Nothing here");
        }
        for (String unreadable : List.of("/countries/%00", "/regions/%E2%80%AE")) {
            assertThat(page(unreadable, "en").getStatusCode().is4xxClientError()).as(unreadable).isTrue();
        }
        assertThat(page("/regions/africa?asOf=2022-02-30", "en").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(page("/countries/mx?asOf=2022-06-30", "en").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** A commitment of a Mexican civil society maker to GAC-1, financial and advocacy, accepted, with its 2022 report. */
    private String accepted() throws InterruptedException {
        String maker = api.registerMaker(ALLY);
        Map<String, Object> details = new LinkedHashMap<>(Api.details());
        details.put("types", List.of("ADVOCACY", "FINANCIAL"));
        details.put("financial", Map.of("amount", "50000.00", "currency", "USD"));
        String id = api.pledged(ALLY, maker, details);
        assertStatus(api.post(LEADER_GAC, "/api/commitments/" + id + "/decisions",
                Map.of("initiativeId", "gac", "verdict", "ACCEPT")), HttpStatus.OK);
        Map<String, Object> report = new LinkedHashMap<>(Api.report("ON_TRACK", "First year."));
        report.put("moneyDisbursed", Map.of("amount", "12000.00", "currency", "USD"));
        assertStatus(api.post(ALLY, "/api/commitments/" + id + "/reports", Map.of("year", 2022, "report", report)), HttpStatus.OK);
        api.eventually(null, "/api/dashboards/initiatives/gac?minPosition=" + api.head(), d -> true);
        api.eventually(null, "/api/initiatives/gac?minPosition=" + api.head(), d -> true);
        return id;
    }

    /** The Global Alliance for Care's bodies (once: tests share the ledger). */
    private void bodiesOfTheGlobalAllianceForCare() {
        JsonNode roles = api.get(null, "/api/initiatives/gac/roles").getBody();
        if (roles.path("roles").size() > 0) {
            return;
        }
        for (String[] role : new String[][] {{"LEADER", "Government of Mexico (INMUJERES)"}, {"LEADER", "UN Women"},
                {"TECHNICAL_SECRETARIAT", "UN Women"}, {"MANAGEMENT_COMMITTEE", "Government of Argentina"}}) {
            assertStatus(api.post(SECRETARIAT, "/api/initiatives/gac/roles", Map.of("role", role[0],
                    "holder", Map.of("organisationName", role[1]), "term", Map.of("start", "2021-07-01"))), HttpStatus.OK);
        }
    }

    private ResponseEntity<String> page(String path, String lang) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, lang);
        headers.set(HttpHeaders.ACCEPT, "text/html");
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static String usd(BigDecimal amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.ENGLISH);
        format.setCurrency(java.util.Currency.getInstance("USD"));
        return format.format(amount);
    }

    private String tile(String label) {
        return tileElement(label).getText();
    }

    private String tileTitle(String label) {
        return tileElement(label).getAttribute("title");
    }

    private WebElement tileElement(String label) {
        for (WebElement tile : browser.findElements(By.cssSelector("dl.tiles > div"))) {
            if (tile.findElement(By.tagName("dt")).getText().equals(label)) {
                return tile.findElement(By.tagName("dd"));
            }
        }
        throw new AssertionError("no tile " + label);
    }

    /** The table beside the chart titled {@code title}: each row's heading to its first figure. */
    private Map<String, String> table(String title) {
        for (WebElement figure : browser.findElements(By.cssSelector("section.figure"))) {
            if (figure.findElement(By.tagName("h3")).getText().equals(title)) {
                Map<String, String> rows = new LinkedHashMap<>();
                for (WebElement row : figure.findElements(By.cssSelector("tbody tr"))) {
                    rows.put(row.findElement(By.tagName("th")).getText(), row.findElement(By.tagName("td")).getText());
                }
                return rows;
            }
        }
        throw new AssertionError("no chart " + title);
    }

    private List<String> texts(By by) {
        return browser.findElements(by).stream().map(WebElement::getText).toList();
    }

    private List<String> attributes(By by, String attribute) {
        return browser.findElements(by).stream().map(e -> e.getAttribute(attribute)).toList();
    }
}
