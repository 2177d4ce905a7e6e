package org.equalityledger.service.domain.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.domain.BadInput.fieldsNamedBy;
import static org.equalityledger.service.domain.Refusals.brokenRule;
import static org.equalityledger.service.domain.Refusals.notPermitted;

import java.math.BigDecimal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.rates.RecordUsdRate;
import org.equalityledger.api.rates.UsdRateRecorded;
import org.equalityledger.service.domain.FakeReferenceData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CurrencyRatesTest {

    static final Actor SECRETARIAT = Actor.secretariat("u-secretariat");
    static final String BCCR = "Banco Central de Costa Rica, yearly average of the reference rate";
    static final BigDecimal RATE_2023 = new BigDecimal("0.001837");

    FixtureConfiguration<CurrencyRates> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CurrencyRates.class);
        fixture.registerInjectableResource(new FakeReferenceData());
    }

    static RecordUsdRate record(String rate, String source, String reason) {
        return new RecordUsdRate("CRC", 2023, new BigDecimal(rate), source, reason, SECRETARIAT);
    }

    static UsdRateRecorded recorded() {
        return new UsdRateRecorded("CRC", 2023, RATE_2023, BCCR, null, null, "u-secretariat");
    }

    @Test
    void the_secretariat_records_a_rate_with_its_source() {
        fixture.givenNoPriorActivity()
                .when(record("0.001837", BCCR, null))
                .expectEvents(recorded())
                .expectState(rates -> {
                    assertThat(rates.usdPerUnit(2023)).contains(RATE_2023);
                    assertThat(rates.usdPerUnit(2022)).isEmpty();
                });
    }

    @Test
    void only_the_secretariat_records_a_rate() {
        fixture.givenNoPriorActivity()
                .when(new RecordUsdRate("CRC", 2023, RATE_2023, BCCR, null, Actor.allyOf("u-ally", "mk-1")))
                .expectException(notPermitted())
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RecordUsdRate("CRC", 2023, RATE_2023, BCCR, null, Actor.leaderOf("u-leader", "gac")))
                .expectException(notPermitted());
    }

    @Test
    void an_auditor_records_nothing() {
        fixture.givenNoPriorActivity()
                .when(new RecordUsdRate("CRC", 2023, RATE_2023, BCCR, null, Actor.auditor("u-auditor")))
                .expectException(notPermitted());
    }

    @Test
    void a_rate_is_for_a_year_of_the_implementation_period() {
        fixture.givenNoPriorActivity()
                .when(new RecordUsdRate("CRC", 2019, RATE_2023, BCCR, null, SECRETARIAT))
                .expectException(brokenRule("usd-rate.year-outside-period"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RecordUsdRate("CRC", 2027, RATE_2023, BCCR, null, SECRETARIAT))
                .expectException(brokenRule("usd-rate.year-outside-period"));
    }

    @Test
    void a_second_rate_for_the_same_year_supersedes_the_first_only_with_a_reason() {
        fixture.given(recorded())
                .when(record("0.001840", BCCR, null))
                .expectException(brokenRule("usd-rate.correction-needs-reason"))
                .expectNoEvents();
        fixture.given(recorded())
                .when(record("0.001840", BCCR, "  "))
                .expectException(brokenRule("usd-rate.correction-needs-reason"));
    }

    @Test
    void a_correction_names_the_rate_it_supersedes_and_why() {
        fixture.given(recorded())
                .when(record("0.001840", BCCR + ", revised", "the central bank revised its 2023 average"))
                .expectEvents(new UsdRateRecorded("CRC", 2023, new BigDecimal("0.001840"), BCCR + ", revised",
                        RATE_2023, "the central bank revised its 2023 average", "u-secretariat"))
                .expectState(rates -> assertThat(rates.usdPerUnit(2023)).contains(new BigDecimal("0.001840")));
    }

    @Test
    void the_same_rate_from_the_same_source_is_not_recorded_twice() {
        fixture.given(recorded())
                .when(record("0.0018370", BCCR, "again"))
                .expectException(brokenRule("usd-rate.unchanged"))
                .expectNoEvents();
    }

    @Test
    void another_year_of_the_same_currency_is_a_first_rate() {
        fixture.given(recorded())
                .when(new RecordUsdRate("CRC", 2022, new BigDecimal("0.001545"), BCCR, null, SECRETARIAT))
                .expectEvents(new UsdRateRecorded("CRC", 2022, new BigDecimal("0.001545"), BCCR, null, null,
                        "u-secretariat"));
    }

    @Test
    void a_rate_names_a_known_currency_other_than_the_dollar_is_positive_with_bounded_decimals_and_a_readable_source() {
        assertThat(fieldsNamedBy(() -> new RecordUsdRate("XYZ", 2023, RATE_2023, BCCR, null, SECRETARIAT)))
                .containsExactly("currency");
        assertThat(fieldsNamedBy(() -> new RecordUsdRate("crc", 2023, RATE_2023, BCCR, null, SECRETARIAT)))
                .containsExactly("currency");
        assertThat(fieldsNamedBy(() -> new RecordUsdRate("USD", 2023, BigDecimal.ONE, BCCR, null, SECRETARIAT)))
                .containsExactly("currency");
        assertThat(fieldsNamedBy(() -> new RecordUsdRate("CRC", 2023, BigDecimal.ZERO, BCCR, null, SECRETARIAT)))
                .containsExactly("usdPerUnit");
        assertThat(fieldsNamedBy(() -> new RecordUsdRate("CRC", 2023, new BigDecimal("-0.0018"), BCCR, null, SECRETARIAT)))
                .containsExactly("usdPerUnit");
        assertThat(fieldsNamedBy(() -> new RecordUsdRate("CRC", 2023, new BigDecimal("0.00000000001"), BCCR, null,
                SECRETARIAT))).containsExactly("usdPerUnit");
        assertThat(fieldsNamedBy(() -> new RecordUsdRate("CRC", 2023, new BigDecimal("1000000"), BCCR, null,
                SECRETARIAT))).containsExactly("usdPerUnit");
        assertThat(fieldsNamedBy(() -> new RecordUsdRate("CRC", 2023, RATE_2023, " ", null, SECRETARIAT)))
                .containsExactly("source");
        assertThat(fieldsNamedBy(() -> new RecordUsdRate("CRC", 2023, RATE_2023, "BCCR\nrate", null, SECRETARIAT)))
                .containsExactly("source");
        assertThat(fieldsNamedBy(() -> new RecordUsdRate("CRC", null, null, null, null, SECRETARIAT)))
                .containsExactly("year", "usdPerUnit", "source");
    }
}
