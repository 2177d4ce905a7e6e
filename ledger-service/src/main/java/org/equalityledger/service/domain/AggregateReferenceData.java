package org.equalityledger.service.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.axonframework.common.lock.NullLockFactory;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.api.rates.UsdRatePolicy;
import org.equalityledger.api.reporting.ReportingCycleId;
import org.equalityledger.service.domain.initiative.Initiative;
import org.equalityledger.service.domain.maker.CommitmentMaker;
import org.equalityledger.service.domain.rates.CurrencyRates;
import org.equalityledger.service.domain.reporting.ReportingCycle;

/**
 * {@link ReferenceData} answered by the aggregates themselves, sourced from the event store, so the
 * command side decides on the same facts it recorded (no projection lag).
 *
 * <p>Use {@link #readingFrom(EventStore, ImplementationPeriod)}: it builds repositories of its own that
 * take <em>no lock</em>. Loading through the command bus's locking repositories from inside another
 * aggregate's command would hold the initiative's (or maker's) lock until that command ends, and
 * a commitment command (commitment → maker → initiative) could deadlock with an initiative
 * command (initiative → maker). Reading without a lock is safe here because the facts used are
 * append-only or fixed once recorded: actions are never removed, periods are set at launch, a
 * cycle's deadline is set once; at worst a decision races a leader assignment made in the same
 * instant.
 */
public class AggregateReferenceData implements ReferenceData {

    private final Repository<Initiative> initiatives;
    private final Repository<CommitmentMaker> makers;
    private final Repository<ReportingCycle> cycles;
    private final Repository<CurrencyRates> rates;
    private final ImplementationPeriod implementationPeriod;

    public AggregateReferenceData(Repository<Initiative> initiatives, Repository<CommitmentMaker> makers,
                                  Repository<ReportingCycle> cycles, Repository<CurrencyRates> rates,
                                  ImplementationPeriod implementationPeriod) {
        this.initiatives = initiatives;
        this.makers = makers;
        this.cycles = cycles;
        this.rates = rates;
        this.implementationPeriod = implementationPeriod;
    }

    /**
     * Reference data read from {@code eventStore} through non-locking event-sourcing repositories,
     * with the configured {@code implementationPeriod}.
     */
    public static AggregateReferenceData readingFrom(EventStore eventStore, ImplementationPeriod implementationPeriod) {
        AtomicReference<ReferenceData> self = new AtomicReference<>();
        AggregateReferenceData data = new AggregateReferenceData(readOnly(Initiative.class, eventStore, self),
                readOnly(CommitmentMaker.class, eventStore, self), readOnly(ReportingCycle.class, eventStore, self),
                readOnly(CurrencyRates.class, eventStore, self), implementationPeriod);
        self.set(data);
        return data;
    }

    /**
     * The aggregates' command handlers take a {@link ReferenceData} parameter, which the model of
     * these repositories must be able to resolve although they never run a handler: it resolves to
     * this reference data itself. (Without it, building the model fails outside tests, where no
     * fixture resolver from axon-test is on the classpath.)
     */
    private static <A> Repository<A> readOnly(Class<A> type, EventStore eventStore,
                                              AtomicReference<ReferenceData> self) {
        ParameterResolverFactory referenceData = (executable, parameters, index) ->
                ReferenceData.class.equals(parameters[index].getType()) ? new ParameterResolver<Object>() {
                    @Override
                    public Object resolveParameterValue(Message<?> message) {
                        return self.get();
                    }

                    @Override
                    public boolean matches(Message<?> message) {
                        return true;
                    }
                } : null;
        return EventSourcingRepository.builder(type)
                .eventStore(eventStore)
                .lockFactory(NullLockFactory.INSTANCE)
                .parameterResolverFactory(MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(type), referenceData))
                .build();
    }

    @Override
    public Optional<InitiativeFacts> initiative(String initiativeId) {
        // A stream of another kind of aggregate loads as an initiative that was never launched: none.
        return read(initiatives, initiativeId, initiative -> initiative.facts(DomainClock.today()))
                .filter(facts -> facts.initiativeId() != null && facts.kind() != null);
    }

    @Override
    public Optional<MakerFacts> maker(String makerId) {
        return read(makers, makerId, CommitmentMaker::facts)
                .filter(facts -> facts.makerId() != null && facts.stakeholderGroup() != null);
    }

    @Override
    public Optional<Instant> reportingDeadline(int year) {
        return read(cycles, ReportingCycleId.of(year), cycle -> cycle.deadline().orElse(null));
    }

    @Override
    public Optional<BigDecimal> usdPerUnit(String currency, int year) {
        return read(rates, UsdRatePolicy.ratesId(currency), r -> r.usdPerUnit(year).orElse(null));
    }

    @Override
    public ImplementationPeriod implementationPeriod() {
        return implementationPeriod;
    }

    private static <A, R> Optional<R> read(Repository<A> repository, String id, Function<A, R> question) {
        if (CurrentUnitOfWork.isStarted()) {
            return load(repository, id, question);
        }
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return load(repository, id, question);
        } finally {
            unitOfWork.rollback();
        }
    }

    private static <A, R> Optional<R> load(Repository<A> repository, String id, Function<A, R> question) {
        try {
            return Optional.ofNullable(repository.load(id).invoke(question));
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            // No stream with this id, or the stream of another kind of aggregate: not one of these.
            return Optional.empty();
        }
    }
}
