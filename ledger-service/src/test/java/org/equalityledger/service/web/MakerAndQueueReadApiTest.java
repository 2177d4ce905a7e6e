package org.equalityledger.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.support.Api.ALLY;
import static org.equalityledger.service.support.Api.AUDITOR;
import static org.equalityledger.service.support.Api.LEADER_EJR;
import static org.equalityledger.service.support.Api.LEADER_GAC;
import static org.equalityledger.service.support.Api.PARTNER;
import static org.equalityledger.service.support.Api.SECRETARIAT;
import static org.equalityledger.service.support.Api.assertProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.equalityledger.service.eventstore.LedgerEvents;
import org.equalityledger.service.support.Api;
import org.equalityledger.service.support.LedgerServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** The list of makers, a maker's money in USD, and the validation queue each demo account may see, through HTTP. */
@LedgerServiceTest
class MakerAndQueueReadApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    LedgerEvents ledger;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http, ledger);
    }

    /** The pending pledges of the queue {@code user} reads at {@code path}. */
    JsonNode queue(String user, String path) {
        return api.get(user, path).getBody().path("items");
    }

    static List<String> field(JsonNode array, String name) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(name).asText()));
        return values;
    }

    @Test
    void makers_are_searched_by_name_filtered_and_paged_in_a_stable_order() throws Exception {
        String tag = Api.fresh("Colectiva");
        String mx = api.registerMaker(ALLY, tag + " Beta", "CIVIL_SOCIETY", "MX");
        String se = api.registerMaker(ALLY, tag + " alpha", "GOVERNMENT", "SE");
        String cr = api.registerMaker(PARTNER, tag + " Gamma", "CIVIL_SOCIETY", "CR");

        JsonNode all = api.eventually(null, "/api/commitment-makers?text=" + tag.toLowerCase(), p -> p.path("total").asInt() == 3);
        assertThat(field(all.path("items"), "makerId")).containsExactly(se, mx, cr); // by name, any case
        assertThat(all.path("asOfPosition").asLong()).isNotNegative();
        assertThat(all.path("items").get(1).path("region").asText()).isEqualTo("LATIN_AMERICA_CARIBBEAN");

        JsonNode first = api.get(null, "/api/commitment-makers?text=" + tag + "&size=2").getBody();
        JsonNode second = api.get(null, "/api/commitment-makers?text=" + tag + "&size=2&page=1").getBody();
        assertThat(first.path("total").asInt()).isEqualTo(3);
        assertThat(field(first.path("items"), "makerId")).containsExactly(se, mx);
        assertThat(field(second.path("items"), "makerId")).containsExactly(cr);

        String base = "/api/commitment-makers?text=" + tag;
        assertThat(field(api.get(null, base + "&group=GOVERNMENT").getBody().path("items"), "makerId")).containsExactly(se);
        assertThat(field(api.get(null, base + "&country=mx").getBody().path("items"), "makerId")).containsExactly(mx);
        assertThat(field(api.get(null, base + "&region=LATIN_AMERICA_CARIBBEAN").getBody().path("items"), "makerId"))
                .containsExactly(mx, cr);
        assertThat(field(api.get(null, base + "&hemisphere=GLOBAL_NORTH").getBody().path("items"), "makerId")).containsExactly(se);
        assertThat(api.get(null, base + "&group=GOVERNMENT&country=MX").getBody().path("total").asInt()).isZero();
    }

    @Test
    void bad_list_parameters_are_400_naming_them() {
        for (String[] bad : new String[][] {{"page=-1", "page"}, {"size=0", "size"}, {"size=1001", "size"}, {"group=NOPE", "group"},
                {"hemisphere=EAST", "hemisphere"}, {"country=MEX", "country"}, {"region=MOON", "region"},
                {"page=x", "page"}, {"name=Ana", "name"}}) {
            ResponseEntity<JsonNode> response = api.get(null, "/api/commitment-makers?" + bad[0]);
            assertProblem(response, HttpStatus.BAD_REQUEST);
            assertThat(response.getBody().toString()).as(bad[0]).contains(bad[1]);
        }
    }

    @Test
    void a_makers_profile_gives_its_usd_totals_and_keeps_unconvertible_amounts_in_their_currency() throws Exception {
        String maker = api.registerMaker(ALLY);
        api.pledged(ALLY, maker, financial("250000", "USD"));
        api.pledged(ALLY, maker, financial("3", "XAU")); // a currency no rate table converts

        JsonNode profile = api.eventually(null, "/api/commitment-makers/" + maker, p -> p.path("commitments").size() == 2);
        assertThat(profile.path("money").path("pledgedUsd").decimalValue()).isEqualByComparingTo("250000");
        assertThat(profile.path("money").path("disbursedUsd").decimalValue()).isEqualByComparingTo("0");
        assertThat(profile.path("money").path("pledgedNotConverted").path("XAU").decimalValue()).isEqualByComparingTo("3");
        assertThat(profile.path("money").path("rates").asText()).isNotBlank();
    }

    static Map<String, Object> financial(String amount, String currency) {
        Map<String, Object> details = new LinkedHashMap<>(Api.details());
        details.put("types", List.of("FINANCIAL"));
        details.put("financial", Map.of("amount", new java.math.BigDecimal(amount), "currency", currency));
        return details;
    }

    @Test
    void each_account_sees_the_queue_its_role_lets_it_see() throws Exception {
        String toGac = api.pledged(ALLY); // to GAC-1, by a maker of ally-demo
        Map<String, Object> ejr = new LinkedHashMap<>(Api.details());
        ejr.put("targets", List.of(Map.of("initiativeId", "ac-ejr", "actionCode", "EJR-1")));
        String toEjr = api.pledged(PARTNER, api.registerMaker(PARTNER), ejr);

        api.eventually(SECRETARIAT, "/api/validation-queue", q -> field(q.path("items"), "commitmentId").containsAll(List.of(toGac, toEjr)));
        for (String user : List.of(SECRETARIAT, AUDITOR)) {
            assertThat(field(queue(user, "/api/validation-queue"), "commitmentId")).as(user).contains(toGac, toEjr);
        }
        JsonNode gac = queue(LEADER_GAC, "/api/validation-queue");
        assertThat(field(gac, "commitmentId")).contains(toGac).doesNotContain(toEjr);
        assertThat(field(gac, "initiativeId")).containsOnly("gac");
        JsonNode ejrQueue = queue(LEADER_EJR, "/api/validation-queue");
        assertThat(field(ejrQueue, "commitmentId")).contains(toEjr).doesNotContain(toGac);
        assertThat(field(ejrQueue, "initiativeId")).containsOnly("ac-ejr");
        assertThat(field(queue(ALLY, "/api/validation-queue"), "commitmentId")).contains(toGac).doesNotContain(toEjr);
        assertThat(field(queue(PARTNER, "/api/validation-queue"), "commitmentId")).contains(toEjr).doesNotContain(toGac);
        // A leader asking for another initiative's queue sees nothing of it.
        assertThat(queue(LEADER_GAC, "/api/validation-queue?initiative=ac-ejr")).isEmpty();
        assertThat(field(queue(SECRETARIAT, "/api/validation-queue?initiative=gac"), "initiativeId")).containsOnly("gac");
        JsonNode overdue = queue(SECRETARIAT, "/api/validation-queue?overdue=true");
        assertThat(field(overdue, "overdue")).allMatch("true"::equals);
        assertThat(field(overdue, "commitmentId")).doesNotContain(toGac, toEjr); // due in four weeks
        String csv = api.as(LEADER_GAC).getForObject("/api/validation-queue/export.csv", String.class);
        assertThat(csv).contains(toGac).doesNotContain(toEjr);

        assertProblem(api.get(SECRETARIAT, "/api/validation-queue?overdue=maybe"), HttpStatus.BAD_REQUEST);
        assertProblem(api.get(null, "/api/validation-queue"), HttpStatus.UNAUTHORIZED);
    }
}
