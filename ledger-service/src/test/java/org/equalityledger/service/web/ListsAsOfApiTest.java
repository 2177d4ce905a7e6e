package org.equalityledger.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.support.Api.ALLY;
import static org.equalityledger.service.support.Api.LEADER_GAC;
import static org.equalityledger.service.support.Api.assertProblem;
import static org.equalityledger.service.support.Api.assertStatus;

import java.time.Instant;
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

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The lists as the ledger recorded them at an instant: commitments (as JSON and CSV), makers and a
 * reporting cycle take {@code asOf}; commitments filter by region, type and maker; values that name
 * nothing are refused.
 */
@LedgerServiceTest
class ListsAsOfApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    LedgerEvents ledger;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http, ledger);
    }

    static List<String> ids(JsonNode page, String field) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path(field).asText()));
        return ids;
    }

    @Test
    void a_list_as_of_an_instant_holds_what_was_recorded_by_then_in_json_and_csv() throws Exception {
        Instant beforeAll = Instant.now();
        Thread.sleep(5);
        String tag = Api.fresh("Cuidados");
        String maker = api.registerMaker(ALLY, tag + " Colectiva", "CIVIL_SOCIETY", "MX");
        Map<String, Object> advocacy = new LinkedHashMap<>(Api.details());
        advocacy.put("title", tag + " advocacy");
        String first = api.pledged(ALLY, maker, advocacy);
        assertStatus(api.post(LEADER_GAC, "/api/commitments/" + first + "/decisions",
                Map.of("initiativeId", "gac", "verdict", "ACCEPT")), HttpStatus.OK);
        api.eventually(null, "/api/commitments?text=" + tag, p -> p.path("items").path(0).path("status").asText().equals("ACTIVE"));
        Thread.sleep(5);
        Instant between = Instant.now();
        Thread.sleep(5);
        Map<String, Object> policy = new LinkedHashMap<>(Api.details());
        policy.put("title", tag + " policy");
        policy.put("types", List.of("POLICY"));
        String second = api.pledged(ALLY, maker, policy);

        JsonNode now = api.eventually(null, "/api/commitments?text=" + tag, p -> p.path("total").asInt() == 2);
        assertThat(ids(now, "commitmentId")).containsExactly(first, second);
        JsonNode then = api.get(null, "/api/commitments?text=" + tag + "&asOf=" + between).getBody();
        assertThat(ids(then, "commitmentId")).containsExactly(first);
        assertThat(then.path("total").asInt()).isEqualTo(1);
        assertThat(Instant.parse(then.path("recordedUpTo").asText())).isBeforeOrEqualTo(between);
        assertThat(api.get(null, "/api/commitments?text=" + tag + "&asOf=" + beforeAll).getBody().path("total").asInt()).isZero();

        String csvThen = http.getForObject("/api/commitments/export.csv?text=" + tag + "&asOf=" + between, String.class);
        assertThat(csvThen).contains(first).doesNotContain(second);
        assertThat(http.getForObject("/api/commitments/export.csv?text=" + tag, String.class)).contains(first).contains(second);

        String base = "/api/commitments?text=" + tag;
        assertThat(ids(api.get(null, base + "&type=policy").getBody(), "commitmentId")).containsExactly(second);
        assertThat(ids(api.get(null, base + "&status=ACTIVE").getBody(), "commitmentId")).containsExactly(first);
        assertThat(ids(api.get(null, "/api/commitments?maker=" + maker).getBody(), "commitmentId")).containsExactly(first, second);
        assertThat(ids(api.get(null, base + "&region=LATIN_AMERICA_CARIBBEAN").getBody(), "commitmentId")).containsExactly(first, second);
        assertThat(api.get(null, base + "&region=AFRICA").getBody().path("total").asInt()).isZero();
        assertThat(http.getForObject("/api/commitments/export.csv?type=POLICY&text=" + tag, String.class))
                .contains(second).doesNotContain(first);

        // Makers: registered by then, with the commitments pledged by then.
        JsonNode makersNow = api.eventually(null, "/api/commitment-makers?text=" + tag,
                p -> p.path("items").path(0).path("commitments").asInt() == 2);
        assertThat(ids(makersNow, "makerId")).containsExactly(maker);
        JsonNode makersThen = api.get(null, "/api/commitment-makers?text=" + tag + "&asOf=" + between).getBody();
        assertThat(makersThen.path("items").path(0).path("commitments").asInt()).isEqualTo(1);
        assertThat(api.get(null, "/api/commitment-makers?text=" + tag + "&asOf=" + beforeAll).getBody().path("total").asInt()).isZero();
        String makersCsv = http.getForObject("/api/commitment-makers/export.csv?text=" + tag, String.class);
        assertThat(makersCsv).startsWith("Commitment maker,Name,").contains(maker + "," + tag + " Colectiva,").contains(",Mexico,Latin America Caribbean,2");
        assertThat(http.getForObject("/api/commitment-makers/export.csv?text=" + tag + "&asOf=" + beforeAll, String.class).lines())
                .hasSize(1);

        // A cycle of one initiative's commitments, as of an instant before any was recorded.
        JsonNode early = api.get(null, "/api/reporting-cycles/2023?initiative=gac&asOf=2000-01-01T00:00:00Z").getBody();
        assertThat(early.path("counts").path("expected").asInt()).isZero();
        assertThat(early.path("cycle").isNull()).isTrue();
        assertThat(api.get(null, "/api/reporting-cycles/2023?initiative=no-such-initiative").getBody()
                .path("counts").path("expected").asInt()).isZero();
    }

    @Test
    void filter_values_that_name_nothing_are_refused() {
        for (String bad : List.of("status=BOGUS", "type=GIFT", "group=NOPE", "region=MOON", "country=MEX", "page=-1", "size=0",
                "size=1001", "year=99999999999", "asOf=yesterday", "text=" + "x".repeat(201))) {
            assertProblem(api.get(null, "/api/commitments?" + bad), HttpStatus.BAD_REQUEST);
            if (!bad.startsWith("page") && !bad.startsWith("size")) {
                assertThat(http.getForEntity("/api/commitments/export.csv?" + bad, String.class).getStatusCode()).as(bad)
                        .isEqualTo(HttpStatus.BAD_REQUEST);
            }
        }
        assertProblem(api.get(null, "/api/commitment-makers?asOf=2022-13-01"), HttpStatus.BAD_REQUEST);
        assertThat(http.getForEntity("/api/commitment-makers/export.csv?group=NOPE", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertProblem(api.get(null, "/api/reporting-cycles/2023?asOf=soon"), HttpStatus.BAD_REQUEST);
    }
}
