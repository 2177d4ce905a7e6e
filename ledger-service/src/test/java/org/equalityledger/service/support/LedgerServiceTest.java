package org.equalityledger.service.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole service on a random port, on the embedded store in a fresh temporary folder (or on the
 * MongoDB of {@code LEDGER_TEST_MONGODB_URI}, see {@link TestDataDir}). Contexts are cached and shared
 * by the tests that ask for the same configuration.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface LedgerServiceTest {
}
