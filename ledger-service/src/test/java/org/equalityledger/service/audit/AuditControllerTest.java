package org.equalityledger.service.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.equalityledger.core.checkpoint.LedgerKeys;
import org.equalityledger.core.merkle.ConsistencyProof;
import org.equalityledger.core.merkle.InclusionProof;
import org.equalityledger.core.verify.ExportVerifier;
import org.equalityledger.core.verify.VerificationResult;

import org.equalityledger.service.support.LedgerServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The audit API over MockMvc in the whole service. The requests run as an auditor
 * ({@code @WithMockUser}), so these tests hold once method security is on as well as before.
 */
@LedgerServiceTest
@AutoConfigureMockMvc
@WithMockUser(roles = "AUDITOR")
class AuditControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    EventStorageEngine engine;

    @Autowired
    ObjectMapper json;

    @TempDir
    Path folder;

    private void appendCommitments(int count) {
        for (int i = 0; i < count; i++) {
            String id = "c-" + UUID.randomUUID();
            List<EventMessage<?>> events = new ArrayList<>();
            events.add(new GenericDomainEventMessage<>("Commitment", id, 0, new AuditFixture.Pledged(id, "Care"),
                    Map.of("actor", "ally-1")));
            events.add(new GenericDomainEventMessage<>("Commitment", id, 1,
                    new AuditFixture.Amended(id, "Care for all", "scope"), Map.of("actor", "ally-1")));
            engine.appendEvents(events);
        }
    }

    private JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void an_auditor_seals_gets_proofs_verifies_and_exports() throws Exception {
        appendCommitments(5);
        JsonNode first = body(mvc.perform(post("/api/audit/checkpoints"))
                .andExpect(status().isCreated())
                .andReturn());
        long firstSize = first.get("treeSize").asLong();
        assertThat(firstSize).isGreaterThanOrEqualTo(10);
        mvc.perform(post("/api/audit/checkpoints"))
                .andExpect(status().isOk())
                .andExpect(header().string("Location", "/api/audit/checkpoints/" + firstSize));
        appendCommitments(3);
        MvcResult sealed = mvc.perform(post("/api/audit/checkpoints")).andExpect(status().isCreated()).andReturn();
        long size = body(sealed).get("treeSize").asLong();
        assertThat(sealed.getResponse().getHeader("Location")).isEqualTo("/api/audit/checkpoints/" + size);

        mvc.perform(get("/api/audit/checkpoints/latest"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.treeSize").value(size))
                .andExpect(jsonPath("$.keyId").isString());
        mvc.perform(get("/api/audit/checkpoints/" + firstSize))
                .andExpect(status().isOk())
                .andExpect(content().json(first.toString(), true));
        JsonNode all = body(mvc.perform(get("/api/audit/checkpoints")).andExpect(status().isOk()).andReturn());
        assertThat(all.size()).isGreaterThanOrEqualTo(2);
        assertThat(all.get(all.size() - 1).get("treeSize").asLong()).isEqualTo(size);

        String pem = mvc.perform(get("/api/audit/public-key"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/x-pem-file"))
                .andReturn().getResponse().getContentAsString();
        assertThat(LedgerKeys.keyId(LedgerKeys.publicKeyFromPem(pem))).isEqualTo(first.get("keyId").asText());

        InclusionProof inclusion = InclusionProof.fromJson(mvc.perform(get("/api/audit/proofs/inclusion")
                        .param("position", "3"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString());
        assertThat(inclusion.treeSize()).isEqualTo(size);
        assertThat(inclusion.verify()).isTrue();
        InclusionProof older = InclusionProof.fromJson(mvc.perform(get("/api/audit/proofs/inclusion")
                .param("position", "3").param("treeSize", String.valueOf(firstSize))).andReturn().getResponse()
                .getContentAsString());
        assertThat(older.rootHash()).isEqualTo(first.get("rootHash").asText());
        ConsistencyProof consistency = ConsistencyProof.fromJson(mvc.perform(get("/api/audit/proofs/consistency")
                        .param("from", String.valueOf(firstSize)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(consistency.rootM()).isEqualTo(first.get("rootHash").asText());
        assertThat(consistency.verify()).isTrue();

        mvc.perform(get("/api/audit/verify"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("verified"))
                .andExpect(jsonPath("$.result.ok").value(true))
                .andExpect(jsonPath("$.result.checkpointsVerified").value(all.size()))
                .andExpect(jsonPath("$.result.firstFailedPosition").isEmpty())
                .andExpect(jsonPath("$.progress.positionsDone").value(size));

        MvcResult started = mvc.perform(post("/api/audit/verifications"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.progress.positionsDone").isNumber())
                .andReturn();
        String location = started.getResponse().getHeader("Location");
        assertThat(location).startsWith("/api/audit/verifications/");
        JsonNode progress = null;
        for (int i = 0; i < 200; i++) {
            progress = body(mvc.perform(get(location)).andExpect(status().isOk()).andReturn());
            if (!progress.get("state").asText().equals("running")) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(progress.get("state").asText()).isEqualTo("verified");
        assertThat(progress.get("progress").get("positionsTotal").asLong()).isGreaterThanOrEqualTo(size);

        MvcResult exporting = mvc.perform(get("/api/audit/export")).andExpect(request().asyncStarted()).andReturn();
        MvcResult exported = mvc.perform(asyncDispatch(exporting))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/x-ndjson"))
                .andReturn();
        assertThat(exported.getResponse().getHeader("Content-Disposition"))
                .startsWith("attachment; filename=\"equality-ledger-").endsWith(".jsonl\"");
        Path file = Files.write(folder.resolve("export.jsonl"), exported.getResponse().getContentAsByteArray());
        VerificationResult offline = ExportVerifier.verify(file, LedgerKeys.publicKeyFromPem(pem), List.of(), null);
        assertThat(offline.ok()).as(offline.message()).isTrue();
        assertThat(offline.coveredEntries()).isEqualTo(size);
    }

    @Test
    void questions_it_cannot_answer_are_problems_not_errors() throws Exception {
        mvc.perform(get("/api/audit/checkpoints/999999"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("no checkpoint at tree size 999999"));
        mvc.perform(get("/api/audit/checkpoints/not-a-size")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/audit/proofs/inclusion")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/audit/proofs/inclusion").param("position", "x")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/audit/proofs/inclusion").param("position", "-5").param("treeSize", "1"))
                .andExpect(status().is4xxClientError());
        mvc.perform(get("/api/audit/proofs/consistency").param("from", "1").param("to", "99999999"))
                .andExpect(status().is4xxClientError());
        mvc.perform(get("/api/audit/verifications/" + UUID.randomUUID())).andExpect(status().isNotFound());
    }
}
