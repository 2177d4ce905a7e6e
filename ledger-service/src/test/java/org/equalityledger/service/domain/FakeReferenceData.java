package org.equalityledger.service.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.api.initiative.InitiativeKind;
import org.equalityledger.api.maker.Hemisphere;
import org.equalityledger.api.maker.StakeholderGroup;

/** Reference data for fixtures: the facts a test needs, set up in a line each; the period Generation Equality's. */
public class FakeReferenceData implements ReferenceData {

    private final Map<String, InitiativeFacts> initiatives = new HashMap<>();
    private final Map<String, MakerFacts> makers = new HashMap<>();
    private final Map<Integer, Instant> deadlines = new HashMap<>();
    private final Map<String, BigDecimal> rates = new HashMap<>();

    public FakeReferenceData initiative(String id, int from, int to, Set<String> actions, String... leaderMakerIds) {
        initiatives.put(id, new InitiativeFacts(id, InitiativeKind.ACTION_COALITION, from, to, actions,
                Set.of(leaderMakerIds)));
        return this;
    }

    public FakeReferenceData maker(String id, StakeholderGroup group, String country) {
        makers.put(id, new MakerFacts(id, id, group, Hemisphere.GLOBAL_SOUTH, country));
        return this;
    }

    public FakeReferenceData deadline(int year, Instant deadline) {
        deadlines.put(year, deadline);
        return this;
    }

    public FakeReferenceData usdRate(String currency, int year, String usdPerUnit) {
        rates.put(currency + year, new BigDecimal(usdPerUnit));
        return this;
    }

    @Override
    public Optional<BigDecimal> usdPerUnit(String currency, int year) {
        return Optional.ofNullable(rates.get(currency + year));
    }

    @Override
    public Optional<InitiativeFacts> initiative(String initiativeId) {
        return Optional.ofNullable(initiatives.get(initiativeId));
    }

    @Override
    public Optional<MakerFacts> maker(String makerId) {
        return Optional.ofNullable(makers.get(makerId));
    }

    @Override
    public Optional<Instant> reportingDeadline(int year) {
        return Optional.ofNullable(deadlines.get(year));
    }

    @Override
    public ImplementationPeriod implementationPeriod() {
        return new ImplementationPeriod(2021, 2026);
    }
}
