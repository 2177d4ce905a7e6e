package org.equalityledger.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
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
import org.equalityledger.api.query.commitments.CommitmentById;
import org.equalityledger.api.query.commitments.CommitmentFilter;
import org.equalityledger.api.query.commitments.CommitmentList;
import org.equalityledger.api.query.commitments.CommitmentPage;
import org.equalityledger.api.query.commitments.CommitmentRow;
import org.equalityledger.api.query.commitments.CommitmentView;
import org.equalityledger.api.query.history.CommitmentHistory;
import org.equalityledger.api.query.history.History;
import org.equalityledger.api.query.makers.MakerById;
import org.equalityledger.api.query.makers.MakerProfile;
import org.equalityledger.api.query.queue.PendingDecisions;
import org.equalityledger.api.query.queue.ValidationQueue;
import org.equalityledger.api.query.reporting.CycleCompliance;
import org.equalityledger.api.query.reporting.ReportingCycleCompliance;
import org.equalityledger.projections.commitments.CommitmentQueries;
import org.equalityledger.projections.history.HistoryQueries;
import org.equalityledger.projections.makers.MakerQueries;
import org.equalityledger.projections.queue.QueueQueries;
import org.equalityledger.projections.reference.Recorded;
import org.equalityledger.projections.reporting.ReportingQueries;
import org.equalityledger.projections.store.ReadModels;
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
        l.usdRate("EUR", 2021, "1.183", null);
        l.usdRate("EUR", 2022, "1.053", null);
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

    /** The rooms over {@code db}, every event of {@code ledger} applied, reading at {@code now}. */
    record Rooms(CommitmentQueries commitments, HistoryQueries history, MakerQueries makers, ReportingQueries reporting,
                 QueueQueries queue, Recorded recorded) {

        Optional<CommitmentView> commitment(String id) {
            return commitments.handle(new CommitmentById(id, null));
        }

        Optional<CommitmentView> commitmentAsOf(String id, Instant at) {
            return commitments.handle(new CommitmentById(id, at));
        }

        CommitmentPage list(CommitmentFilter filter, int page, int size) {
            return commitments.handle(new CommitmentList(filter, page, size));
        }

        ValidationQueue queue(String initiativeId, boolean overdueOnly, QueueScope scope) {
            return queue.handle(new PendingDecisions(initiativeId, overdueOnly, scope));
        }
    }

    static Recorded recorded(MongoDatabase db, TestLedger ledger, String now) {
        return new Recorded(ReadModels.of(db), ledger, ledger::reached, TestLedger.PERIOD,
                Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }

    static Rooms rooms(MongoDatabase db, TestLedger ledger, String now) {
        Recorded recorded = recorded(db, ledger, now);
        return new Rooms(new CommitmentQueries(recorded), new HistoryQueries(recorded), new MakerQueries(recorded),
                new ReportingQueries(recorded), new QueueQueries(recorded), recorded);
    }

    @Test
    void the_commitment_view_shows_decisions_reports_with_corrections_flags_and_both_statuses() {
        TestLedger ledger = scenario();
        MongoDatabase db = TestLedger.freshDatabase();
        TestLedger.feed(ledger.events, 5, TestLedger.commitments(db));
        Rooms read = rooms(db, ledger, "2024-04-15T00:00:00Z");

        CommitmentView c1 = read.commitment("c1").orElseThrow();
        assertThat(c1.status()).isEqualTo(CommitmentStatus.ACTIVE);
        assertThat(c1.extensions()).isEqualTo(1);
        assertThat(c1.decisions()).singleElement().satisfies(d -> {
            assertThat(d.initiativeName()).isEqualTo("Initiative gbv");
            assertThat(d.decision()).isEqualTo("ACCEPTED");
        });
        assertThat(c1.targets()).singleElement().satisfies(t -> assertThat(t.actionName()).isEqualTo("Action a1"));
        assertThat(c1.reports()).hasSize(2);
        CommitmentView.ReportRevision inForce2022 = c1.reports().get(1).inForce();
        assertThat(inForce2022.revision()).isEqualTo(2);
        assertThat(inForce2022.progressStatus()).isEqualTo(ProgressStatus.OFF_TRACK);
        assertThat(inForce2022.correctionReason()).isEqualTo("disbursement double counted");
        assertThat(inForce2022.late()).isTrue();
        assertThat(c1.reports().get(1).superseded()).singleElement().satisfies(r -> {
            assertThat(r.revision()).isEqualTo(1);
            assertThat(r.supersededBy()).isEqualTo(2);
        });
        // 2023's deadline passed without a report: overdue one cycle; the declared progress stays OFF_TRACK.
        assertThat(c1.reportingStatus().status()).isEqualTo(ReportingStatus.OVERDUE_ONE_CYCLE);
        assertThat(c1.progressStatus().declared()).isEqualTo(ProgressStatus.OFF_TRACK);
        assertThat(c1.flags().lateReportYears()).isEqualTo(List.of(2022));
        assertThat(c1.maker().name()).isEqualTo("Maker gov-mx");

        // c2 never reported: 2021, 2022 and 2023 due and missing: inactive.
        CommitmentView c2 = read.commitment("c2").orElseThrow();
        assertThat(c2.reportingStatus().status()).isEqualTo(ReportingStatus.OVERDUE_TWO_CYCLES);
        assertThat(c2.reportingStatus().inactive()).isTrue();
        assertThat(c2.progressStatus().declared()).isNull();

        CommitmentView c3 = read.commitment("c3").orElseThrow();
        assertThat(c3.flags().financialCommitmentExpected()).isTrue();
        assertThat(c3.reportingStatus().status()).isEqualTo(ReportingStatus.NOT_EXPECTED);
        assertThat(read.commitment("c4").orElseThrow().status()).isEqualTo(CommitmentStatus.REJECTED);
        assertThat(read.commitment("c5").orElseThrow().closingReason()).isEqualTo("funding lost");
        assertThat(read.commitment("c6").orElseThrow().status()).isEqualTo(CommitmentStatus.COMPLETED);
        assertThat(read.commitment("nope")).isEmpty();
        // Read now: what the commitments projection has applied, the whole ledger here.
        assertThat(c1.asOfPosition()).isEqualTo(ledger.headPosition());
        assertThat(c1.recordedUpTo()).isEqualTo(ledger.events.get(ledger.events.size() - 1).recordedAt());
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
        Rooms expected = rooms(text, ledger, "2024-04-15T00:00:00Z");

        // The form written before: the state as a document of its own, no makerId beside it.
        var commitments = db.getCollection(org.equalityledger.projections.commitments.CommitmentProjector.COMMITMENTS);
        for (org.bson.Document doc : commitments.find()) {
            assertThat(doc.get("state")).isInstanceOf(String.class);
            commitments.replaceOne(com.mongodb.client.model.Filters.eq("_id", doc.get("_id")),
                    new org.bson.Document("_pos", doc.get("_pos")).append("state", org.bson.Document.parse(doc.getString("state"))));
        }
        // The last commitment event folds onto an old-form state, which is then written as text.
        TestLedger.feed(events.subList(last, events.size()), 100, TestLedger.commitments(db));
        Rooms read = rooms(db, ledger, "2024-04-15T00:00:00Z");
        assertThat(read.commitment(changed)).isEqualTo(expected.commitment(changed));
        assertThat(changed).isNotEqualTo("c2");
        assertThat(read.commitment("c2")).isEqualTo(expected.commitment("c2"));
        assertThat(read.makers().handle(new MakerById("gov-mx"))).isEqualTo(expected.makers().handle(new MakerById("gov-mx")));
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

        assertThat(status(rooms(db, ledger, "2021-12-01T00:00:00Z"), "c1")).isEqualTo(ReportingStatus.NOT_YET_DUE);
        assertThat(status(rooms(db, ledger, "2022-04-15T00:00:00Z"), "c2")).isEqualTo(ReportingStatus.OVERDUE_ONE_CYCLE);
        assertThat(status(rooms(db, ledger, "2022-04-15T00:00:00Z"), "c1")).isEqualTo(ReportingStatus.REPORTED);
        assertThat(status(rooms(db, ledger, "2023-04-15T00:00:00Z"), "c2")).isEqualTo(ReportingStatus.OVERDUE_TWO_CYCLES);
    }

    private static ReportingStatus status(Rooms read, String id) {
        return read.commitment(id).orElseThrow().reportingStatus().status();
    }

    @Test
    void a_commitment_as_of_an_instant_is_its_events_recorded_by_then() {
        TestLedger ledger = scenario();
        MongoDatabase db = TestLedger.freshDatabase();
        TestLedger.feed(ledger.events, 100, TestLedger.commitments(db));
        Rooms read = rooms(db, ledger, "2024-04-15T00:00:00Z");

        Instant then = Instant.parse("2023-01-01T00:00:00Z");
        CommitmentView before = read.commitmentAsOf("c1", then).orElseThrow();
        assertThat(before.reports()).hasSize(1);
        assertThat(before.reportingStatus().status()).isEqualTo(ReportingStatus.REPORTED);
        // As of an instant: the last event recorded by then, and when.
        long lastThen = ledger.lastPositionAt(then);
        assertThat(before.asOfPosition()).isEqualTo(lastThen).isLessThan(ledger.headPosition());
        assertThat(before.recordedUpTo()).isEqualTo(ledger.events.get((int) lastThen).recordedAt()).isBeforeOrEqualTo(then);
        assertThat(before.asOf()).isEqualTo(then);
        CommitmentView pledgedOnly = read.commitmentAsOf("c1", Instant.parse("2021-03-30T10:00:10Z")).orElseThrow();
        assertThat(pledgedOnly.status()).isEqualTo(CommitmentStatus.PLEDGED);
        assertThat(read.commitmentAsOf("c1", Instant.parse("2021-01-01T00:00:00Z"))).isEmpty();
        CommitmentView latest = read.commitmentAsOf("c1", Instant.parse("2030-01-01T00:00:00Z")).orElseThrow();
        CommitmentView live = read.commitment("c1").orElseThrow();
        assertThat(latest).usingRecursiveComparison().ignoringFields("asOf").isEqualTo(live);

        History history = read.history().handle(new CommitmentHistory("c1", null));
        assertThat(history.entries()).extracting(History.Entry::event).containsExactly("CommitmentPledged", "PledgeAccepted",
                "CommitmentExtended", "ProgressReportFiled", "ProgressReportFiled", "ProgressReportCorrected");
        assertThat(history.entries()).extracting(History.Entry::year).containsExactly(null, null, null, 2021, 2022, 2022);
        assertThat(history.entries().get(5).reason()).isEqualTo("disbursement double counted");
        assertThat(history.entries().get(5).changes().keySet()).contains("status", "moneyDisbursed");
        assertThat(history.entries().get(5).changes().get("status").to()).isEqualTo(ProgressStatus.OFF_TRACK);
        assertThat(history.asOfPosition()).isEqualTo(ledger.headPosition());
        History historyThen = read.history().handle(new CommitmentHistory("c1", then));
        assertThat(historyThen.entries()).hasSize(4);
        assertThat(historyThen.asOfPosition()).isEqualTo(lastThen);
        assertThat(read.history().handle(new CommitmentHistory("nope", null)).entries()).isEmpty();
    }

    @Test
    void maker_profile_cycle_compliance_queue_and_lists() {
        TestLedger ledger = scenario();
        MongoDatabase db = TestLedger.freshDatabase();
        TestLedger.feed(ledger.events, 3, TestLedger.commitments(db));
        Rooms read = rooms(db, ledger, "2024-04-15T00:00:00Z");

        MakerProfile maker = read.makers().handle(new MakerById("gov-mx")).orElseThrow();
        assertThat(maker.commitments()).hasSize(2);
        assertThat(maker.reportingRecord()).filteredOn(y -> y.year() == 2022).singleElement()
                .satisfies(y -> assertThat(y).extracting("reported", "late").containsExactly(1, 1));
        assertThat(maker.reportingRecord()).filteredOn(y -> y.year() == 2023).singleElement()
                .satisfies(y -> assertThat(y.overdue()).isEqualTo(1));
        assertThat(maker.asOfPosition()).isEqualTo(ledger.headPosition());
        assertThat(read.makers().handle(new MakerById("nobody"))).isEmpty();
        // As of an instant: folded from the events recorded by then; nothing before the maker was registered.
        assertThat(read.makers().handle(new MakerById("gov-mx", Instant.parse("2024-04-15T00:00:00Z")))).contains(maker);
        assertThat(read.makers().handle(new MakerById("gov-mx", Instant.parse("2000-01-01T00:00:00Z")))).isEmpty();
        MakerProfile early = read.makers().handle(new MakerById("gov-mx", Instant.parse("2021-03-30T10:00:10Z"))).orElseThrow();
        assertThat(early.commitments()).extracting(MakerProfile.MakerCommitment::commitmentId).containsExactly("c1");
        assertThat(early.commitments().get(0).status()).isEqualTo(CommitmentStatus.PLEDGED);

        CycleCompliance cycle2022 = read.reporting().handle(new ReportingCycleCompliance(2022));
        assertThat(cycle2022.counts()).isEqualTo(new CycleCompliance.Counts(2, 1, 1, 1, 0));
        assertThat(cycle2022.commitments().get(0).reporting()).isEqualTo("overdue");
        assertThat(cycle2022.shareReported()).isEqualTo(0.5);

        ValidationQueue queue = read.queue(null, false, QueueScope.EVERYTHING);
        // c2 is active (gbv accepted) but ej has not answered yet: both wait for ej, the older first.
        assertThat(queue.items()).extracting(ValidationQueue.Pending::commitmentId).containsExactly("c2", "c3");
        assertThat(queue.items().get(0).overdue()).isTrue();
        assertThat(queue.items().get(0).initiativeName()).isEqualTo("Initiative ej");
        assertThat(read.queue("gbv", false, QueueScope.EVERYTHING).items()).isEmpty();

        assertThat(read.list(new CommitmentFilter("gbv", null, null, null, null, null, null), 0, 10).total()).isEqualTo(4);
        assertThat(read.list(new CommitmentFilter(null, "a2", null, null, null, null, null), 0, 10).items())
                .extracting(CommitmentRow::commitmentId).containsExactly("c2");
        assertThat(read.list(new CommitmentFilter(null, null, "GOVERNMENT", "MX", "active", 2025, "shelters"), 0, 10).total()).isEqualTo(1);
        assertThat(read.list(CommitmentFilter.none(), 1, 4).items()).hasSize(2);
        assertThat(read.commitments().handle(CommitmentList.all(CommitmentFilter.none())).items()).hasSize(6);
    }

    @Test
    void the_validation_queue_shows_each_reader_what_its_scope_lets_it_see() {
        TestLedger ledger = scenario();
        MongoDatabase db = TestLedger.freshDatabase();
        TestLedger.feed(ledger.events, 3, TestLedger.commitments(db));
        Rooms read = rooms(db, ledger, "2024-04-15T00:00:00Z");
        java.util.function.Function<QueueScope, List<String>> ids = scope ->
                read.queue(null, false, scope).items().stream().map(ValidationQueue.Pending::commitmentId).toList();

        assertThat(ids.apply(QueueScope.of(Actor.leaderOf("l", "ej")))).containsExactly("c2", "c3");
        assertThat(ids.apply(QueueScope.of(Actor.leaderOf("l", "gbv")))).isEmpty(); // gbv decided on all its pledges
        assertThat(ids.apply(QueueScope.of(Actor.allyOf("a", "gov-mx")))).containsExactly("c3");
        assertThat(ids.apply(QueueScope.of(Actor.allyOf("a", "ngo-se")))).containsExactly("c2");
        assertThat(ids.apply(QueueScope.of(Actor.allyOf("a")))).isEmpty();
        assertThat(ids.apply(QueueScope.of(Actor.auditor("x")))).containsExactly("c2", "c3");
        assertThat(read.queue("gbv", false, QueueScope.EVERYTHING).items()).isEmpty();
        assertThat(read.queue(null, true, QueueScope.EVERYTHING).items())
                .isNotEmpty().allSatisfy(q -> assertThat(q.overdue()).isTrue());
        Rooms beforeAnyDue = rooms(db, ledger, "2021-04-01T00:00:00Z"); // answers are due four weeks after the pledge
        assertThat(beforeAnyDue.queue(null, false, QueueScope.EVERYTHING).items()).hasSize(2);
        assertThat(beforeAnyDue.queue(null, true, QueueScope.EVERYTHING).items()).isEmpty();
    }

    @Test
    void a_makers_profile_sums_its_money_in_usd_and_keeps_what_cannot_be_converted_in_its_own_currency() {
        TestLedger ledger = scenario();
        ledger.pledge("c7", "gov-mx", TestLedger.details("Gold reserve", Money.of("5", "XAU"), 2024, 2025, EJ_E1), false);
        // With the rates the scenario records (none for gold), kept by the dashboards projection: as the dashboards convert.
        MongoDatabase db = TestLedger.freshDatabase();
        TestLedger.feed(ledger.events, 3, TestLedger.commitments(db), TestLedger.dashboards(db));
        Rooms read = rooms(db, ledger, "2024-04-15T00:00:00Z");

        MakerMoney money = read.makers().handle(new MakerById("gov-mx")).orElseThrow().money();
        // c1: 1,000,000 EUR pledged in 2021; 100,000 EUR disbursed for 2021 and 50,000 for 2022 (as corrected).
        assertThat(money.pledgedUsd()).isEqualByComparingTo(new BigDecimal("1.183").multiply(new BigDecimal("1000000")));
        assertThat(money.disbursedUsd()).isEqualByComparingTo(new BigDecimal("1.183").multiply(new BigDecimal("100000"))
                .add(new BigDecimal("1.053").multiply(new BigDecimal("50000"))).setScale(2, java.math.RoundingMode.HALF_EVEN));
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

}
