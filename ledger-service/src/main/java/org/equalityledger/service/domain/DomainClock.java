package org.equalityledger.service.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.eventhandling.GenericEventMessage;

/** "Now" for the aggregates: Axon's event clock, so fixtures control it with {@code givenCurrentTime}. */
public final class DomainClock {

    private DomainClock() {
    }

    public static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    /** Today's date in UTC, the ledger's calendar. */
    public static LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }
}
