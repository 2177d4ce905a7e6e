package org.equalityledger.service.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.equalityledger.api.commitment.CommitmentDetails;
import org.equalityledger.api.commitment.CommitmentType;
import org.equalityledger.api.commitment.DecideOnPledge;
import org.equalityledger.api.commitment.Indicator;
import org.equalityledger.api.commitment.Origin;
import org.equalityledger.api.commitment.PledgeCommitment;
import org.equalityledger.api.commitment.TargetAction;
import org.equalityledger.api.commitment.Verdict;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Money;
import org.equalityledger.api.common.RuleViolationException;
import org.equalityledger.api.initiative.AssignGovernanceRole;
import org.equalityledger.api.initiative.GovernanceRole;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.api.initiative.RoleHolder;
import org.equalityledger.api.initiative.Term;
import org.equalityledger.api.maker.Hemisphere;
import org.equalityledger.api.maker.RegisterCommitmentMaker;
import org.equalityledger.api.maker.StakeholderGroup;
import org.equalityledger.api.reporting.FileProgressReport;
import org.equalityledger.api.reporting.OpenReportingCycle;
import org.equalityledger.api.reporting.ProgressReport;
import org.equalityledger.api.reporting.ProgressReportFiled;
import org.equalityledger.api.reporting.ProgressStatus;
import org.equalityledger.service.domain.commitment.Commitment;
import org.equalityledger.service.domain.initiative.Initiative;
import org.equalityledger.service.domain.initiative.ReferenceSet;
import org.equalityledger.service.domain.maker.CommitmentMaker;
import org.equalityledger.service.domain.reporting.ReportingCycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The aggregates on a real (non-Spring) Axon configuration with an in-memory event store, with
 * {@link AggregateReferenceData} answering from the aggregates: the reference set loads, and a
 * pledge is checked against the initiatives and makers as the ledger recorded them.
 */
class DomainWiringTest {

    static final Actor SECRETARIAT = Actor.secretariat("u-secretariat");
    static final Actor INMUJERES = Actor.allyOf("u-nadine", "mk-inmujeres");

    Configuration configuration;
    CommandGateway commands;
    AggregateReferenceData referenceData;

    @BeforeEach
    void start() {
        configuration = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(Initiative.class)
                .configureAggregate(CommitmentMaker.class)
                .configureAggregate(Commitment.class)
                .configureAggregate(ReportingCycle.class)
                .registerComponent(ReferenceData.class, c -> AggregateReferenceData.readingFrom(c.eventStore(),
                        new ImplementationPeriod(2021, 2026)))
                .buildConfiguration();
        configuration.start();
        commands = configuration.commandGateway();
        referenceData = (AggregateReferenceData) configuration.getComponent(ReferenceData.class);
        ReferenceSet.shipped().commands(SECRETARIAT).forEach(commands::sendAndWait);
    }

    @AfterEach
    void stop() {
        configuration.shutdown();
    }

    @Test
    void the_reference_data_answers_from_the_recorded_initiatives_makers_and_cycles() {
        commands.sendAndWait(new RegisterCommitmentMaker("mk-inmujeres", "Instituto Nacional de las Mujeres",
                StakeholderGroup.GOVERNMENT, Hemisphere.GLOBAL_SOUTH, "MX", SECRETARIAT));
        commands.sendAndWait(new OpenReportingCycle(2022, Instant.parse("2023-03-31T23:59:59Z"), SECRETARIAT));

        assertThat(referenceData.initiative("gac")).hasValueSatisfying(gac -> {
            assertThat(gac.actionCodes()).containsExactlyInAnyOrder("GAC-1", "GAC-2", "GAC-3", "GAC-4");
            assertThat(gac.periodStartYear()).isEqualTo(2021);
            assertThat(gac.periodEndYear()).isEqualTo(2026);
        });
        assertThat(referenceData.initiative("nowhere")).isEmpty();
        assertThat(referenceData.maker("mk-inmujeres")).hasValueSatisfying(
                m -> assertThat(m.stakeholderGroup()).isEqualTo(StakeholderGroup.GOVERNMENT));
        assertThat(referenceData.maker("mk-nobody")).isEmpty();
        assertThat(referenceData.reportingDeadline(2022)).contains(Instant.parse("2023-03-31T23:59:59Z"));
        assertThat(referenceData.reportingDeadline(2023)).isEmpty();
    }

    @Test
    void a_leader_pledges_to_its_alliance_gets_accepted_and_reports_late() {
        commands.sendAndWait(new RegisterCommitmentMaker("mk-inmujeres", "Instituto Nacional de las Mujeres",
                StakeholderGroup.GOVERNMENT, Hemisphere.GLOBAL_SOUTH, "MX", SECRETARIAT));
        commands.sendAndWait(new AssignGovernanceRole("gac", GovernanceRole.LEADER, RoleHolder.maker("mk-inmujeres"),
                new Term(LocalDate.parse("2021-03-30"), null), SECRETARIAT));
        commands.sendAndWait(new OpenReportingCycle(2022, Instant.parse("2022-01-01T00:00:00Z"), SECRETARIAT));

        CommitmentDetails twoYears = new CommitmentDetails(Set.of(CommitmentType.FINANCIAL, CommitmentType.POLICY),
                Money.of("1000000", "MXN"), List.of(new TargetAction("gac", "GAC-1"), new TargetAction("ac-ejr", "EJR-1")),
                Set.of(), "Care systems for all", "A national care system, shared with the Alliance.",
                List.of(new Indicator("WORKSHOPS", "workshops", BigDecimal.ZERO, BigDecimal.valueOf(5))), Set.of("MX"),
                LocalDate.parse("2021-07-01"), LocalDate.parse("2023-06-30"), Origin.forum("Generation Equality Forum, Paris"));
        assertThatThrownBy(() -> commands.sendAndWait(new PledgeCommitment("c-care", "mk-inmujeres", twoYears, INMUJERES)))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo("commitment.period.leader-five-years"));

        CommitmentDetails fiveYears = twoYears.withEnd(LocalDate.parse("2026-06-30"));
        commands.sendAndWait(new PledgeCommitment("c-care", "mk-inmujeres", fiveYears, INMUJERES));
        commands.sendAndWait(new DecideOnPledge("c-care", "gac", Verdict.ACCEPT, "founding commitment",
                Actor.leaderOf("u-gac-lead", "gac")));
        commands.sendAndWait(new FileProgressReport("c-care", 2022, new ProgressReport(ProgressStatus.ON_TRACK,
                Money.of("250000", "MXN"), Map.of("WORKSHOPS", BigDecimal.valueOf(5)), 400L, Set.of("MX"),
                "Five workshops on care policies.", List.of(URI.create("https://example.org/report"))), INMUJERES));

        List<? extends EventMessage<?>> stream = configuration.eventStore().readEvents("c-care").asStream().toList();
        assertThat(stream).hasSize(3);
        assertThat(stream.get(2).getPayload()).isInstanceOfSatisfying(ProgressReportFiled.class,
                filed -> assertThat(filed.late()).isTrue());
    }
}
