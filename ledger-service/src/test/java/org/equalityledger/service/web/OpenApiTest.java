package org.equalityledger.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.equalityledger.service.support.LedgerServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

@LedgerServiceTest
class OpenApiTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void the_api_is_described_without_a_login() {
        ResponseEntity<JsonNode> docs = http.getForEntity("/v3/api-docs", JsonNode.class);

        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode paths = docs.getBody().path("paths");
        for (String path : List.of("/api/initiatives", "/api/initiatives/{id}/actions", "/api/initiatives/{id}/roles",
                "/api/initiatives/{id}/roles/presidency/extension", "/api/commitment-makers", "/api/commitments",
                "/api/commitments/{id}/decisions", "/api/commitments/{id}/amendments",
                "/api/commitments/{id}/extensions", "/api/commitments/{id}/withdrawal",
                "/api/commitments/{id}/completion", "/api/commitments/{id}/reports",
                "/api/commitments/{id}/reports/{year}/corrections", "/api/reporting-cycles",
                "/api/reporting-cycles/{year}/closure")) {
            JsonNode post = paths.path(path).path("post");
            assertThat(post.isMissingNode()).as(path).isFalse();
            assertThat(post.path("responses").has("400")).as(path).isTrue();
            assertThat(post.path("responses").has("409")).as(path).isTrue();
            assertThat(post.path("parameters").toString()).as(path).contains("Idempotency-Key");
        }
        assertThat(paths.path("/api/commitments").path("post").path("responses").has("201")).isTrue();
        assertThat(paths.path("/api/commitments/{id}/history").path("get").isMissingNode()).isFalse();
        JsonNode components = docs.getBody().path("components");
        assertThat(components.path("securitySchemes").path("basic").path("scheme").asText()).isEqualTo("basic");
        assertThat(components.path("schemas").has("Problem")).isTrue();
    }

    @Test
    void the_public_key_and_latest_checkpoint_are_described_as_open_and_held_back_logins_as_429() {
        JsonNode docs = http.getForEntity("/v3/api-docs", JsonNode.class).getBody();
        JsonNode paths = docs.path("paths");

        for (String path : List.of("/api/audit/public-key", "/api/audit/checkpoints/latest")) {
            JsonNode get = paths.path(path).path("get");
            assertThat(get.path("security").isArray()).as(path).isTrue();
            assertThat(get.path("security")).as(path).isEmpty();
            assertThat(get.path("summary").asText()).as(path).contains("no login needed");
        }
        assertThat(docs.path("security")).isNotEmpty();
        assertThat(paths.path("/api/audit/export").path("get").has("security")).isFalse();
        JsonNode held = paths.path("/api/commitments").path("post").path("responses").path("429");
        assertThat(held.path("headers").has("Retry-After")).isTrue();
        assertThat(docs.path("info").path("description").asText()).contains("/api/audit/public-key");
    }

    @Test
    void the_browsable_page_is_served() {
        ResponseEntity<String> page = http.getForEntity("/swagger-ui/index.html", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("swagger-ui");
    }
}
