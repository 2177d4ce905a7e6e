package org.equalityledger.service.domain.rates;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.equalityledger.api.common.RuleViolationException.broken;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.api.rates.RecordUsdRate;
import org.equalityledger.api.rates.UsdRatePolicy;
import org.equalityledger.api.rates.UsdRateRecorded;
import org.equalityledger.service.domain.Permissions;
import org.equalityledger.service.domain.ReferenceData;

/**
 * The US-dollar rates of one currency, year by year; its aggregate id is
 * {@link UsdRatePolicy#ratesId(String)}, e.g. {@code usd-rates-CRC}. One per currency rather than one
 * table: a pledge in colones asks for the colón's few events only, and recording the euro's rate never
 * waits for the colón's.
 */
@Aggregate
public class CurrencyRates {

    @AggregateIdentifier
    private String ratesId;
    private final Map<Integer, Recorded> inForce = new HashMap<>();

    private record Recorded(BigDecimal usdPerUnit, String source) {
    }

    protected CurrencyRates() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordUsdRate command, ReferenceData referenceData) {
        Permissions.secretariat(command.actor(), "record a US-dollar rate");
        ImplementationPeriod period = referenceData.implementationPeriod();
        if (!UsdRatePolicy.inPeriod(period, command.year())) {
            throw broken("usd-rate.year-outside-period", "a rate is recorded for a year of the implementation period %s, not %d",
                    period, command.year());
        }
        Recorded before = inForce.get(command.year());
        if (before != null) {
            if (before.usdPerUnit().compareTo(command.usdPerUnit()) == 0 && before.source().equals(command.source())) {
                throw broken("usd-rate.unchanged", "the %s rate of %d is %s from %s already", command.currency(),
                        command.year(), before.usdPerUnit().toPlainString(), before.source());
            }
            if (command.reason() == null || command.reason().isBlank()) {
                throw broken("usd-rate.correction-needs-reason",
                        "the %s rate of %d is recorded already (%s): a correction supersedes it and says why",
                        command.currency(), command.year(), before.usdPerUnit().toPlainString());
            }
        }
        apply(new UsdRateRecorded(command.currency(), command.year(), command.usdPerUnit(), command.source(),
                before == null ? null : before.usdPerUnit(), command.reason(), command.actor().userId()));
    }

    /** The rate in force for the year, if one was recorded. */
    public Optional<BigDecimal> usdPerUnit(int year) {
        return Optional.ofNullable(inForce.get(year)).map(Recorded::usdPerUnit);
    }

    @EventSourcingHandler
    void on(UsdRateRecorded event) {
        ratesId = UsdRatePolicy.ratesId(event.currency());
        inForce.put(event.year(), new Recorded(event.usdPerUnit(), event.source()));
    }
}
