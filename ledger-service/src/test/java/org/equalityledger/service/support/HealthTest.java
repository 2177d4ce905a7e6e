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
    void the_service_is_up_with_its_store() {
        ResponseEntity<JsonNode> health = http.getForEntity("/actuator/health", JsonNode.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody().path("status").asText()).isEqualTo("UP");
        assertThat(health.getBody().path("components").path("ledgerStore").path("status").asText()).isEqualTo("UP");
        assertThat(health.getBody().path("components").path("ledgerStore").path("details").path("mode").asText())
                .isIn("embedded", "mongodb");
    }

    @Test
    void prometheus_metrics_are_exposed() {
        ResponseEntity<String> metrics = http.getForEntity("/actuator/prometheus", String.class);

        assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(metrics.getBody()).contains("jvm_memory_used_bytes").contains("application=\"equality-ledger\"");
    }
}
