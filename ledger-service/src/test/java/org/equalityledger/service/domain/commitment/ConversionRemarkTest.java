package org.equalityledger.service.domain.commitment;

import static org.equalityledger.service.domain.commitment.Pledges.*;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.equalityledger.api.commitment.AmendCommitment;
import org.equalityledger.api.commitment.CommitmentChanges;
import org.equalityledger.api.commitment.CommitmentType;
import org.equalityledger.api.commitment.PledgeCommitment;
import org.equalityledger.api.common.Money;
import org.equalityledger.api.rates.UsdRatePolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A financial part in a currency without a US-dollar rate for the pledge year is accepted, and the
 * answer warns that it cannot be converted yet: a remark of the answer, not a fact of the event (a
 * rate recorded later converts it without a new event of the commitment).
 */
class ConversionRemarkTest {

    FixtureConfiguration<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
        fixture.registerInjectableResource(referenceData().usdRate("MXN", 2021, "0.0493"));
    }

    PledgeCommitment pledgeIn(String currency) {
        return new PledgeCommitment(ID, MAKER, details().types(CommitmentType.FINANCIAL)
                .financial("150000000", currency).build(), ANA);
    }

    @Test
    void a_pledge_in_a_currency_without_a_rate_for_its_year_is_accepted_with_a_warning() {
        fixture.givenCurrentTime(PLEDGED_AT)
                .when(pledgeIn("CRC"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(List.of(UsdRatePolicy.RATE_UNKNOWN));
    }

    @Test
    void a_pledge_in_a_currency_with_a_rate_for_its_year_or_in_dollars_has_no_warning() {
        fixture.givenCurrentTime(PLEDGED_AT)
                .when(pledgeIn("MXN"))
                .expectResultMessagePayload(List.of());
        fixture.givenCurrentTime(PLEDGED_AT)
                .when(pledgeIn("USD"))
                .expectResultMessagePayload(List.of());
    }

    @Test
    void the_rate_of_the_pledge_year_counts_not_another_year_s() {
        fixture.givenCurrentTime(PLEDGED_AT.plusSeconds(366L * 86_400))
                .when(pledgeIn("MXN"))
                .expectResultMessagePayload(List.of(UsdRatePolicy.RATE_UNKNOWN));
    }

    @Test
    void an_amendment_to_a_financial_part_without_a_rate_warns_too() {
        fixture.given(pledged(details().types(CommitmentType.FINANCIAL).financial("150000000", "MXN").build()))
                .andGivenCurrentTime(PLEDGED_AT.plusSeconds(86_400))
                .when(new AmendCommitment(ID, CommitmentChanges.none().withFinancial(Money.of("150000000", "CRC")),
                        "pledged in colones", ANA))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(List.of(UsdRatePolicy.RATE_UNKNOWN));
    }
}
