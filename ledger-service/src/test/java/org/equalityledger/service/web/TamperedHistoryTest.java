package org.equalityledger.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.support.Api.ALLY;
import static org.equalityledger.service.support.Api.AUDITOR;
import static org.equalityledger.service.support.Api.assertStatus;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * A stored event altered straight in the database: the history still shows the hash stored with it (the
 * one checkpoints cover), not one recomputed from the altered fields, and marks it. On a ledger of its
 * own, closed afterwards: a tampered ledger is never sealed again, which other tests would notice.
 */
@TestPropertySource(properties = "ledger.audit.checkpoint-interval=PT0S")
@DirtiesContext
class TamperedHistoryTest extends ApiTest {

    @Autowired
    MongoDatabase ledgerDatabase;

    @Test
    void the_history_shows_the_stored_hash_and_marks_the_altered_event() {
        String id = api.active(ALLY);
        JsonNode before = assertStatus(api.get(AUDITOR, "/api/commitments/" + id + "/history"), HttpStatus.OK).path("events");
        assertThat(before).hasSize(2);
        before.forEach(e -> assertThat(e.path("hashMatchesContent").asBoolean()).isTrue());
        assertThat(before.get(0).has("contentHash")).isFalse();

        // The pledge's title rewritten in place, its stored hash left as it was.
        MongoCollection<Document> commits = ledgerDatabase.getCollection("ledger_events");
        Document commit = commits.find(Filters.eq("keys", id + ":0")).first();
        List<Document> events = commit.getList("events", Document.class);
        int index = 0;
        while (!id.equals(events.get(index).getString("aggregateId"))) {
            index++;
        }
        String payload = events.get(index).getString("payload");
        assertThat(payload).contains("Care is work");
        commits.updateOne(Filters.eq("_id", commit.get("_id")),
                Updates.set("events." + index + ".payload", payload.replace("Care is work", "Care was never work")));

        JsonNode after = assertStatus(api.get(AUDITOR, "/api/commitments/" + id + "/history"), HttpStatus.OK).path("events");

        JsonNode altered = after.get(0);
        assertThat(altered.path("payload").path("details").path("title").asText()).isEqualTo("Care was never work");
        assertThat(altered.path("hash").asText()).isEqualTo(before.get(0).path("hash").asText())
                .isEqualTo(events.get(index).getString("hash"));
        assertThat(altered.path("hashMatchesContent").asBoolean()).isFalse();
        assertThat(altered.path("contentHash").asText()).hasSize(64).isNotEqualTo(altered.path("hash").asText());
        assertThat(after.get(1).path("hash").asText()).isEqualTo(before.get(1).path("hash").asText());
        assertThat(after.get(1).path("hashMatchesContent").asBoolean()).isTrue();
        assertThat(after.get(1).path("previousHash").asText()).isEqualTo(altered.path("hash").asText());
    }
}
