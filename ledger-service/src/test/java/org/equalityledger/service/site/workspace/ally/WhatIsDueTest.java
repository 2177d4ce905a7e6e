package org.equalityledger.service.site.workspace.ally;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.equalityledger.api.commitment.CommitmentStatus;
import org.equalityledger.api.query.commitments.CommitmentView;
import org.equalityledger.api.query.dashboards.CycleFigures;
import org.equalityledger.api.reporting.ReportingStatus;
import org.equalityledger.service.site.SiteContext;
import org.junit.jupiter.api.Test;

/**
 * What the ally's workspace says a commitment owes: a decision an initiative's leadership has not given
 * yet, the report of every opened cycle of its years not filed (overdue as the read side counts it once
 * the deadline passed, due by the deadline before).
 */
class WhatIsDueTest {

    private static final Instant DEADLINE_2024 = Instant.parse("2025-03-31T23:59:59Z");
    private static final Instant DEADLINE_2025 = Instant.parse("2026-03-31T23:59:59Z");
    private static final Instant DEADLINE_2026 = Instant.parse("2027-03-31T23:59:59Z");
    private static final Map<Integer, CycleFigures> CYCLES = Map.of(
            2024, cycle(2024, DEADLINE_2024, true),
            2025, cycle(2025, DEADLINE_2025, true),
            2026, cycle(2026, DEADLINE_2026, false));

    @Test
    void an_active_commitment_owes_the_reports_of_the_opened_cycles_it_has_not_filed() {
        CommitmentView view = commitment(CommitmentStatus.ACTIVE, 2024, 2026, List.of(2024), List.of(2025),
                List.of(decision("gac", "ACCEPTED"), decision("ac-ejr", "PENDING")));
        AllyHome.CommitmentWork work = AllyHome.work(view, d -> new SiteContext.Name(d.initiativeName(), "en", false), CYCLES);

        assertThat(work.due()).extracting(AllyHome.Due::kind, AllyHome.Due::year, AllyHome.Due::by, AllyHome.Due::overdue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("decision", null, Instant.parse("2024-02-01T00:00:00Z"), false),
                        org.assertj.core.groups.Tuple.tuple("report", 2025, DEADLINE_2025, true),
                        org.assertj.core.groups.Tuple.tuple("report", 2026, DEADLINE_2026, false));
        assertThat(work.decisions()).extracting(AllyHome.DecisionLine::decision).containsExactly("ACCEPTED", "PENDING");
    }

    @Test
    void a_pledge_awaiting_decisions_owes_no_report_and_a_withdrawn_one_owes_nothing() {
        CommitmentView pledged = commitment(CommitmentStatus.PLEDGED, 2025, 2026, List.of(), List.of(),
                List.of(decision("gac", "PENDING")));
        assertThat(AllyHome.work(pledged, d -> new SiteContext.Name("GAC", "en", false), CYCLES).due())
                .extracting(AllyHome.Due::kind).containsExactly("decision");

        CommitmentView withdrawn = commitment(CommitmentStatus.WITHDRAWN, 2025, 2026, List.of(), List.of(),
                List.of(decision("gac", "PENDING")));
        assertThat(AllyHome.work(withdrawn, d -> new SiteContext.Name("GAC", "en", false), CYCLES).due()).isEmpty();
    }

    @Test
    void a_report_filed_for_a_running_cycle_is_no_longer_due_and_years_outside_the_period_never_are() {
        CommitmentView view = commitment(CommitmentStatus.ACTIVE, 2025, 2026, List.of(2026), List.of(),
                List.of(decision("gac", "ACCEPTED")));
        assertThat(AllyHome.work(view, d -> new SiteContext.Name("GAC", "en", false), CYCLES).due()).isEmpty();
    }

    private static CycleFigures cycle(int year, Instant deadline, boolean passed) {
        return new CycleFigures(year, deadline, passed, 1, 0, 0, 0, null);
    }

    private static CommitmentView.Decision decision(String initiative, String state) {
        return new CommitmentView.Decision(initiative, initiative.toUpperCase(), state, Instant.parse("2024-02-01T00:00:00Z"),
                null, false, null, null, true);
    }

    private static CommitmentView commitment(CommitmentStatus status, int firstYear, int lastYear, List<Integer> reported,
                                             List<Integer> missing, List<CommitmentView.Decision> decisions) {
        List<CommitmentView.YearReports> reports = reported.stream()
                .map(y -> new CommitmentView.YearReports(y, null, List.of())).toList();
        return new CommitmentView("commitment-1", null, 1, "A title", "A description", null, status, new TreeSet<>(), null,
                List.of(), new TreeSet<>(), List.of(), new TreeSet<>(), LocalDate.of(firstYear, 1, 1),
                LocalDate.of(lastYear, 12, 31), null, Instant.parse("2024-01-01T00:00:00Z"), decisions, reports,
                new CommitmentView.Flags(false, List.of()),
                new CommitmentView.ReportingStatusView(ReportingStatus.REPORTED, false, List.of(), missing), null, 0, 0,
                null, null, null, List.of(), 1, null);
    }
}
