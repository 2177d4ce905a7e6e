package org.equalityledger.service.domain.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.domain.BadInput.fieldsNamedBy;
import static org.equalityledger.service.domain.Refusals.brokenRule;
import static org.equalityledger.service.domain.Refusals.notPermitted;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.reporting.CloseReportingCycle;
import org.equalityledger.api.reporting.OpenReportingCycle;
import org.equalityledger.api.reporting.ReportingCycleClosed;
import org.equalityledger.api.reporting.ReportingCycleOpened;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportingCycleTest {

    static final Actor SECRETARIAT = Actor.secretariat("u-secretariat");
    static final Instant DEADLINE = Instant.parse("2023-03-31T23:59:59Z");

    FixtureConfiguration<ReportingCycle> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReportingCycle.class);
    }

    @Test
    void the_secretariat_opens_a_year_s_cycle_with_its_deadline() {
        fixture.givenNoPriorActivity()
                .when(new OpenReportingCycle(2022, DEADLINE, SECRETARIAT))
                .expectEvents(new ReportingCycleOpened(2022, DEADLINE, "u-secretariat"))
                .expectState(cycle -> assertThat(cycle.deadline()).contains(DEADLINE));
    }

    @Test
    void only_the_secretariat_opens_a_cycle() {
        fixture.givenNoPriorActivity()
                .when(new OpenReportingCycle(2022, DEADLINE, Actor.leaderOf("u-leader", "ac-ejr")))
                .expectException(notPermitted());
    }

    @Test
    void a_cycle_is_not_opened_twice() {
        fixture.given(new ReportingCycleOpened(2022, DEADLINE, "u-secretariat"))
                .when(new OpenReportingCycle(2022, DEADLINE.plusSeconds(86_400), SECRETARIAT))
                .expectException(brokenRule("reporting-cycle.already-opened"));
    }

    @Test
    void the_secretariat_closes_an_open_cycle() {
        fixture.given(new ReportingCycleOpened(2022, DEADLINE, "u-secretariat"))
                .when(new CloseReportingCycle(2022, SECRETARIAT))
                .expectEvents(new ReportingCycleClosed(2022, "u-secretariat"));
    }

    @Test
    void a_cycle_is_not_closed_before_it_is_opened() {
        fixture.givenNoPriorActivity()
                .when(new CloseReportingCycle(2022, SECRETARIAT))
                .expectException(brokenRule("reporting-cycle.not-opened"))
                .expectNoEvents();
    }

    @Test
    void a_cycle_is_not_closed_twice() {
        fixture.given(new ReportingCycleOpened(2022, DEADLINE, "u-secretariat"),
                        new ReportingCycleClosed(2022, "u-secretariat"))
                .when(new CloseReportingCycle(2022, SECRETARIAT))
                .expectException(brokenRule("reporting-cycle.already-closed"));
    }

    @Test
    void only_the_secretariat_closes_a_cycle() {
        fixture.given(new ReportingCycleOpened(2022, DEADLINE, "u-secretariat"))
                .when(new CloseReportingCycle(2022, Actor.auditor("u-auditor")))
                .expectException(notPermitted());
    }

    @Test
    void the_deadline_falls_in_or_after_the_year_reported_on() {
        assertThat(fieldsNamedBy(() -> new OpenReportingCycle(2022, Instant.parse("2021-12-31T00:00:00Z"),
                SECRETARIAT))).containsExactly("deadline");
        assertThat(fieldsNamedBy(() -> new OpenReportingCycle(1999, null, SECRETARIAT)))
                .containsExactly("year", "deadline");
    }
}
