package org.equalityledger.service.site.workspace.auditor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.support.Api.ALLY;
import static org.equalityledger.service.support.Api.AUDITOR;
import static org.equalityledger.service.support.Api.assertStatus;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.equalityledger.core.verify.Main;
import org.equalityledger.service.audit.LedgerSealer;
import org.equalityledger.service.eventstore.LedgerEvents;
import org.equalityledger.service.support.Api;
import org.equalityledger.service.support.FormClient;
import org.equalityledger.service.support.LedgerServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The auditor's pages over HTTP as a browser uses them: a timeline whose hashes chain as the history
 * API gives them, a verification started from the page that ends verified, and files downloaded from
 * the workspace that the offline verifier accepts. None of it records anything in the ledger.
 */
@LedgerServiceTest
class AuditorPagesTest {

    private static final Pattern EVENT = Pattern.compile("<li id=\"position-(\\d+)\" class=\"timeline-event\">(.*?)</li>",
            Pattern.DOTALL);

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    LedgerEvents ledger;
    @Autowired
    LedgerSealer sealer;
    @TempDir
    Path folder;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http, ledger);
    }

    /** An accepted commitment, amended with money, all of it sealed into a checkpoint. */
    private String amendedAndSealed() {
        String id = api.active(ALLY);
        assertStatus(api.post(ALLY, "/api/commitments/" + id + "/amendments",
                Map.of("changes", Map.of("types", List.of("ADVOCACY", "FINANCIAL"),
                                "financial", Map.of("amount", "250000.00", "currency", "MXN")),
                        "reason", "the board approved a budget")), HttpStatus.OK);
        sealer.seal();
        return id;
    }

    @Test
    void a_timeline_shows_every_event_with_its_position_and_hashes_chained_as_the_history_api_gives_them() throws Exception {
        String id = amendedAndSealed();
        FormClient auditor = new FormClient(port).signIn(AUDITOR);

        FormClient.Page found = auditor.get("/workspace/auditor/commitments?lang=en&id=+" + id + "+");
        assertThat(found.status()).isEqualTo(302);
        assertThat(found.location()).endsWith("/workspace/auditor/commitments/" + id + "?lang=en");

        String page = auditor.get("/workspace/auditor/commitments/" + id + "?lang=en").html();
        JsonNode history = assertStatus(api.get(AUDITOR, "/api/commitments/" + id + "/history"), HttpStatus.OK);
        List<String[]> shown = new ArrayList<>();
        Matcher event = EVENT.matcher(page);
        while (event.find()) {
            shown.add(new String[] {event.group(1), one("class=\"hash stored\" dir=\"ltr\">([0-9a-f]{64})<", event.group(2)),
                    one("class=\"hash previous\" dir=\"ltr\">([0-9a-f]{64})<", event.group(2))});
        }
        assertThat(shown).hasSize(history.path("events").size()).hasSize(3);
        for (int i = 0; i < shown.size(); i++) {
            JsonNode stored = history.path("events").get(i);
            assertThat(shown.get(i)[0]).isEqualTo(stored.path("position").asText());
            assertThat(shown.get(i)[1]).isEqualTo(stored.path("hash").asText());
            // Chained: each event names the hash of the commitment's event before it; the first names none.
            assertThat(shown.get(i)[2]).isEqualTo(i == 0 ? null : shown.get(i - 1)[1]);
        }
        assertThat(page).contains("None: the commitment’s first event", "ally-demo", "leader-gac",
                "the board approved a budget", "Financial commitment", "<td dir=\"auto\">MX$250,000.00</td>", "<td dir=\"auto\">ADVOCACY</td>");
        assertThat(page).containsPattern("<td dir=\"auto\">(ADVOCACY, FINANCIAL|FINANCIAL, ADVOCACY)</td>");
        // Values as text, never a record's toString.
        assertThat(page).doesNotContain("Money[", "amount=", "??auditor");
    }

    @Test
    void an_inclusion_proof_downloaded_from_the_timeline_is_the_apis_and_the_offline_verifier_accepts_it() throws Exception {
        String id = amendedAndSealed();
        FormClient auditor = new FormClient(port).signIn(AUDITOR);
        String page = auditor.get("/workspace/auditor/commitments/" + id + "?lang=fr").html();
        List<String> proofs = new ArrayList<>();
        Matcher link = Pattern.compile("href=\"(/workspace/auditor/downloads/inclusion\\.json\\?position=(\\d+)&amp;treeSize=(\\d+))\"")
                .matcher(page);
        while (link.find()) {
            proofs.add(link.group(1).replace("&amp;", "&"));
        }
        assertThat(proofs).hasSize(3);
        String last = proofs.get(2);
        String treeSize = last.replaceAll(".*treeSize=", "");
        assertThat(page).contains("--checkpoint checkpoint-" + treeSize + ".json", "Preuve d’inclusion de la position");

        String proof = auditor.get(last).html();
        String fromApi = assertStatus(api.get(AUDITOR, last.replace("/workspace/auditor/downloads/inclusion.json", "/api/audit/proofs/inclusion")),
                HttpStatus.OK).toString();
        assertThat(Api.JSON.readTree(proof)).isEqualTo(Api.JSON.readTree(fromApi));
        JsonNode history = assertStatus(api.get(AUDITOR, "/api/commitments/" + id + "/history"), HttpStatus.OK);
        assertThat(Api.JSON.readTree(proof).path("entryHash").asText()).isEqualTo(history.path("events").get(2).path("hash").asText());

        Path proofFile = Files.writeString(folder.resolve("inclusion.json"), proof);
        Path key = Files.writeString(folder.resolve("ledger-key.pub.pem"), auditor.get("/workspace/auditor/downloads/ledger-key.pub.pem").html());
        Path checkpoint = Files.writeString(folder.resolve("checkpoint-" + treeSize + ".json"),
                auditor.get("/workspace/auditor/downloads/checkpoint-" + treeSize + ".json").html());
        Offline offline = offline("inclusion", proofFile.toString(), "--public-key", key.toString(), "--checkpoint", checkpoint.toString());
        assertThat(offline.status()).as(offline.output()).isEqualTo(Main.VERIFIED);
        assertThat(offline.output()).startsWith("OK: the entry at position " + history.path("events").get(2).path("position").asText());
    }

    @Test
    void the_export_downloaded_from_the_workspace_verifies_offline_against_the_key_and_latest_checkpoint() throws Exception {
        amendedAndSealed();
        FormClient auditor = new FormClient(port).signIn(AUDITOR);
        String home = auditor.get("/workspace/auditor?lang=en").html();
        assertThat(home).contains("href=\"/workspace/auditor/downloads/ledger.jsonl\"",
                "href=\"/workspace/auditor/downloads/ledger-key.pub.pem\"", "href=\"/workspace/auditor/downloads/checkpoint-latest.json\"",
                "java -jar ledger-verifier.jar verify ledger.jsonl");

        Path export = Files.writeString(folder.resolve("ledger.jsonl"), auditor.get("/workspace/auditor/downloads/ledger.jsonl").html());
        Path key = Files.writeString(folder.resolve("ledger-key.pub.pem"), auditor.get("/workspace/auditor/downloads/ledger-key.pub.pem").html());
        Path checkpoint = Files.writeString(folder.resolve("checkpoint-latest.json"),
                auditor.get("/workspace/auditor/downloads/checkpoint-latest.json").html());
        Offline offline = offline("verify", export.toString(), "--public-key", key.toString(), "--checkpoint", checkpoint.toString());
        assertThat(offline.status()).as(offline.output()).isEqualTo(Main.VERIFIED);
        assertThat(offline.output()).startsWith("OK: ");

        // Only a signed-in auditor (or the secretariat) has these addresses.
        assertThat(new FormClient(port).get("/workspace/auditor/downloads/ledger.jsonl").status()).isEqualTo(302);
        assertThat(new FormClient(port).signIn("leader-gac").get("/workspace/auditor/downloads/ledger.jsonl").status()).isEqualTo(403);
        assertThat(new FormClient(port).signIn("secretariat").get("/workspace/auditor?lang=en").status()).isEqualTo(200);
    }

    @Test
    void a_verification_started_from_the_page_finishes_verified_with_its_figures_and_records_nothing() throws Exception {
        amendedAndSealed();
        long head = api.head();
        FormClient auditor = new FormClient(port).signIn(AUDITOR);
        FormClient.Page home = auditor.get("/workspace/auditor?lang=en");
        assertThat(home.html()).doesNotContain("htmx");

        FormClient.Page started = auditor.post("/workspace/auditor/verifications?lang=en", home.hiddenFieldsOf("/workspace/auditor/verifications"));
        assertThat(started.status()).isEqualTo(302);
        String path = started.location().replaceFirst("^https?://[^/]+", "");
        assertThat(path).matches("/workspace/auditor/verifications/[0-9a-f-]{36}\\?lang=en");
        String progress = path.replace("?lang=en", "/progress?lang=en");

        String fragment = auditor.get(progress).html();
        for (int i = 0; i < 600 && fragment.contains("data-state=\"running\""); i++) {
            // While it runs the fragment polls itself and, without JavaScript, offers a Refresh link.
            assertThat(fragment).contains("hx-trigger=\"every 1s\"", "hx-get=\"" + progress, ">Refresh<");
            Thread.sleep(100);
            fragment = auditor.get(progress).html();
        }
        assertThat(fragment).contains("data-state=\"verified\"").doesNotContain("hx-trigger");

        String page = auditor.get(path).html();
        assertThat(page).contains("The ledger is verified", "/site/verification.js");
        assertThat(page).containsPattern("<script src=\"/webjars/htmx.org/[^\"]*htmx.min.js\" defer>");
        Matcher progressBar = Pattern.compile("<progress id=\"verification-progress\" max=\"(\\d+)\"\\s+value=\"(\\d+)\"").matcher(page);
        assertThat(progressBar.find()).as(page).isTrue();
        assertThat(progressBar.group(2)).isEqualTo(progressBar.group(1));
        long done = Long.parseLong(progressBar.group(2));
        assertThat(done).isGreaterThanOrEqualTo(head);
        String figures = String.format(java.util.Locale.ENGLISH, "%,d of %,d", done, done);
        assertThat(page).contains(figures, String.format(java.util.Locale.ENGLISH, "%,d events verified", done), "checkpoints verified");
        assertThat(api.head()).as("a verification records nothing").isEqualTo(head);
    }

    @Test
    void two_checkpoints_are_consistent_and_the_downloaded_proof_verifies_offline() throws Exception {
        amendedAndSealed();
        long older = sealer.latest().orElseThrow().treeSize();
        amendedAndSealed();
        long newer = sealer.latest().orElseThrow().treeSize();
        FormClient auditor = new FormClient(port).signIn(AUDITOR);

        String list = auditor.get("/workspace/auditor/checkpoints?lang=en").html();
        assertThat(list.indexOf("checkpoint-" + newer + ".json<")).isLessThan(list.indexOf("checkpoint-" + older + ".json<"))
                .isPositive();

        FormClient.Page checked = auditor.get("/workspace/auditor/checkpoints?lang=en&from=" + older + "&to=" + newer);
        assertThat(checked.status()).isEqualTo(200);
        assertThat(checked.html()).contains("data-consistent=\"true\"", "Consistent",
                "--checkpoint checkpoint-" + older + ".json --checkpoint checkpoint-" + newer + ".json");
        String proof = auditor.get("/workspace/auditor/downloads/consistency.json?from=" + older + "&to=" + newer).html();
        Path proofFile = Files.writeString(folder.resolve("consistency.json"), proof);
        Path key = Files.writeString(folder.resolve("ledger-key.pub.pem"), auditor.get("/workspace/auditor/downloads/ledger-key.pub.pem").html());
        Path first = Files.writeString(folder.resolve("checkpoint-" + older + ".json"),
                auditor.get("/workspace/auditor/downloads/checkpoint-" + older + ".json").html());
        Path second = Files.writeString(folder.resolve("checkpoint-" + newer + ".json"),
                auditor.get("/workspace/auditor/downloads/checkpoint-" + newer + ".json").html());
        Offline offline = offline("consistency", proofFile.toString(), "--public-key", key.toString(),
                "--checkpoint", first.toString(), "--checkpoint", second.toString());
        assertThat(offline.status()).as(offline.output()).isEqualTo(Main.VERIFIED);

        FormClient.Page backwards = auditor.get("/workspace/auditor/checkpoints?lang=en&from=" + newer + "&to=" + older);
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.html()).contains("id=\"from-refusal\"", "must cover fewer events").doesNotContain("data-consistent");
    }

    @Test
    void an_id_that_names_no_commitment_is_said_beside_the_field() {
        FormClient auditor = new FormClient(port).signIn(AUDITOR);
        FormClient.Page notAnId = auditor.get("/workspace/auditor/commitments?lang=es&id=maker-1");
        assertThat(notAnId.status()).isEqualTo(422);
        assertThat(notAnId.html()).contains("id=\"id-refusal\"", "No es un identificador de compromiso", "value=\"maker-1\"",
                "aria-invalid=\"true\"");
        FormClient.Page unknown = auditor.get("/workspace/auditor/commitments?lang=en&id=commitment-" + java.util.UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.html()).contains("The ledger has no commitment with this id.");
    }

    private static String one(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private record Offline(int status, String output) {
    }

    /** The offline verifier's command line, as {@code java -jar ledger-verifier.jar} runs it. */
    private static Offline offline(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Offline(status, out.toString(StandardCharsets.UTF_8));
    }
}
