package org.equalityledger.service.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.rates.UsdRatePolicy;
import org.equalityledger.service.domain.ReferenceData;
import org.equalityledger.service.domain.rates.ShippedUsdRates;
import org.equalityledger.service.eventstore.LedgerEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the shipped US-dollar rates at start, like the reference set: only those the ledger does
 * not hold yet (a currency and year with any rate recorded is left as it is, corrections included),
 * so loading twice changes nothing.
 *
 * <p>Each is recorded at the instant it could first be known (see {@link ShippedUsdRates}), when the
 * ledger holds nothing recorded after that instant; otherwise now. Recording a rate in the past of
 * events already recorded would make time travel claim it was known then, and would break the
 * ledger's order of recording instants.
 */
public class UsdRateLoader {

    private static final Logger log = LoggerFactory.getLogger(UsdRateLoader.class);

    private final CommandGateway commands;
    private final ReferenceData referenceData;
    private final LedgerEvents ledger;

    public UsdRateLoader(CommandGateway commands, ReferenceData referenceData, LedgerEvents ledger) {
        this.commands = commands;
        this.referenceData = referenceData;
        this.ledger = ledger;
    }

    /** Records every shipped rate the ledger does not hold; returns how many it recorded. */
    public int load() {
        Actor secretariat = Actor.secretariat(ReferenceSetLoader.LOADER);
        Clock original = GenericEventMessage.clock;
        int recorded = 0;
        try {
            Instant last = lastRecorded();
            for (ShippedUsdRates.Fact fact : ShippedUsdRates.shipped().facts()) {
                // A currency the ledger has no rate of at all needs no look-up per year.
                if (ledger.holds(UsdRatePolicy.ratesId(fact.currency()))
                        && referenceData.usdPerUnit(fact.currency(), fact.year()).isPresent()) {
                    continue;
                }
                Instant now = original.instant();
                Instant at = fact.knownAt().isBefore(now) && (last == null || !fact.knownAt().isBefore(last))
                        ? fact.knownAt() : now;
                GenericEventMessage.clock = Clock.fixed(at, ZoneOffset.UTC);
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(fact.command(secretariat))
                        .andMetaData(Map.of("actor", ReferenceSetLoader.LOADER, "reason", "the shipped US-dollar rates, loaded at start")));
                last = at;
                recorded++;
            }
        } finally {
            GenericEventMessage.clock = original;
        }
        if (recorded > 0) {
            log.info("US-dollar rates: recorded {} shipped rates", recorded);
        }
        return recorded;
    }

    private Instant lastRecorded() {
        long head = ledger.headPosition();
        if (head < 0) {
            return null;
        }
        try (var events = ledger.eventsFrom(head)) {
            return events.findFirst().map(e -> e.getTimestamp()).orElse(null);
        }
    }
}
