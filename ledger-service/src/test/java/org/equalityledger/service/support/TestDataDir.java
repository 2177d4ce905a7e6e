package org.equalityledger.service.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;

/**
 * Gives each test application context a data folder of its own, so that tests never share or leave
 * behind an embedded store; with {@code LEDGER_TEST_MONGODB_URI} set, the context runs on that
 * MongoDB instead, in a database of its own.
 */
public class TestDataDir implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(p -> p.test("test"))) {
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        try {
            properties.put("ledger.data-dir", Files.createTempDirectory("ledger-service-test").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String uri = System.getenv("LEDGER_TEST_MONGODB_URI");
        if (uri != null && !uri.isBlank()) {
            properties.put("ledger.mongodb-uri", uri);
            properties.put("ledger.database", "service_test_" + System.nanoTime());
            // Outside embedded mode the checkpoint key must be configured: a fresh one per context.
            try {
                java.nio.file.Path keys = Files.createTempDirectory("ledger-service-test-keys");
                org.equalityledger.core.checkpoint.LedgerKeys.loadOrCreate(keys);
                properties.put("ledger.audit.signing-key-path", keys.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        properties.put("ledger.embedded-fsync", "false");
        environment.getPropertySources().addFirst(new MapPropertySource("ledgerTestStore", properties));
    }
}
