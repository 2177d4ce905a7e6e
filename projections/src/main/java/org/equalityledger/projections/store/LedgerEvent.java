package org.equalityledger.projections.store;

import java.time.Instant;

/** A stored event as the read side sees it: its global position, when the ledger recorded it, its payload. */
public record LedgerEvent(long position, Instant recordedAt, Object payload) {
}
