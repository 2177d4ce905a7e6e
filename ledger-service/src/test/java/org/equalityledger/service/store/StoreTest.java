package org.equalityledger.service.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that runs once on every store at hand: the embedded server always, a Testcontainers MongoDB
 * replica set where a Docker engine exists (skipped, and reported so, where none does), and the
 * MongoDB named by {@code LEDGER_TEST_MONGODB_URI} when that is set. The test takes a
 * {@link TestStore} parameter.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(TestStores.class)
public @interface StoreTest {
}
