package org.equalityledger.service.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

@LedgerServiceTest
@AutoConfigureObservability // Spring Boot turns metrics export off in tests unless asked
class HealthTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void the_service_is_up_with_its_store_as_the_secretariat_sees_it() {
        ResponseEntity<JsonNode> health = http.withBasicAuth("secretariat", "demo")
                .getForEntity("/actuator/health", JsonNode.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody().path("status").asText()).isEqualTo("UP");
        assertThat(health.getBody().path("components").path("ledgerStore").path("status").asText()).isEqualTo("UP");
        assertThat(health.getBody().path("components").path("ledgerStore").path("details").path("mode").asText())
                .isIn("embedded", "mongodb");
        assertThat(health.getBody().path("components").path("diskSpace").path("details").has("total")).isTrue();
    }

    @Test
    void anyone_else_gets_the_status_only_no_path_and_no_disk_sizes() {
        for (String account : new String[] {null, "auditor", "ally-demo"}) {
            ResponseEntity<String> health = (account == null ? http : http.withBasicAuth(account, "demo"))
                    .getForEntity("/actuator/health", String.class);

            assertThat(health.getStatusCode()).as(account).isEqualTo(HttpStatus.OK);
            assertThat(health.getBody()).as(account).startsWith("{\"status\":\"UP\"")
                    .doesNotContain("components", "details", "ledgerStore", "diskSpace", "total", "path");
        }
        ResponseEntity<String> readiness = http.getForEntity("/actuator/health/readiness", String.class);
        assertThat(readiness.getBody()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void prometheus_metrics_are_exposed() {
        ResponseEntity<String> metrics = http.getForEntity("/actuator/prometheus", String.class);

        assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(metrics.getBody()).contains("jvm_memory_used_bytes").contains("application=\"equality-ledger\"");
    }
}
