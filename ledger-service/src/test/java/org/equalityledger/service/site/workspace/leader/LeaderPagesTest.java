package org.equalityledger.service.site.workspace.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.support.Api.ALLY;
import static org.equalityledger.service.support.Api.AUDITOR;
import static org.equalityledger.service.support.Api.LEADER_GAC;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.axonframework.eventhandling.GenericEventMessage;
import org.equalityledger.service.eventstore.LedgerEvents;
import org.equalityledger.service.support.Api;
import org.equalityledger.service.support.FormClient;
import org.equalityledger.service.support.LedgerServiceTest;
import org.equalityledger.service.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The leader's workspace over HTTP: pledges made through the API wait in the queue of the Global
 * Alliance for Care's leadership, which accepts or rejects them from the pledge's page; what the pages
 * record is read back through the API.
 */
@LedgerServiceTest
class LeaderPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    LedgerEvents ledger;
    Api api;

    @BeforeEach
    void api() {
        api = new Api(http, ledger);
    }

    /** A fresh pledge of ally-demo to GAC-1, once it waits in the Global Alliance for Care's queue. */
    private Pledge pledge() throws InterruptedException {
        String maker = Api.fresh("Fundación Cuidar");
        String makerId = api.registerMaker(ALLY, maker, "CIVIL_SOCIETY", "MX");
        Map<String, Object> details = Api.details();
        String title = Api.fresh("A national care system");
        details.put("title", title);
        String id = api.pledged(ALLY, makerId, details);
        api.eventually(LEADER_GAC, "/api/validation-queue?initiative=gac", q -> q.path("items").toString().contains(id));
        return new Pledge(id, title, maker);
    }

    record Pledge(String id, String title, String maker) {
        String page() {
            return "/workspace/leader/pledges/" + id;
        }
    }

    /** The validation queue's part of the leader's page (the initiatives' commitments below it link to pledges too). */
    private static String queueOf(String html) {
        int start = html.indexOf("id=\"queue\"");
        int end = html.indexOf("class=\"led-initiative\"", start);
        assertThat(start).as("the queue in:\n" + html).isPositive();
        return html.substring(start, end < 0 ? html.length() : end);
    }

    private JsonNode decisionOf(String commitmentId) {
        JsonNode commitment = Api.assertStatus(api.get(AUDITOR, "/api/commitments/" + commitmentId),
                org.springframework.http.HttpStatus.OK);
        for (JsonNode d : commitment.path("decisions")) {
            if ("gac".equals(d.path("initiativeId").asText())) {
                return d;
            }
        }
        throw new AssertionError("no decision for gac in " + commitment);
    }

    private List<String> eventsOf(String commitmentId) {
        JsonNode history = Api.assertStatus(api.get(AUDITOR, "/api/commitments/" + commitmentId + "/history"),
                org.springframework.http.HttpStatus.OK);
        List<String> types = new ArrayList<>();
        history.path("events").forEach(e -> types.add(e.path("type").asText()));
        return types;
    }

    @Test
    void the_leader_sees_the_pledge_in_its_queue_with_its_due_date_and_accepts_it_from_its_page() throws Exception {
        Pledge pledge = pledge();
        FormClient leader = new FormClient(port).signIn("leader-gac");

        FormClient.Page home = leader.get("/workspace/leader");
        assertThat(home.status()).isEqualTo(200);
        String queue = queueOf(home.html());
        assertThat(queue).contains("href=\"" + pledge.page() + "?lang=en\"").contains(pledge.title()).contains(pledge.maker())
                .contains("Answer due by");
        // The initiative's part: its reporting cycles and its commitments, each with the way to its history.
        assertThat(home.html()).contains("Reporting, cycle by cycle").contains("/reporting-cycles/2023?lang=en&amp;initiative=gac")
                .contains("Its commitments (");

        FormClient.Page page = leader.get(pledge.page());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains(pledge.title()).contains(pledge.maker()).contains("GAC-1")
                .contains("Accept the pledge").contains("Reject the pledge")
                .contains("id=\"history\"").contains("ally-demo").contains("Pledged");
        Map<String, String> fields = new LinkedHashMap<>(page.hiddenFieldsOf(pledge.page()));
        assertThat(fields).containsKeys("_csrf", "submission").containsEntry("initiativeId", "gac");
        fields.put("verdict", "ACCEPT");
        fields.put("reason", "fits the care-economy priority area");

        FormClient.Page sent = leader.post(pledge.page(), fields);
        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.location()).contains("/workspace/leader?").contains("decided=" + pledge.id()).contains("verdict=ACCEPT");

        JsonNode decision = decisionOf(pledge.id());
        assertThat(decision.path("decision").asText()).isEqualTo("ACCEPTED");
        assertThat(decision.path("reason").asText()).isEqualTo("fits the care-economy priority area");
        assertThat(decision.path("by").asText()).isEqualTo("leader-gac");

        FormClient.Page after = leader.get(sent.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(after.html()).contains("Your decision is recorded: you accepted the pledge");
        assertThat(queueOf(after.html())).doesNotContain(pledge.id());

        // The page now shows the decision taken, and no form to take it again.
        FormClient.Page decided = leader.get(pledge.page());
        assertThat(decided.html()).contains("fits the care-economy priority area").doesNotContain("Accept the pledge");
    }

    @Test
    void an_initiative_with_more_commitments_than_a_page_pages_them() {
        FormClient leader = new FormClient(port).signIn("leader-gac");
        String maker = api.registerMaker(ALLY);
        for (int i = 0; i < 11; i++) {
            api.pledged(ALLY, maker, Api.details());
        }
        FormClient.Page first = leader.get("/workspace/leader");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.html()).contains("page-gac=1");
        FormClient.Page second = leader.get("/workspace/leader?page-gac=1");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.html()).contains("page-gac=0");
    }

    @Test
    void an_overdue_pledge_comes_first_marked_overdue() throws Exception {
        Pledge onTime = pledge();
        // The ledger's clock (which the commitment reads) set back: a pledge made five weeks ago is a week overdue.
        MovableClock past = new MovableClock();
        past.now = java.time.Instant.now().minus(java.time.Duration.ofDays(35));
        Pledge late;
        GenericEventMessage.clock = past;
        try {
            late = pledge();
        } finally {
            GenericEventMessage.clock = java.time.Clock.systemUTC();
        }
        String queue = queueOf(new FormClient(port).signIn("leader-gac").get("/workspace/leader").html());
        assertThat(queue.indexOf(late.id())).isPositive().isLessThan(queue.indexOf(onTime.id()));
        assertThat(rowOf(queue, late.id())).contains("class=\"overdue\"").contains("class=\"overdue-tag\">overdue<");
        assertThat(rowOf(queue, onTime.id())).doesNotContain("overdue");
    }

    private static String rowOf(String html, String text) {
        int at = html.indexOf(text);
        return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
    }

    @Test
    void a_rejection_without_a_reason_is_refused_beside_the_reason_and_records_nothing() throws Exception {
        Pledge pledge = pledge();
        FormClient leader = new FormClient(port).signIn("leader-gac");
        Map<String, String> fields = new LinkedHashMap<>(leader.get(pledge.page() + "?lang=fr").hiddenFieldsOf(pledge.page()));
        fields.put("verdict", "REJECT");
        fields.put("reason", "   ");

        FormClient.Page refused = leader.post(pledge.page() + "?lang=fr", fields);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html()).contains("id=\"reason-gac-refusal\"").contains("aria-invalid=\"true\"")
                .contains("aria-describedby=\"reason-gac-refusal reason-gac-hint\"")
                .contains("Obligatoire pour rejeter l’engagement");
        String beside = refused.html().substring(refused.html().indexOf("id=\"reason-gac-refusal\""));
        assertThat(beside.substring(0, beside.indexOf("</p>"))).contains("Remplissez ce champ.");
        assertThat(decisionOf(pledge.id()).path("decision").asText()).isEqualTo("PENDING");
        assertThat(eventsOf(pledge.id())).containsExactly("CommitmentPledged");

        // With a reason, the same form (its key let go by the refusal) records the rejection.
        fields.putAll(refused.hiddenFieldsOf(pledge.page()));
        fields.put("reason", "outside the alliance’s priority areas");
        FormClient.Page sent = leader.post(pledge.page() + "?lang=fr", fields);
        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.location()).contains("lang=fr").contains("verdict=REJECT");
        JsonNode decision = decisionOf(pledge.id());
        assertThat(decision.path("decision").asText()).isEqualTo("REJECTED");
        assertThat(decision.path("reason").asText()).isEqualTo("outside the alliance’s priority areas");
    }

    @Test
    void a_leader_of_another_initiative_sees_no_such_pledge_and_is_refused_if_it_decides_anyway() throws Exception {
        Pledge pledge = pledge();
        FormClient other = new FormClient(port).signIn("leader-ac-ejr");

        FormClient.Page home = other.get("/workspace/leader");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.html()).doesNotContain(pledge.id()).doesNotContain(pledge.title());
        assertThat(other.get(pledge.page()).status()).isEqualTo(403);

        String csrf = home.hiddenFieldsOf("/logout").get("_csrf");
        for (String initiative : List.of("gac", "ac-ejr")) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("_csrf", csrf);
            fields.put("submission", UUID.randomUUID().toString());
            fields.put("initiativeId", initiative);
            fields.put("verdict", "ACCEPT");
            fields.put("reason", "looks fine to us");
            FormClient.Page refused = other.post(pledge.page(), fields);
            assertThat(refused.status()).as("deciding for %s", initiative).isEqualTo(403);
            assertThat(refused.html()).doesNotContain(pledge.title());
        }
        assertThat(decisionOf(pledge.id()).path("decision").asText()).isEqualTo("PENDING");
        assertThat(eventsOf(pledge.id())).containsExactly("CommitmentPledged");
    }

    @Test
    void a_decision_sent_twice_at_once_records_once_and_both_lead_to_the_queue() throws Exception {
        Pledge pledge = pledge();
        FormClient leader = new FormClient(port).signIn("leader-gac");
        Map<String, String> fields = new LinkedHashMap<>(leader.get(pledge.page()).hiddenFieldsOf(pledge.page()));
        fields.put("verdict", "ACCEPT");
        fields.put("reason", "");

        CompletableFuture<FormClient.Page> first = CompletableFuture.supplyAsync(() -> leader.post(pledge.page(), fields));
        CompletableFuture<FormClient.Page> second = CompletableFuture.supplyAsync(() -> leader.post(pledge.page(), fields));
        FormClient.Page a = first.join();
        FormClient.Page b = second.join();
        assertThat(a.status()).isEqualTo(302);
        assertThat(b.status()).isEqualTo(302);
        assertThat(b.location()).isEqualTo(a.location());
        assertThat(leader.post(pledge.page(), fields).location()).isEqualTo(a.location());

        assertThat(eventsOf(pledge.id())).containsExactly("CommitmentPledged", "PledgeAccepted");
        assertThat(decisionOf(pledge.id()).path("reason").isNull() || decisionOf(pledge.id()).path("reason").isMissingNode())
                .as("an acceptance without a reason records none").isTrue();
    }
}
