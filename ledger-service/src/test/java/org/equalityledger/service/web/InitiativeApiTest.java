package org.equalityledger.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.support.Api.ALLY;
import static org.equalityledger.service.support.Api.AUDITOR;
import static org.equalityledger.service.support.Api.LEADER_GAC;
import static org.equalityledger.service.support.Api.SECRETARIAT;
import static org.equalityledger.service.support.Api.assertBadFields;
import static org.equalityledger.service.support.Api.assertProblem;
import static org.equalityledger.service.support.Api.assertRule;
import static org.equalityledger.service.support.Api.assertStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.equalityledger.service.config.ReferenceSetLoader;
import org.equalityledger.service.domain.initiative.ReferenceSet;
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

@LedgerServiceTest
class InitiativeApiTest {

    static final Map<String, String> NAMES = Map.of("en", "Care table", "es", "Mesa de cuidados", "fr", "Table des soins");

    @Autowired
    TestRestTemplate http;
    @Autowired
    LedgerEvents ledger;
    @Autowired
    ReferenceSetLoader loader;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http, ledger);
    }

    static Map<String, Object> launch(String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "WORKING_GROUP");
        body.put("code", code);
        body.put("names", NAMES);
        return body;
    }

    String launched() {
        String code = Api.fresh("WG").toUpperCase();
        assertStatus(api.post(SECRETARIAT, "/api/initiatives", launch(code)), HttpStatus.CREATED);
        return code.toLowerCase();
    }

    static Map<String, Object> action(String code) {
        return Map.of("actionCode", code, "names", NAMES,
                "targets", List.of(Map.of("description", "care jobs created", "value", 1000, "unit", "jobs",
                        "byYear", 2026)));
    }

    @Test
    void the_reference_set_is_loaded_at_start_and_not_twice() {
        for (String id : ReferenceSet.shipped().initiativeIds()) {
            assertThat(ledger.entriesOf(id)).as(id).isNotEmpty();
            assertThat(ledger.entriesOf(id).get(0).metadata()).contains("\"actor\":\"reference-loader\"");
        }
        long head = api.head();
        assertThat(loader.load()).isZero();
        assertThat(api.head()).isEqualTo(head);
    }

    @Test
    void the_secretariat_launches_an_initiative_with_201_and_location() {
        String code = Api.fresh("WG").toUpperCase();

        ResponseEntity<JsonNode> response = api.post(SECRETARIAT, "/api/initiatives", launch(code));

        JsonNode body = assertStatus(response, HttpStatus.CREATED);
        assertThat(body.path("id").asText()).isEqualTo(code.toLowerCase());
        assertThat(body.path("outcome").asText()).isEqualTo("launched");
        assertThat(response.getHeaders().getLocation()).hasToString("/api/initiatives/" + code.toLowerCase());
        assertRule(api.post(SECRETARIAT, "/api/initiatives", launch(code)), "initiative.already-launched");
    }

    @Test
    void an_initiative_may_be_launched_under_a_parent_with_an_id_of_its_own() {
        Map<String, Object> body = launch("CARE-MX");
        String id = Api.fresh("care-mx");
        body.put("id", id);
        body.put("kind", "ALLIANCE");
        body.put("parentInitiativeId", "gac");
        assertStatus(api.post(SECRETARIAT, "/api/initiatives", body), HttpStatus.CREATED);

        body.put("id", Api.fresh("orphan"));
        body.put("parentInitiativeId", "no-such-parent");
        assertRule(api.post(SECRETARIAT, "/api/initiatives", body), "initiative.parent.unknown");
    }

    @Test
    void only_the_secretariat_launches() {
        for (String user : List.of(ALLY, LEADER_GAC, AUDITOR)) {
            long head = api.head();
            assertProblem(api.post(user, "/api/initiatives", launch(Api.fresh("X"))), HttpStatus.FORBIDDEN);
            assertThat(api.head()).isEqualTo(head);
        }
        assertProblem(api.post(null, "/api/initiatives", launch(Api.fresh("X"))), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void a_bad_launch_names_every_bad_field() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "Commitment-X!");
        body.put("kind", "CLUB");
        body.put("names", Map.of("en", "Only English"));
        body.put("periodStartYear", 2030);
        body.put("periodEndYear", 2020);

        assertBadFields(api.post(SECRETARIAT, "/api/initiatives", body), "kind");
        body.put("kind", "ALLIANCE");
        assertBadFields(api.post(SECRETARIAT, "/api/initiatives", body),
                "id", "code", "names.es", "names.fr", "periodEndYear");
    }

    @Test
    void russian_and_arabic_names_are_accepted_read_back_and_absent_where_not_given() throws Exception {
        Map<String, Object> body = launch(Api.fresh("WG").toUpperCase());
        body.put("names", Map.of("en", "Care table", "es", "Mesa de cuidados", "fr", "Table des soins",
                "ru", "Стол по вопросам ухода", "ar", "طاولة الرعاية"));
        String id = assertStatus(api.post(SECRETARIAT, "/api/initiatives", body), HttpStatus.CREATED).path("id").asText();
        assertStatus(api.post(SECRETARIAT, "/api/initiatives/" + id + "/actions", action("A-1")), HttpStatus.OK);
        Map<String, Object> arabicOnly = new LinkedHashMap<>(action("A-2"));
        arabicOnly.put("names", Map.of("en", "Care jobs", "es", "Empleos de cuidados", "fr", "Emplois de soins",
                "ar", "وظائف الرعاية"));
        assertStatus(api.post(SECRETARIAT, "/api/initiatives/" + id + "/actions", arabicOnly), HttpStatus.OK);

        JsonNode view = api.eventually(null, "/api/initiatives/" + id,
                v -> v.path("initiative").path("actions").size() == 2).path("initiative");

        assertThat(view.path("names").path("ru").asText()).isEqualTo("Стол по вопросам ухода");
        assertThat(view.path("names").path("ar").asText()).isEqualTo("طاولة الرعاية");
        assertThat(view.path("names").path("en").asText()).isEqualTo("Care table");
        JsonNode threeNames = view.path("actions").get(0).path("names");
        assertThat(threeNames.fieldNames()).toIterable().containsExactly("en", "es", "fr");
        JsonNode arabic = view.path("actions").get(1).path("names");
        assertThat(arabic.path("ar").asText()).isEqualTo("وظائف الرعاية");
        assertThat(arabic.has("ru")).as("a name not given is absent, so a page falls back visibly").isFalse();
        JsonNode listed = api.get(null, "/api/initiatives?kind=WORKING_GROUP").getBody();
        assertThat(listed.path("initiatives").findValues("names"))
                .anyMatch(n -> n.path("ru").asText().equals("Стол по вопросам ухода"));
    }

    @Test
    void malformed_russian_and_arabic_names_are_refused_naming_the_field_and_change_nothing() {
        String id = launched();
        long head = api.head();
        for (Object bad : List.of(" ", "", "two\nlines", "x".repeat(301), "bell \u0007", 42, List.of("Уход"), Map.of())) {
            for (String language : List.of("ru", "ar")) {
                Map<String, Object> names = new LinkedHashMap<>(NAMES);
                names.put(language, bad);
                Map<String, Object> launch = launch(Api.fresh("WG").toUpperCase());
                launch.put("names", names);
                assertNamesField(api.post(SECRETARIAT, "/api/initiatives", launch), language);
                Map<String, Object> action = new LinkedHashMap<>(action("A-9"));
                action.put("names", names);
                assertNamesField(api.post(SECRETARIAT, "/api/initiatives/" + id + "/actions", action), language);
            }
        }
        Map<String, Object> german = new LinkedHashMap<>(NAMES);
        german.put("de", "Pflegetisch");
        Map<String, Object> launch = launch(Api.fresh("WG").toUpperCase());
        launch.put("names", german);
        assertBadFields(api.post(SECRETARIAT, "/api/initiatives", launch), "names.de");
        assertThat(api.head()).isEqualTo(head);
    }

    /** A 400 naming the name in {@code language} (a list given for it is named with its index). */
    static void assertNamesField(ResponseEntity<JsonNode> response, String language) {
        assertProblem(response, HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("errors").findValuesAsText("field")).as(response.getBody().toString())
                .isNotEmpty().allMatch(field -> field.startsWith("names." + language));
    }

    @Test
    void ids_reserved_for_other_kinds_are_refused() {
        Map<String, Object> body = launch("X");
        body.put("id", "maker-" + java.util.UUID.randomUUID());
        assertBadFields(api.post(SECRETARIAT, "/api/initiatives", body), "id");
        body.put("id", "reporting-cycle-2022");
        assertBadFields(api.post(SECRETARIAT, "/api/initiatives", body), "id");
    }

    @Test
    void the_secretariat_defines_actions() {
        String id = launched();
        JsonNode body = assertStatus(api.post(SECRETARIAT, "/api/initiatives/" + id + "/actions", action("A-1")),
                HttpStatus.OK);
        assertThat(body.path("outcome").asText()).isEqualTo("action-defined");

        assertRule(api.post(SECRETARIAT, "/api/initiatives/" + id + "/actions", action("A-1")),
                "initiative.action.duplicate-code");
        assertBadFields(api.post(SECRETARIAT, "/api/initiatives/" + id + "/actions",
                Map.of("actionCode", "bad code!", "targets", List.of())), "actionCode", "names", "targets");
        assertProblem(api.post(LEADER_GAC, "/api/initiatives/" + id + "/actions", action("A-2")), HttpStatus.FORBIDDEN);
        assertProblem(api.post(SECRETARIAT, "/api/initiatives/" + Api.fresh("nowhere") + "/actions", action("A-1")),
                HttpStatus.NOT_FOUND);
        assertProblem(api.post(SECRETARIAT, "/api/initiatives/NOT_AN_ID/actions", action("A-1")),
                HttpStatus.NOT_FOUND);
    }

    @Test
    void a_coalition_has_at_most_four_actions() {
        assertRule(api.post(SECRETARIAT, "/api/initiatives/ac-gbv/actions", action("GBV-5")),
                "initiative.actions.at-most-four");
    }

    @Test
    void the_secretariat_assigns_roles_and_extends_a_presidency_once() {
        String id = launched();
        Map<String, Object> presidency = Map.of("role", "PRESIDENCY",
                "holder", Map.of("organisationName", "Embassy of Spain"),
                "term", Map.of("start", "2021-07-01", "end", "2022-06-30"));
        JsonNode body = assertStatus(api.post(SECRETARIAT, "/api/initiatives/" + id + "/roles", presidency),
                HttpStatus.OK);
        assertThat(body.path("outcome").asText()).isEqualTo("role-assigned");
        assertRule(api.post(SECRETARIAT, "/api/initiatives/" + id + "/roles", Map.of("role", "PRESIDENCY",
                        "holder", Map.of("organisationName", "Embassy of France"),
                        "term", Map.of("start", "2022-01-01", "end", "2022-12-31"))),
                "initiative.presidency.one-holder-at-a-time");

        assertStatus(api.post(SECRETARIAT, "/api/initiatives/" + id + "/roles/presidency/extension",
                Map.of("reason", "the table asked for continuity")), HttpStatus.OK);
        assertRule(api.post(SECRETARIAT, "/api/initiatives/" + id + "/roles/presidency/extension", null),
                "initiative.presidency.extended-once");
        assertProblem(api.post(ALLY, "/api/initiatives/" + id + "/roles/presidency/extension", null),
                HttpStatus.FORBIDDEN);
    }

    @Test
    void bad_roles_name_their_fields() {
        String id = launched();
        assertBadFields(api.post(SECRETARIAT, "/api/initiatives/" + id + "/roles",
                        Map.of("role", "KING", "holder", Map.of(), "term", Map.of("start", "2021-13-01"))),
                "role", "term.start");
        assertBadFields(api.post(SECRETARIAT, "/api/initiatives/" + id + "/roles",
                        Map.of("role", "MEMBER", "holder", Map.of(), "term", Map.of("start", "2021-07-01",
                                "end", "2021-01-01"))),
                "holder", "term.end");
        assertRule(api.post(SECRETARIAT, "/api/initiatives/" + id + "/roles",
                        Map.of("role", "MEMBER", "holder", Map.of("makerId", "maker-unknown"),
                                "term", Map.of("start", "2021-07-01"))),
                "initiative.role.unknown-maker");
        assertProblem(api.post(AUDITOR, "/api/initiatives/" + id + "/roles",
                Map.of("role", "MEMBER", "holder", Map.of("organisationName", "GIZ"),
                        "term", Map.of("start", "2021-07-01"))), HttpStatus.FORBIDDEN);
    }
}
