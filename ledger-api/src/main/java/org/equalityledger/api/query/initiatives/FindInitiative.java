package org.equalityledger.api.query.initiatives;

import java.time.Instant;

/** One initiative, now or as recorded at {@code asOf}; no answer when it did not exist (yet). */
public record FindInitiative(String initiativeId, Instant asOf) {
}
