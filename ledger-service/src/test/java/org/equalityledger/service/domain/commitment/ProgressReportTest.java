package org.equalityledger.service.domain.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.domain.BadInput.fieldsNamedBy;
import static org.equalityledger.service.domain.Refusals.badFields;
import static org.equalityledger.service.domain.Refusals.brokenRule;
import static org.equalityledger.service.domain.Refusals.notPermitted;
import static org.equalityledger.service.domain.commitment.Pledges.*;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.equalityledger.api.commitment.CommitmentCompleted;
import org.equalityledger.api.commitment.CommitmentWithdrawn;
import org.equalityledger.api.common.Money;
import org.equalityledger.api.reporting.CorrectProgressReport;
import org.equalityledger.api.reporting.FileProgressReport;
import org.equalityledger.api.reporting.ProgressReport;
import org.equalityledger.api.reporting.ProgressReportCorrected;
import org.equalityledger.api.reporting.ProgressReportFiled;
import org.equalityledger.api.reporting.ProgressStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mutual accountability: one progress report per commitment per year; corrections supersede, never erase. */
class ProgressReportTest {

    static final Instant DEADLINE_2022 = Instant.parse("2023-03-31T23:59:59Z");
    static final Instant IN_TIME = Instant.parse("2023-02-15T12:00:00Z");
    static final Instant TOO_LATE = Instant.parse("2023-04-03T08:00:00Z");

    static final ProgressReport ON_TRACK = new ProgressReport(ProgressStatus.ON_TRACK, Money.of("150000", "MXN"),
            Map.of("CARE-JOBS", new BigDecimal("320")), 12_000L, Set.of("MX"),
            "Campaign reached 12,000 people in three states.",
            List.of(URI.create("https://example.org/care-is-work/2022-report.pdf")));
    static final ProgressReport CORRECTED = new ProgressReport(ProgressStatus.ON_TRACK, Money.of("150000", "MXN"),
            Map.of("CARE-JOBS", new BigDecimal("302")), 12_000L, Set.of("MX"),
            "Campaign reached 12,000 people in three states.", List.of());

    FixtureConfiguration<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
        fixture.registerInjectableResource(referenceData().deadline(2022, DEADLINE_2022));
    }

    static ProgressReportFiled filed2022() {
        return new ProgressReportFiled(ID, 2022, ON_TRACK, 1, IN_TIME, DEADLINE_2022, false, "u-ana");
    }

    @Test
    void an_ally_files_the_year_s_report_before_the_deadline() {
        fixture.given(pledged(details().build()), accepted())
                .andGivenCurrentTime(IN_TIME)
                .when(new FileProgressReport(ID, 2022, ON_TRACK, ANA))
                .expectEvents(filed2022());
    }

    @Test
    void a_report_filed_after_the_year_s_deadline_is_marked_late() {
        fixture.given(pledged(details().build()), accepted())
                .andGivenCurrentTime(TOO_LATE)
                .when(new FileProgressReport(ID, 2022, ON_TRACK, ANA))
                .expectEvents(new ProgressReportFiled(ID, 2022, ON_TRACK, 1, TOO_LATE, DEADLINE_2022, true, "u-ana"));
    }

    @Test
    void a_report_for_a_year_without_a_cycle_has_no_deadline_and_is_not_late() {
        Instant in2023 = Instant.parse("2023-12-20T00:00:00Z");
        fixture.given(pledged(details().build()), accepted())
                .andGivenCurrentTime(in2023)
                .when(new FileProgressReport(ID, 2023, ON_TRACK, ANA))
                .expectEvents(new ProgressReportFiled(ID, 2023, ON_TRACK, 1, in2023, null, false, "u-ana"));
    }

    @Test
    void one_report_per_commitment_per_year() {
        fixture.given(pledged(details().build()), accepted(), filed2022())
                .andGivenCurrentTime(IN_TIME)
                .when(new FileProgressReport(ID, 2022, CORRECTED, ANA))
                .expectException(brokenRule("commitment.report.already-filed"));
    }

    @Test
    void a_report_is_for_a_year_the_commitment_runs() {
        fixture.given(pledged(details().build()), accepted())
                .andGivenCurrentTime(IN_TIME)
                .when(new FileProgressReport(ID, 2021, ON_TRACK, ANA))
                .expectException(brokenRule("commitment.report.year-outside-period"));
    }

    @Test
    void the_current_year_is_reported_on_while_it_runs() {
        fixture.given(pledged(details().build()), accepted())
                .andGivenCurrentTime(IN_TIME)
                .when(new FileProgressReport(ID, 2023, ON_TRACK, ANA))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_future_year_is_refused() {
        fixture.given(pledged(details().period("2022-01-01", "2024-12-31").build()), accepted())
                .andGivenCurrentTime(IN_TIME)
                .when(new FileProgressReport(ID, 2024, ON_TRACK, ANA))
                .expectException(brokenRule("commitment.report.future-year"));
    }

    @Test
    void a_report_gives_values_only_for_the_commitment_s_own_indicators() {
        ProgressReport unknown = new ProgressReport(ProgressStatus.OFF_TRACK, null,
                Map.of("CARE-JOBS", BigDecimal.ONE, "SCHOOLS", BigDecimal.TEN), null, Set.of(), "Behind.", List.of());
        fixture.given(pledged(details().build()), accepted())
                .andGivenCurrentTime(IN_TIME)
                .when(new FileProgressReport(ID, 2022, unknown, ANA))
                .expectException(badFields("report.indicatorValues.SCHOOLS"))
                .expectNoEvents();
    }

    @Test
    void a_pledge_not_yet_accepted_is_not_reported_on() {
        fixture.given(pledged(details().build()))
                .andGivenCurrentTime(IN_TIME)
                .when(new FileProgressReport(ID, 2022, ON_TRACK, ANA))
                .expectException(brokenRule("commitment.report.not-active"));
    }

    @Test
    void a_withdrawn_commitment_is_not_reported_on() {
        fixture.given(pledged(details().build()), accepted(), new CommitmentWithdrawn(ID, "merged", "u-ana"))
                .andGivenCurrentTime(IN_TIME)
                .when(new FileProgressReport(ID, 2022, ON_TRACK, ANA))
                .expectException(brokenRule("commitment.report.not-active"));
    }

    @Test
    void a_completed_commitment_still_reports_its_years() {
        fixture.given(pledged(details().build()), accepted(), new CommitmentCompleted(ID, null, "u-ana"))
                .andGivenCurrentTime(IN_TIME)
                .when(new FileProgressReport(ID, 2022, ON_TRACK, ANA))
                .expectEvents(filed2022());
    }

    @Test
    void a_co_maker_s_ally_files_the_report() {
        fixture.given(pledged(details().coMakers(CO_MAKER).build()), accepted())
                .andGivenCurrentTime(IN_TIME)
                .when(new FileProgressReport(ID, 2022, ON_TRACK, YARA))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void an_auditor_files_no_report() {
        fixture.given(pledged(details().build()), accepted())
                .andGivenCurrentTime(IN_TIME)
                .when(new FileProgressReport(ID, 2022, ON_TRACK, AUDITOR))
                .expectException(notPermitted());
    }

    @Test
    void a_report_names_every_bad_field() {
        ProgressReport bad = new ProgressReport(null, Money.of("-1", "pesos"), Map.of("CARE-JOBS", BigDecimal.ONE),
                -3L, Set.of("Mexico"), "", List.of(URI.create("ftp://example.org/x"), URI.create("report.pdf")));
        assertThat(fieldsNamedBy(() -> new FileProgressReport(ID, 1990, bad, ANA))).containsExactly(
                "year", "report.status", "report.moneyDisbursed.amount", "report.moneyDisbursed.currency",
                "report.peopleReached", "report.countries[0]", "report.narrative", "report.evidenceLinks[0]",
                "report.evidenceLinks[1]");
    }

    // ---- corrections ----

    @Test
    void a_correction_with_a_reason_supersedes_the_filed_report() {
        Instant correctedAt = Instant.parse("2023-05-02T10:00:00Z");
        fixture.given(pledged(details().build()), accepted(), filed2022())
                .andGivenCurrentTime(correctedAt)
                .when(new CorrectProgressReport(ID, 2022, CORRECTED, "320 counted some jobs twice", ANA))
                .expectEvents(new ProgressReportCorrected(ID, 2022, CORRECTED, 2, 1, "320 counted some jobs twice",
                        correctedAt, "u-ana"));
    }

    @Test
    void a_second_correction_supersedes_the_first() {
        Instant correctedAt = Instant.parse("2023-05-02T10:00:00Z");
        ProgressReportCorrected first = new ProgressReportCorrected(ID, 2022, CORRECTED, 2, 1, "double count",
                correctedAt, "u-ana");
        fixture.given(pledged(details().build()), accepted(), filed2022(), first)
                .andGivenCurrentTime(correctedAt)
                .when(new CorrectProgressReport(ID, 2022, ON_TRACK, "the first count was right after all", ANA))
                .expectEvents(new ProgressReportCorrected(ID, 2022, ON_TRACK, 3, 2, "the first count was right after all",
                        correctedAt, "u-ana"));
    }

    @Test
    void only_a_filed_report_is_corrected() {
        fixture.given(pledged(details().build()), accepted())
                .when(new CorrectProgressReport(ID, 2022, CORRECTED, "fix", ANA))
                .expectException(brokenRule("commitment.correction.no-report"));
    }

    @Test
    void a_correction_needs_a_reason() {
        assertThat(fieldsNamedBy(() -> new CorrectProgressReport(ID, 2022, CORRECTED, null, ANA)))
                .containsExactly("reason");
    }

    @Test
    void a_correction_gives_values_only_for_the_commitment_s_own_indicators() {
        ProgressReport unknown = new ProgressReport(ProgressStatus.ON_TRACK, null, Map.of("SCHOOLS", BigDecimal.TEN),
                null, Set.of(), "Fixed.", List.of());
        fixture.given(pledged(details().build()), accepted(), filed2022())
                .when(new CorrectProgressReport(ID, 2022, unknown, "fix", ANA))
                .expectException(badFields("report.indicatorValues.SCHOOLS"));
    }

    @Test
    void an_ally_of_another_maker_does_not_correct_the_report() {
        fixture.given(pledged(details().build()), accepted(), filed2022())
                .when(new CorrectProgressReport(ID, 2022, CORRECTED, "fix", STRANGER))
                .expectException(notPermitted());
    }
}
