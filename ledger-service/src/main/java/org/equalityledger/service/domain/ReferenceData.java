package org.equalityledger.service.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.equalityledger.api.initiative.ImplementationPeriod;

/**
 * Facts an aggregate needs from outside itself: an initiative's actions, period and leaders, a
 * maker's stakeholder group, a year's reporting deadline, a currency's US-dollar rate of a year, the
 * configured implementation period.
 * Command handlers take it as an extra parameter; Axon resolves it from the registered resources (in
 * Spring, a bean of this type; in fixtures, {@code registerInjectableResource}).
 */
public interface ReferenceData {

    /** The initiative as launched, or empty when no initiative has this id. */
    Optional<InitiativeFacts> initiative(String initiativeId);

    /** The registered maker, or empty when no maker has this id. */
    Optional<MakerFacts> maker(String makerId);

    /** The reporting deadline of the year's cycle, or empty when no cycle was opened for the year. */
    Optional<Instant> reportingDeadline(int year);

    /** US dollars per unit of {@code currency} in {@code year} as the secretariat recorded it, or empty when no rate is recorded. */
    Optional<BigDecimal> usdPerUnit(String currency, int year);

    /** The implementation period the service is configured with: an initiative launched without years runs it. */
    ImplementationPeriod implementationPeriod();
}
