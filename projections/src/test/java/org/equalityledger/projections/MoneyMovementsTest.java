package org.equalityledger.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.equalityledger.api.commitment.CommitmentAmended;
import org.equalityledger.api.commitment.CommitmentPledged;
import org.equalityledger.api.commitment.TargetAction;
import org.equalityledger.api.common.Money;
import org.equalityledger.api.query.rates.MoneyMovement;
import org.equalityledger.api.rates.UsdRateRecorded;
import org.equalityledger.api.reporting.ProgressReportCorrected;
import org.equalityledger.api.reporting.ProgressReportFiled;
import org.equalityledger.api.reporting.ProgressStatus;
import org.equalityledger.projections.model.CommitmentFold;
import org.equalityledger.projections.model.CommitmentState;
import org.equalityledger.projections.model.MoneyMovements;
import org.equalityledger.projections.rates.RecordedRates;
import org.junit.jupiter.api.Test;

/** A commitment's money movements: pledged, revised, disbursed, each with the rate it converted at, or none. */
class MoneyMovementsTest {

    static final Instant PLEDGED = Instant.parse("2021-07-01T10:00:00Z");
    static final Instant REVISED = Instant.parse("2021-09-01T10:00:00Z");
    static final Instant REPORTED = Instant.parse("2022-02-01T10:00:00Z");

    static CommitmentState folded() {
        var details = TestLedger.details("Care", Money.of("150000000", "CRC"), 2021, 2023, new TargetAction("gac", "g1"));
        CommitmentState s = CommitmentFold.apply(null, new CommitmentPledged("c1", "m1", details, false, PLEDGED,
                PLEDGED.plusSeconds(86_400 * 28), "ally"), PLEDGED);
        s = CommitmentFold.apply(s, new CommitmentAmended("c1", List.of("title"), details.withEnd(java.time.LocalDate.of(2023, 12, 31)),
                false, java.util.Set.of(), null, "no money change", REVISED, "ally"), REVISED);
        var raised = TestLedger.details("Care", Money.of("200000000", "CRC"), 2021, 2023, new TargetAction("gac", "g1"));
        s = CommitmentFold.apply(s, new CommitmentAmended("c1", List.of("financial"), raised, false, java.util.Set.of(), null,
                "budget raised", REVISED, "ally"), REVISED);
        s = CommitmentFold.apply(s, new ProgressReportFiled("c1", 2021, TestLedger.report(ProgressStatus.ON_TRACK,
                Money.of("1000", "USD")), 1, REPORTED, null, false, "ally"), REPORTED);
        s = CommitmentFold.apply(s, new ProgressReportFiled("c1", 2022, TestLedger.report(ProgressStatus.ON_TRACK,
                Money.of("5000000", "CRC")), 1, REPORTED, null, false, "ally"), REPORTED);
        return CommitmentFold.apply(s, new ProgressReportCorrected("c1", 2022, TestLedger.report(ProgressStatus.ON_TRACK,
                Money.of("4000000", "CRC")), 2, 1, "typo", REPORTED, "ally"), REPORTED);
    }

    @Test
    void pledged_revised_and_disbursed_in_order_each_at_the_rate_of_its_year() {
        RecordedRates rates = RecordedRates.NONE
                .with(new UsdRateRecorded("CRC", 2021, new BigDecimal("0.001611"), "IMF IFS 2021", null, null, "s"), 7,
                        Instant.parse("2022-01-15T09:00:00Z"));
        List<MoneyMovement> movements = MoneyMovements.of(folded(), rates);
        assertThat(movements).extracting(MoneyMovement::kind).containsExactly("PLEDGED", "REVISED", "DISBURSED", "DISBURSED");
        MoneyMovement pledged = movements.get(0);
        assertThat(pledged.amount()).isEqualByComparingTo("150000000");
        assertThat(pledged.inForce()).isFalse();
        assertThat(pledged.usd()).isEqualByComparingTo("241650.00");
        assertThat(pledged.rate().position()).isEqualTo(7);
        assertThat(pledged.rate().source()).isEqualTo("IMF IFS 2021");
        MoneyMovement revised = movements.get(1);
        assertThat(revised.recordedAt()).isEqualTo(REVISED);
        assertThat(revised.rateYear()).isEqualTo(2021);
        assertThat(revised.inForce()).isTrue();
        assertThat(revised.usd()).isEqualByComparingTo("322200.00");
        MoneyMovement dollars = movements.get(2);
        assertThat(dollars.usd()).isEqualByComparingTo("1000.00");
        assertThat(dollars.rate()).isNull();
        MoneyMovement colones2022 = movements.get(3);
        assertThat(colones2022.amount()).as("the correction in force").isEqualByComparingTo("4000000");
        assertThat(colones2022.rateYear()).isEqualTo(2022);
        assertThat(colones2022.usd()).as("no rate for 2022").isNull();
        assertThat(colones2022.rate()).isNull();
        assertThat(colones2022.currency()).isEqualTo("CRC");
    }

    @Test
    void the_rate_keys_are_the_currencies_and_years_the_dashboards_convert() {
        assertThat(MoneyMovements.rateKeys(folded())).containsExactlyInAnyOrder("CRC|2021", "CRC|2022");
        assertThat(MoneyMovements.rateKeys(null)).isEmpty();
    }

    @Test
    void an_amount_beyond_the_read_side_s_whole_numbers_is_counted_unconverted_not_failed_on() {
        var huge = org.equalityledger.api.rates.UsdRatePolicy.usdCents(Money.of("999999999999999999", "USD"), java.util.Optional.empty());
        assertThat(huge).isEmpty();
        assertThat(org.equalityledger.api.rates.UsdRatePolicy.hundredths(new BigDecimal("92233720368547758.07"))).contains(Long.MAX_VALUE);
        assertThat(org.equalityledger.api.rates.UsdRatePolicy.hundredths(new BigDecimal("92233720368547758.08"))).isEmpty();
    }
}
