package org.equalityledger.api.query;

import java.time.Instant;

/**
 * Every answer of the read side says what it reflects, so that a reader never takes figures of the
 * past for the present: the ledger up to {@code asOfPosition}, whose last event was recorded at
 * {@code recordedUpTo}.
 */
public interface ReadAnswer {

    long asOfPosition();

    Instant recordedUpTo();
}
