package org.equalityledger.service.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.serialization.Revision;
import org.equalityledger.api.commitment.CommitmentAmended;
import org.equalityledger.api.commitment.CommitmentChanges;
import org.equalityledger.api.commitment.CommitmentCompleted;
import org.equalityledger.api.commitment.CommitmentDetails;
import org.equalityledger.api.commitment.CommitmentExtended;
import org.equalityledger.api.commitment.CommitmentPledged;
import org.equalityledger.api.commitment.CommitmentStatus;
import org.equalityledger.api.commitment.CommitmentType;
import org.equalityledger.api.commitment.CommitmentWithdrawn;
import org.equalityledger.api.commitment.Indicator;
import org.equalityledger.api.commitment.Origin;
import org.equalityledger.api.commitment.PledgeAccepted;
import org.equalityledger.api.commitment.PledgeCommitment;
import org.equalityledger.api.commitment.PledgeRejected;
import org.equalityledger.api.commitment.TargetAction;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.LocalizedName;
import org.equalityledger.api.common.Money;
import org.equalityledger.api.initiative.ActionDefined;
import org.equalityledger.api.initiative.GovernanceRole;
import org.equalityledger.api.initiative.GovernanceRoleAssigned;
import org.equalityledger.api.initiative.InitiativeKind;
import org.equalityledger.api.initiative.InitiativeLaunched;
import org.equalityledger.api.initiative.MeasurableTarget;
import org.equalityledger.api.initiative.PresidencyExtended;
import org.equalityledger.api.initiative.RoleHolder;
import org.equalityledger.api.initiative.Term;
import org.equalityledger.api.maker.CommitmentMakerRegistered;
import org.equalityledger.api.maker.Hemisphere;
import org.equalityledger.api.maker.StakeholderGroup;
import org.equalityledger.api.rates.RecordUsdRate;
import org.equalityledger.api.rates.UsdRateRecorded;
import org.equalityledger.api.reporting.ProgressReport;
import org.equalityledger.api.reporting.ProgressReportCorrected;
import org.equalityledger.api.reporting.ProgressReportFiled;
import org.equalityledger.api.reporting.ProgressStatus;
import org.equalityledger.api.reporting.ReportingCycleClosed;
import org.equalityledger.api.reporting.ReportingCycleOpened;
import org.junit.jupiter.api.Test;

/**
 * Every event survives a round trip through a strict Jackson mapper (unknown properties fail), so a
 * serializer of the event store can write them in 2021 and read them in 2030; and every event is
 * covered here.
 */
class EventSerializationTest {

    static final ObjectMapper STRICT = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static final Instant AT = Instant.parse("2021-06-30T10:00:00Z");
    static final LocalizedName NAMES = new LocalizedName("Care", "Cuidados", "Soins", "Уход", "الرعاية");
    static final CommitmentDetails DETAILS = new CommitmentDetails(Set.of(CommitmentType.FINANCIAL,
            CommitmentType.POLICY), Money.of("1000000.50", "MXN"), List.of(new TargetAction("gac", "GAC-1")),
            Set.of("mk-youth"), "Care systems", "A national care system.",
            List.of(new Indicator("JOBS", "jobs", BigDecimal.ZERO, BigDecimal.TEN)), Set.of("MX", "CR"),
            LocalDate.parse("2021-07-01"), LocalDate.parse("2026-06-30"), Origin.yearlyWindow(2021));
    static final ProgressReport REPORT = new ProgressReport(ProgressStatus.OFF_TRACK, Money.of("0", "USD"),
            Map.of("JOBS", new BigDecimal("3.5")), 10L, Set.of("MX"), "Slow start.",
            List.of(URI.create("https://example.org/evidence?id=1")));

    static final List<Object> EVENTS = List.of(
            new InitiativeLaunched("gac", InitiativeKind.ALLIANCE, "GAC", NAMES, 2021, 2026, "ac-ejr", "u-s"),
            new ActionDefined("gac", "GAC-1", NAMES,
                    List.of(new MeasurableTarget("sessions", BigDecimal.valueOf(8), "sessions", 2022),
                            new MeasurableTarget("qualitative", null, null, null)), "u-s"),
            new GovernanceRoleAssigned("mx-mcig", GovernanceRole.PRESIDENCY, RoleHolder.organisation("France"),
                    Term.of("2018-07-01", "2019-06-30"), "u-s"),
            new GovernanceRoleAssigned("gac", GovernanceRole.LEADER, RoleHolder.maker("mk-inmujeres"),
                    Term.of("2021-03-30", null), "u-s"),
            new PresidencyExtended("mx-mcig", RoleHolder.organisation("France"), LocalDate.parse("2018-07-01"),
                    LocalDate.parse("2019-06-30"), LocalDate.parse("2020-06-30"), null, "u-s"),
            new CommitmentMakerRegistered("mk-inmujeres", "INMUJERES", StakeholderGroup.GOVERNMENT,
                    Hemisphere.GLOBAL_SOUTH, "MX", "u-s"),
            new CommitmentPledged("c-1", "mk-inmujeres", DETAILS, false, AT, AT.plusSeconds(28 * 86_400), "u-a"),
            new PledgeAccepted("c-1", "gac", null, AT, AT, false, CommitmentStatus.ACTIVE, "u-l"),
            new PledgeRejected("c-1", "gac", "no", AT, AT, true, CommitmentStatus.REJECTED, "u-l"),
            new CommitmentAmended("c-1", List.of("title", "targets"), DETAILS, true, Set.of("ac-ejr"), AT, "why",
                    AT, "u-a"),
            new CommitmentExtended("c-1", LocalDate.parse("2023-12-31"), LocalDate.parse("2024-12-31"), "why", "u-a"),
            new CommitmentWithdrawn("c-1", "why", "u-a"),
            new CommitmentCompleted("c-1", null, "u-a"),
            new ProgressReportFiled("c-1", 2022, REPORT, 1, AT, null, false, "u-a"),
            new ProgressReportCorrected("c-1", 2022, REPORT, 2, 1, "why", AT, "u-a"),
            new ReportingCycleOpened(2022, AT, "u-s"),
            new ReportingCycleClosed(2022, "u-s"),
            new UsdRateRecorded("CRC", 2023, new BigDecimal("0.001837"), "Banco Central de Costa Rica", null, null, "u-s"),
            new UsdRateRecorded("CRC", 2023, new BigDecimal("0.0018400"), "Banco Central de Costa Rica, revised",
                    new BigDecimal("0.001837"), "revised average", "u-s"));

    @Test
    void every_event_reads_back_equal_to_what_was_written() throws Exception {
        for (Object event : EVENTS) {
            String json = STRICT.writeValueAsString(event);
            assertThat(STRICT.readValue(json, event.getClass())).as(json).isEqualTo(event);
        }
    }

    @Test
    void every_event_of_the_published_language_is_versioned_and_covered_here() {
        Set<String> versioned = new ClassFileImporter().importPackages("org.equalityledger.api").stream()
                .filter(c -> c.isAnnotatedWith(Revision.class))
                .map(JavaClass::getName)
                .collect(Collectors.toSet());
        Set<String> covered = EVENTS.stream().map(e -> e.getClass().getName()).collect(Collectors.toSet());
        assertThat(covered).isEqualTo(versioned);
    }

    @Test
    void a_command_reads_from_json_and_a_bad_one_fails_with_every_bad_field() throws Exception {
        PledgeCommitment pledge = new PledgeCommitment("c-1", "mk-inmujeres", DETAILS, Actor.allyOf("u-a", "mk-inmujeres"));
        assertThat(STRICT.readValue(STRICT.writeValueAsString(pledge), PledgeCommitment.class)).isEqualTo(pledge);
        RecordUsdRate rate = new RecordUsdRate("CRC", 2023, new BigDecimal("0.001837"), "BCCR", null,
                Actor.secretariat("u-s"));
        assertThat(STRICT.readValue(STRICT.writeValueAsString(rate), RecordUsdRate.class)).isEqualTo(rate);
        CommitmentChanges changes = CommitmentChanges.none().withTitle("New");
        assertThat(STRICT.readValue(STRICT.writeValueAsString(changes), CommitmentChanges.class)).isEqualTo(changes);
        String bad = "{\"commitmentId\":\"c-1\",\"makerId\":\"mk-1\",\"details\":{\"types\":[],\"title\":\"\"}}";
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> STRICT.readValue(bad, PledgeCommitment.class)))
                .hasRootCauseInstanceOf(org.equalityledger.api.common.InvalidCommandException.class);
    }
}
