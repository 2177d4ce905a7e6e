package org.equalityledger.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.equalityledger.api.commitment.CommitmentCompleted;
import org.equalityledger.api.commitment.CommitmentExtended;
import org.equalityledger.api.commitment.CommitmentStatus;
import org.equalityledger.api.commitment.CommitmentWithdrawn;
import org.equalityledger.api.commitment.TargetAction;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Money;
import org.equalityledger.api.maker.Hemisphere;
import org.equalityledger.api.maker.StakeholderGroup;
import org.equalityledger.api.query.makers.MakerMoney;
import org.equalityledger.api.query.queue.QueueScope;
import org.equalityledger.api.reporting.ProgressReportCorrected;
import org.equalityledger.api.reporting.ProgressReportFiled;
import org.equalityledger.api.reporting.ProgressStatus;
import org.equalityledger.api.reporting.ReportingCycleClosed;
import org.equalityledger.api.reporting.ReportingStatus;
import org.equalityledger.projections.query.ListFilter;
import org.equalityledger.projections.query.ReadSide;
import org.equalityledger.projections.reference.Regions;
import org.equalityledger.projections.reference.UsdRates;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoDatabase;

/** The commitment views, maker profiles, compliance and validation queue, fed events directly, on a fixed clock. */
class CommitmentProjectionTest {

    static final TargetAction GBV_A1 = new TargetAction("gbv", "a1");
    static final TargetAction GBV_A2 = new TargetAction("gbv", "a2");
    static final TargetAction EJ_E1 = new TargetAction("ej", "e1");

    /** A small ledger exercising every event type. */
    static TestLedger scenario() {
        TestLedger l = new TestLedger();
        l.initiative("gbv", "a1", "a2");
        l.initiative("ej", "e1");
        l.maker("gov-mx", StakeholderGroup.GOVERNMENT, Hemisphere.GLOBAL_SOUTH, "MX");
        l.maker("ngo-se", StakeholderGroup.CIVIL_SOCIETY, Hemisphere.GLOBAL_NORTH, "SE");
        l.pledge("c1", "gov-mx", TestLedger.details("Shelters for survivors", Money.of("1000000", "EUR"), 2021, 2025, GBV_A1), false);
        l.accept("c1", "gbv");
        l.pledge("c2", "ngo-se", TestLedger.details("Care policy advocacy", null, 2021, 2023, GBV_A2, EJ_E1), false);
        l.accept("c2", "gbv");
        l.pledge("c3", "gov-mx", TestLedger.details("Care leave law", null, 2022, 2026, EJ_E1), true);
        l.pledge("c4", "ngo-se", TestLedger.details("Off-topic", null, 2021, 2022, EJ_E1), false);
        l.reject("c4", "ej", CommitmentStatus.REJECTED);
        l.pledge("c5", "ngo-se", TestLedger.details("Withdrawn one", null, 2021, 2022, GBV_A1), false);
        l.accept("c5", "gbv");
        l.record("c5", new CommitmentWithdrawn("c5", "funding lost", "ally"));
        l.pledge("c6", "ngo-se", TestLedger.details("Done early", null, 2021, 2022, GBV_A1), false);
        l.accept("c6", "gbv");
        l.record("c6", new CommitmentCompleted("c6", "all delivered", "ally"));
        l.at("2021-06-01T00:00:00Z");
        l.cycle(2021, "2022-03-31T23:59:59Z");
        l.record("c1", new CommitmentExtended("c1", java.time.LocalDate.of(2025, 12, 31), java.time.LocalDate.of(2025, 12, 31), "noop", "ally"));
        l.at("2022-03-01T00:00:00Z");
        l.record("c1", new ProgressReportFiled("c1", 2021, TestLedger.report(ProgressStatus.ON_TRACK, Money.of("100000", "EUR")), 1,
                l.now, Instant.parse("2022-03-31T23:59:59Z"), false, "ally"));
        l.record("reporting-cycle-2021", new ReportingCycleClosed(2021, "secretariat"));
        l.cycle(2022, "2023-03-31T23:59:59Z");
        l.at("2023-05-01T00:00:00Z");
        l.record("c1", new ProgressReportFiled("c1", 2022, TestLedger.report(ProgressStatus.ON_TRACK, Money.of("60000", "EUR")), 1,
                l.now, Instant.parse("2023-03-31T23:59:59Z"), true, "ally"));
        l.record("c1", new ProgressReportCorrected("c1", 2022, TestLedger.report(ProgressStatus.OFF_TRACK, Money.of("50000", "EUR")), 2, 1,
                "disbursement double counted", l.now, "ally"));
        l.cycle(2023, "2024-03-31T23:59:59Z");
        return l;
    }

    static ReadSide readSide(MongoDatabase db, TestLedger ledger, String now) {
        return new ReadSide(db, ledger, UsdRates.shipped(), Regions.shipped(), TestLedger.PERIOD, Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }

    @Test
    void the_commitment_view_shows_decisions_reports_with_corrections_flags_and_both_statuses() {
        TestLedger ledger = scenario();
        MongoDatabase db = TestLedger.freshDatabase();
        TestLedger.feed(ledger.events, 5, TestLedger.commitments(db));
        ReadSide read = readSide(db, ledger, "2024-04-15T00:00:00Z");

        Map<String, Object> c1 = read.commitment("c1").orElseThrow();
        assertThat(c1.get("status")).isEqualTo(CommitmentStatus.ACTIVE);
        assertThat(c1.get("extensions")).isEqualTo(1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> decisions = (List<Map<String, Object>>) c1.get("decisions");
        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.get("initiativeName")).isEqualTo("Initiative gbv");
            assertThat(d.get("decision").toString()).isEqualTo("ACCEPTED");
        });
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> reports = (List<Map<String, Object>>) c1.get("reports");
        assertThat(reports).hasSize(2);
        @SuppressWarnings("unchecked")
        Map<String, Object> inForce2022 = (Map<String, Object>) reports.get(1).get("inForce");
        assertThat(inForce2022.get("revision")).isEqualTo(2);
        assertThat(inForce2022.get("progressStatus")).isEqualTo(ProgressStatus.OFF_TRACK);
        assertThat(inForce2022.get("correctionReason")).isEqualTo("disbursement double counted");
        assertThat(inForce2022.get("late")).isEqualTo(true);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> superseded = (List<Map<String, Object>>) reports.get(1).get("superseded");
        assertThat(superseded).singleElement().satisfies(r -> {
            assertThat(r.get("revision")).isEqualTo(1);
            assertThat(r.get("supersededBy")).isEqualTo(2);
        });
        // 2023's deadline passed without a report: overdue one cycle; the declared progress stays OFF_TRACK.
        assertThat(reportingStatus(c1)).isEqualTo(ReportingStatus.OVERDUE_ONE_CYCLE);
        assertThat(((Map<?, ?>) c1.get("progressStatus")).get("declared")).isEqualTo(ProgressStatus.OFF_TRACK);
        assertThat(((Map<?, ?>) c1.get("flags")).get("lateReportYears")).isEqualTo(List.of(2022));

        // c2 never reported: 2021, 2022 and 2023 due and missing: inactive.
        Map<String, Object> c2 = read.commitment("c2").orElseThrow();
        assertThat(reportingStatus(c2)).isEqualTo(ReportingStatus.OVERDUE_TWO_CYCLES);
        assertThat(((Map<?, ?>) c2.get("reportingStatus")).get("inactive")).isEqualTo(true);
        assertThat(((Map<?, ?>) c2.get("progressStatus")).get("declared")).isNull();

        Map<String, Object> c3 = read.commitment("c3").orElseThrow();
        assertThat(((Map<?, ?>) c3.get("flags")).get("financialCommitmentExpected")).isEqualTo(true);
        assertThat(reportingStatus(c3)).isEqualTo(ReportingStatus.NOT_EXPECTED);
        assertThat(read.commitment("c4").orElseThrow().get("status")).isEqualTo(CommitmentStatus.REJECTED);
        assertThat(read.commitment("c5").orElseThrow().get("closingReason")).isEqualTo("funding lost");
        assertThat(read.commitment("c6").orElseThrow().get("status")).isEqualTo(CommitmentStatus.COMPLETED);
        assertThat(read.commitment("nope")).isEmpty();
    }

    @Test
    void a_state_stored_as_a_nested_document_before_the_text_form_still_reads_and_folds_on() {
        TestLedger ledger = scenario();
        MongoDatabase db = TestLedger.freshDatabase();
        List<org.equalityledger.projections.store.LedgerEvent> events = ledger.events;
        int last = lastCommitmentEvent(events);
        String changed = org.equalityledger.projections.model.CommitmentFold.commitmentIdOf(events.get(last).payload());
        TestLedger.feed(events.subList(0, last), 100, TestLedger.commitments(db));
        MongoDatabase text = TestLedger.freshDatabase();
        TestLedger.feed(events, 100, TestLedger.commitments(text));
        ReadSide expected = readSide(text, ledger, "2024-04-15T00:00:00Z");

        // The form written before: the state as a document of its own, no makerId beside it.
        var commitments = db.getCollection(org.equalityledger.projections.commitments.CommitmentProjector.COMMITMENTS);
        for (org.bson.Document doc : commitments.find()) {
            assertThat(doc.get("state")).isInstanceOf(String.class);
            commitments.replaceOne(com.mongodb.client.model.Filters.eq("_id", doc.get("_id")),
                    new org.bson.Document("_pos", doc.get("_pos")).append("state", org.bson.Document.parse(doc.getString("state"))));
        }
        // The last commitment event folds onto an old-form state, which is then written as text.
        TestLedger.feed(events.subList(last, events.size()), 100, TestLedger.commitments(db));
        ReadSide read = readSide(db, ledger, "2024-04-15T00:00:00Z");
        assertThat(read.commitment(changed)).isEqualTo(expected.commitment(changed));
        assertThat(changed).isNotEqualTo("c2");
        assertThat(read.commitment("c2")).isEqualTo(expected.commitment("c2"));
        assertThat(read.maker("gov-mx")).isEqualTo(expected.maker("gov-mx"));
        assertThat(commitments.find(com.mongodb.client.model.Filters.eq("_id", changed)).first().get("state")).isInstanceOf(String.class);
    }

    private static int lastCommitmentEvent(List<org.equalityledger.projections.store.LedgerEvent> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (org.equalityledger.projections.model.CommitmentFold.commitmentIdOf(events.get(i).payload()) != null) {
                return i;
            }
        }
        throw new IllegalStateException("no commitment event");
    }

    @Test
    void reporting_status_follows_the_clock_and_the_cycles_recorded_by_then() {
        TestLedger ledger = scenario();
        MongoDatabase db = TestLedger.freshDatabase();
        TestLedger.feed(ledger.events, 100, TestLedger.commitments(db));

        assertThat(reportingStatus(readSide(db, ledger, "2021-12-01T00:00:00Z").commitment("c1").orElseThrow()))
                .isEqualTo(ReportingStatus.NOT_YET_DUE);
        assertThat(reportingStatus(readSide(db, ledger, "2022-04-15T00:00:00Z").commitment("c2").orElseThrow()))
                .isEqualTo(ReportingStatus.OVERDUE_ONE_CYCLE);
        assertThat(reportingStatus(readSide(db, ledger, "2022-04-15T00:00:00Z").commitment("c1").orElseThrow()))
                .isEqualTo(ReportingStatus.REPORTED);
        assertThat(reportingStatus(readSide(db, ledger, "2023-04-15T00:00:00Z").commitment("c2").orElseThrow()))
                .isEqualTo(ReportingStatus.OVERDUE_TWO_CYCLES);
    }

    @Test
    void a_commitment_as_of_an_instant_is_its_events_recorded_by_then() {
        TestLedger ledger = scenario();
        MongoDatabase db = TestLedger.freshDatabase();
        TestLedger.feed(ledger.events, 100, TestLedger.commitments(db));
        ReadSide read = readSide(db, ledger, "2024-04-15T00:00:00Z");

        Map<String, Object> before = read.commitmentAsOf("c1", Instant.parse("2023-01-01T00:00:00Z")).orElseThrow();
        assertThat((List<?>) before.get("reports")).hasSize(1);
        assertThat(reportingStatus(before)).isEqualTo(ReportingStatus.REPORTED);
        Map<String, Object> pledgedOnly = read.commitmentAsOf("c1", Instant.parse("2021-03-30T10:00:08Z")).orElseThrow();
        assertThat(pledgedOnly.get("status")).isEqualTo(CommitmentStatus.PLEDGED);
        assertThat(read.commitmentAsOf("c1", Instant.parse("2021-01-01T00:00:00Z"))).isEmpty();
        Map<String, Object> latest = read.commitmentAsOf("c1", Instant.parse("2030-01-01T00:00:00Z")).orElseThrow();
        Map<String, Object> live = read.commitment("c1").orElseThrow();
        latest.remove("asOf");
        assertThat(latest.toString()).isEqualTo(live.toString().replace("reportingStatus={status=OVERDUE_ONE_CYCLE, inactive=false, dueYears=[2021, 2022, 2023], missingYears=[2023]}",
                "reportingStatus={status=OVERDUE_ONE_CYCLE, inactive=false, dueYears=[2021, 2022, 2023], missingYears=[2023]}"));

        List<Map<String, Object>> history = read.history("c1", null).orElseThrow();
        assertThat(history).extracting(h -> h.get("event")).containsExactly("CommitmentPledged", "PledgeAccepted",
                "CommitmentExtended", "ProgressReportFiled", "ProgressReportFiled", "ProgressReportCorrected");
        assertThat(history.get(5).get("reason")).isEqualTo("disbursement double counted");
        assertThat(((Map<?, ?>) history.get(5).get("changes")).keySet().stream().map(Object::toString).toList()).contains("status", "moneyDisbursed");
    }

    @Test
    void maker_profile_cycle_compliance_queue_and_lists() {
        TestLedger ledger = scenario();
        MongoDatabase db = TestLedger.freshDatabase();
        TestLedger.feed(ledger.events, 3, TestLedger.commitments(db));
        ReadSide read = readSide(db, ledger, "2024-04-15T00:00:00Z");

        Map<String, Object> maker = read.maker("gov-mx").orElseThrow();
        assertThat((List<?>) maker.get("commitments")).hasSize(2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> record = (List<Map<String, Object>>) maker.get("reportingRecord");
        assertThat(record).filteredOn(y -> y.get("year").equals(2022)).singleElement()
                .satisfies(y -> assertThat(y).containsEntry("reported", 1).containsEntry("late", 1));
        assertThat(record).filteredOn(y -> y.get("year").equals(2023)).singleElement()
                .satisfies(y -> assertThat(y).containsEntry("overdue", 1));

        Map<String, Object> cycle2022 = read.reportingCycle(2022);
        assertThat(counts(cycle2022)).containsEntry("expected", 2).containsEntry("reportedLate", 1)
                .containsEntry("overdue", 1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> who = (List<Map<String, Object>>) cycle2022.get("commitments");
        assertThat(who.get(0).get("reporting")).isEqualTo("overdue");

        List<Map<String, Object>> queue = read.validationQueue(null, false, QueueScope.EVERYTHING);
        // c2 is active (gbv accepted) but ej has not answered yet: both wait for ej, the older first.
        assertThat(queue).extracting(q -> q.get("commitmentId")).containsExactly("c2", "c3");
        assertThat(queue.get(0)).containsEntry("overdue", true).containsEntry("initiativeName", "Initiative ej");

        assertThat(read.list(new ListFilter("gbv", null, null, null, null, null, null), 0, 10).total()).isEqualTo(4);
        assertThat(read.list(new ListFilter(null, "a2", null, null, null, null, null), 0, 10).items())
                .extracting(r -> r.get("commitmentId")).containsExactly("c2");
        assertThat(read.list(new ListFilter(null, null, "GOVERNMENT", "MX", "active", 2025, "shelters"), 0, 10).total()).isEqualTo(1);
        assertThat(read.list(ListFilter.none(), 1, 4).items()).hasSize(2);
    }

    @Test
    void the_validation_queue_shows_each_reader_what_its_scope_lets_it_see() {
        TestLedger ledger = scenario();
        MongoDatabase db = TestLedger.freshDatabase();
        TestLedger.feed(ledger.events, 3, TestLedger.commitments(db));
        ReadSide read = readSide(db, ledger, "2024-04-15T00:00:00Z");
        java.util.function.Function<QueueScope, List<Object>> ids = scope ->
                read.validationQueue(null, false, scope).stream().map(q -> q.get("commitmentId")).toList();

        assertThat(ids.apply(QueueScope.of(Actor.leaderOf("l", "ej")))).containsExactly("c2", "c3");
        assertThat(ids.apply(QueueScope.of(Actor.leaderOf("l", "gbv")))).isEmpty(); // gbv decided on all its pledges
        assertThat(ids.apply(QueueScope.of(Actor.allyOf("a", "gov-mx")))).containsExactly("c3");
        assertThat(ids.apply(QueueScope.of(Actor.allyOf("a", "ngo-se")))).containsExactly("c2");
        assertThat(ids.apply(QueueScope.of(Actor.allyOf("a")))).isEmpty();
        assertThat(ids.apply(QueueScope.of(Actor.auditor("x")))).containsExactly("c2", "c3");
        assertThat(read.validationQueue("gbv", false, QueueScope.EVERYTHING)).isEmpty();
        assertThat(read.validationQueue(null, true, QueueScope.EVERYTHING))
                .isNotEmpty().allSatisfy(q -> assertThat(q).containsEntry("overdue", true));
        ReadSide beforeAnyDue = readSide(db, ledger, "2021-04-01T00:00:00Z"); // answers are due four weeks after the pledge
        assertThat(beforeAnyDue.validationQueue(null, false, QueueScope.EVERYTHING)).hasSize(2);
        assertThat(beforeAnyDue.validationQueue(null, true, QueueScope.EVERYTHING)).isEmpty();
    }

    @Test
    void a_makers_profile_sums_its_money_in_usd_and_keeps_what_cannot_be_converted_in_its_own_currency() {
        TestLedger ledger = scenario();
        ledger.pledge("c7", "gov-mx", TestLedger.details("Gold reserve", Money.of("5", "XAU"), 2024, 2025, EJ_E1), false);
        MongoDatabase db = TestLedger.freshDatabase();
        TestLedger.feed(ledger.events, 3, TestLedger.commitments(db));
        ReadSide read = readSide(db, ledger, "2024-04-15T00:00:00Z");
        UsdRates rates = UsdRates.shipped();

        MakerMoney money = (MakerMoney) read.maker("gov-mx").orElseThrow().get("money");
        // c1: 1,000,000 EUR pledged in 2021; 100,000 EUR disbursed for 2021 and 50,000 for 2022 (as corrected).
        assertThat(money.pledgedUsd()).isEqualByComparingTo(rates.rate("EUR", 2021).orElseThrow().multiply(new BigDecimal("1000000")));
        assertThat(money.disbursedUsd()).isEqualByComparingTo(rates.rate("EUR", 2021).orElseThrow().multiply(new BigDecimal("100000"))
                .add(rates.rate("EUR", 2022).orElseThrow().multiply(new BigDecimal("50000"))).setScale(2, java.math.RoundingMode.HALF_EVEN));
        assertThat(rates.rate("XAU", 2024)).isEmpty();
        assertThat(money.pledgedNotConverted()).containsOnlyKeys("XAU");
        assertThat(money.pledgedNotConverted().get("XAU")).isEqualByComparingTo("5");
        assertThat(money.disbursedNotConverted()).isEmpty();

    }

    @Test
    void replaying_the_events_again_or_in_other_batches_changes_nothing() {
        TestLedger ledger = scenario();
        MongoDatabase one = TestLedger.freshDatabase();
        MongoDatabase other = TestLedger.freshDatabase();
        TestLedger.feed(ledger.events, 1, TestLedger.commitments(one));
        TestLedger.feed(ledger.events, 1_000, TestLedger.commitments(other));
        var first = TestLedger.dump(one, TestLedger.commitments(one));
        var second = TestLedger.dump(other, TestLedger.commitments(other));
        first.forEach((c, docs) -> assertThat(second.get(c)).as(c).containsExactlyElementsOf(docs));
        MongoDatabase streamed = TestLedger.freshDatabase();
        TestLedger.feedInChunks(ledger.events, 50, 7, TestLedger.commitments(streamed));
        var third = TestLedger.dump(streamed, TestLedger.commitments(streamed));
        first.forEach((c, docs) -> assertThat(third.get(c)).as(c).containsExactlyElementsOf(docs));

        TestLedger.feed(ledger.events, 4, TestLedger.commitments(one));
        assertThat(TestLedger.dump(one, TestLedger.commitments(one))).isEqualTo(first);
        assertThat(Set.copyOf(first.keySet())).hasSize(6);
    }

    private static ReportingStatus reportingStatus(Map<String, Object> view) {
        return (ReportingStatus) ((Map<?, ?>) view.get("reportingStatus")).get("status");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> counts(Map<String, Object> cycle) {
        return (Map<String, Integer>) cycle.get("counts");
    }
}
