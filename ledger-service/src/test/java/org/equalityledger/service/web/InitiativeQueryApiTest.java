package org.equalityledger.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.support.Api.ALLY;
import static org.equalityledger.service.support.Api.SECRETARIAT;
import static org.equalityledger.service.support.Api.assertProblem;
import static org.equalityledger.service.support.Api.assertStatus;

import java.util.ArrayList;
import java.util.List;

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

/** Initiatives, their actions and their governance read through HTTP, now and as of an instant. */
@LedgerServiceTest
class InitiativeQueryApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    LedgerEvents ledger;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http, ledger);
    }

    static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("initiatives").forEach(i -> ids.add(i.path("initiativeId").asText()));
        return ids;
    }

    @Test
    void the_list_gives_kinds_names_in_every_language_parent_period_and_launch_of_the_reference_set() throws Exception {
        JsonNode list = api.eventually(null, "/api/initiatives", l -> ids(l).contains("mx-mcig") && ids(l).contains("gac"));

        assertThat(ids(list)).contains("ac-gbv", "ac-ejr", "ac-ba-srhr", "ac-facj", "ac-tige", "ac-fml", "compact-wps-ha",
                "gac", "mx-mcig").isSorted();
        assertThat(list.path("asOfPosition").asLong()).isNotNegative();
        assertThat(list.path("recordedUpTo").asText()).isNotBlank();
        JsonNode gac = find(list, "gac");
        assertThat(gac.path("kind").asText()).isEqualTo("ALLIANCE");
        assertThat(gac.path("parentInitiativeId").asText()).isEqualTo("ac-ejr");
        assertThat(gac.path("names").path("es").asText()).isEqualTo("Alianza Global por los Cuidados");
        assertThat(gac.path("names").path("fr").asText()).isNotBlank();
        assertThat(gac.path("names").path("ru").asText()).isEqualTo("Глобальный альянс по уходу");
        assertThat(gac.path("names").path("ar").asText()).isEqualTo("التحالف العالمي من أجل الرعاية");
        assertThat(gac.path("periodStartYear").asInt()).isEqualTo(2021);
        assertThat(gac.path("launchedAt").asText()).isEqualTo("2021-03-30T14:00:00Z");
        JsonNode table = find(list, "mx-mcig");
        assertThat(table.path("periodStartYear").asInt()).isEqualTo(2018);
        assertThat(table.path("launchedAt").asText()).isEqualTo("2018-07-01T15:00:00Z");

        JsonNode coalitions = api.get(null, "/api/initiatives?kind=ACTION_COALITION").getBody();
        assertThat(ids(coalitions)).hasSize(6).allMatch(id -> id.startsWith("ac-"));
    }

    @Test
    void as_of_an_instant_nothing_appears_before_it_existed() throws Exception {
        String id = Api.fresh("wg");
        assertStatus(api.post(SECRETARIAT, "/api/initiatives", java.util.Map.of("id", id, "kind", "WORKING_GROUP",
                "code", id.toUpperCase(), "names", InitiativeApiTest.NAMES)), HttpStatus.CREATED);
        api.eventually(null, "/api/initiatives/" + id, v -> true);

        // Before the forum, only the Mexico table existed; in 2019 only with France in the presidency.
        assertThat(ids(api.get(null, "/api/initiatives?asOf=2019-01-01T00:00:00Z").getBody())).containsExactly("mx-mcig");
        assertThat(ids(api.get(null, "/api/initiatives?asOf=2018-01-01T00:00:00Z").getBody())).isEmpty();
        JsonNode in2021 = api.get(null, "/api/initiatives?asOf=2021-06-01T00:00:00Z").getBody();
        assertThat(ids(in2021)).contains("ac-gbv", "gac").doesNotContain(id);
        assertThat(in2021.path("recordedUpTo").asText()).startsWith("2021-03-");
        assertProblem(api.get(null, "/api/initiatives/" + id + "?asOf=2021-06-01T00:00:00Z"), HttpStatus.NOT_FOUND);
        assertProblem(api.get(null, "/api/initiatives/" + id + "/roles?asOf=2021-06-01T00:00:00Z"), HttpStatus.NOT_FOUND);
        assertProblem(api.get(null, "/api/initiatives/gac?asOf=2021-03-29T23:00:00Z"), HttpStatus.NOT_FOUND);
        assertThat(api.get(null, "/api/initiatives/gac?asOf=2021-03-31T00:00:00Z").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void the_mexico_table_shows_the_presidency_holder_as_of_a_date_in_each_presidency() throws Exception {
        api.eventually(null, "/api/initiatives/mx-mcig", v -> v.path("initiative").path("roles").size() >= 4);
        for (String[] at : new String[][] {{"2019-03-01", "France", "2"}, {"2020-03-01", "Ireland", "3"}, {"2021-03-01", "Spain", "10"}}) {
            JsonNode roles = assertStatus(api.get(null, "/api/initiatives/mx-mcig/roles?asOf=" + at[0] + "T12:00:00Z"), HttpStatus.OK);
            assertThat(roles.path("on").asText()).isEqualTo(at[0]);
            assertThat(roles.path("presidency").path("holder").path("organisationName").asText()).as(at[0]).isEqualTo(at[1]);
            assertThat(roles.path("roles").size()).as(at[0]).isEqualTo(Integer.parseInt(at[2]));
        }
        JsonNode roles = api.get(null, "/api/initiatives/mx-mcig/roles").getBody();
        assertThat(roles.path("roles").get(0).path("holder").path("organisationName").asText()).isEqualTo("France");
        assertThat(roles.path("roles").get(0).path("term").path("start").asText()).isEqualTo("2018-07-01");
        assertThat(roles.path("roles").get(0).path("assignedAt").asText()).isEqualTo("2018-07-01T15:00:00Z");
    }

    @Test
    void an_initiative_answers_its_actions_with_targets_and_progress_and_its_commitments() throws Exception {
        api.active(ALLY); // a commitment to GAC-1, accepted
        JsonNode gac = api.eventually(null, "/api/initiatives/gac",
                v -> v.path("progress").path("GAC-1").path("accepted").asLong() > 0);

        assertThat(gac.path("initiative").path("actions")).hasSize(4);
        assertThat(gac.path("initiative").path("actions").get(0).path("code").asText()).isEqualTo("GAC-1");
        assertThat(gac.path("progress").path("GAC-1").path("commitments").asLong()).isPositive();
        assertThat(gac.path("progress").path("GAC-1").path("counted").asText()).contains("not linked to the action's targets");
        assertThat(gac.path("commitments").path("count").asLong()).isPositive();
        assertThat(gac.path("commitments").path("list").asText()).isEqualTo("/api/commitments?initiative=gac");

        JsonNode actions = assertStatus(api.get(null, "/api/initiatives/ac-gbv/actions"), HttpStatus.OK);
        assertThat(actions.path("actions")).hasSize(4);
        assertThat(actions.path("actions").get(0).path("targets").get(0).path("value").asInt()).isEqualTo(550);
        assertThat(actions.path("actions").get(0).path("targets").get(0).path("unit").asText()).isEqualTo("million women and girls");
        assertThat(actions.path("progress").has("GBV-1")).isTrue();
        assertThat(actions.path("asOfPosition").asLong()).isNotNegative();
    }

    @Test
    void the_location_of_a_launched_initiative_is_readable_at_once() {
        for (int i = 0; i < 20; i++) {
            String id = Api.fresh("wg");
            ResponseEntity<JsonNode> launched = api.post(SECRETARIAT, "/api/initiatives", java.util.Map.of("id", id,
                    "kind", "WORKING_GROUP", "code", id.toUpperCase(), "names", InitiativeApiTest.NAMES));
            assertStatus(launched, HttpStatus.CREATED);
            JsonNode read = assertStatus(api.get(null, launched.getHeaders().getLocation().getPath()), HttpStatus.OK);
            assertThat(read.path("initiative").path("initiativeId").asText()).isEqualTo(id);
        }
    }

    @Test
    void unknown_ids_are_404_and_bad_parameters_400_naming_them() {
        for (String path : List.of("/api/initiatives/no-such", "/api/initiatives/no-such/actions", "/api/initiatives/no-such/roles")) {
            assertProblem(api.get(null, path), HttpStatus.NOT_FOUND);
        }
        for (String[] bad : new String[][] {{"/api/initiatives?kind=NOPE", "kind"}, {"/api/initiatives?asOf=yesterday", "asOf"},
                {"/api/initiatives/gac?asOf=2021-13-01", "asOf"}, {"/api/initiatives/gac/roles?asOf=x", "asOf"},
                {"/api/initiatives/gac/actions?asOf=2021-06", "asOf"}, {"/api/initiatives?kinds=ALLIANCE", "kinds"}}) {
            ResponseEntity<JsonNode> response = api.get(null, bad[0]);
            assertProblem(response, HttpStatus.BAD_REQUEST);
            assertThat(response.getBody().toString()).as(bad[0]).contains(bad[1]);
        }
    }

    static JsonNode find(JsonNode list, String id) {
        for (JsonNode i : list.path("initiatives")) {
            if (i.path("initiativeId").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no " + id + " in " + list);
    }
}
