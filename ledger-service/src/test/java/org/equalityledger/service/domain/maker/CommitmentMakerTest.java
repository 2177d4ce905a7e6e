package org.equalityledger.service.domain.maker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.domain.BadInput.fieldsNamedBy;
import static org.equalityledger.service.domain.Refusals.brokenRule;
import static org.equalityledger.service.domain.Refusals.notPermitted;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.maker.CommitmentMakerRegistered;
import org.equalityledger.api.maker.Hemisphere;
import org.equalityledger.api.maker.RegisterCommitmentMaker;
import org.equalityledger.api.maker.StakeholderGroup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommitmentMakerTest {

    static final Actor SECRETARIAT = Actor.secretariat("u-secretariat");

    FixtureConfiguration<CommitmentMaker> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CommitmentMaker.class);
    }

    static RegisterCommitmentMaker inamu(Actor actor) {
        return new RegisterCommitmentMaker("mk-inamu", "Instituto Nacional de las Mujeres (INAMU)",
                StakeholderGroup.GOVERNMENT, Hemisphere.GLOBAL_SOUTH, "CR", actor);
    }

    static CommitmentMakerRegistered inamuRegistered(String by) {
        return new CommitmentMakerRegistered("mk-inamu", "Instituto Nacional de las Mujeres (INAMU)",
                StakeholderGroup.GOVERNMENT, Hemisphere.GLOBAL_SOUTH, "CR", by);
    }

    @Test
    void the_secretariat_registers_a_commitment_maker() {
        fixture.givenNoPriorActivity()
                .when(inamu(SECRETARIAT))
                .expectEvents(inamuRegistered("u-secretariat"));
    }

    @Test
    void an_ally_registers_its_own_organisation() {
        fixture.givenNoPriorActivity()
                .when(inamu(Actor.allyOf("u-marcela", "mk-inamu")))
                .expectEvents(inamuRegistered("u-marcela"));
    }

    @Test
    void an_ally_does_not_register_another_organisation() {
        fixture.givenNoPriorActivity()
                .when(inamu(Actor.allyOf("u-marcela", "mk-other")))
                .expectException(notPermitted())
                .expectNoEvents();
    }

    @Test
    void an_auditor_registers_nobody() {
        fixture.givenNoPriorActivity()
                .when(inamu(Actor.auditor("u-auditor")))
                .expectException(notPermitted());
    }

    @Test
    void a_maker_is_registered_once() {
        fixture.given(inamuRegistered("u-secretariat"))
                .when(inamu(SECRETARIAT))
                .expectException(brokenRule("maker.already-registered"));
    }

    @Test
    void a_registration_names_every_bad_field() {
        assertThat(fieldsNamedBy(() -> new RegisterCommitmentMaker("mk inamu", " ", null, null, "XX", SECRETARIAT)))
                .containsExactly("makerId", "name", "stakeholderGroup", "hemisphere", "country");
    }

    @Test
    void a_country_is_an_upper_case_iso_3166_alpha_2_code() {
        assertThat(fieldsNamedBy(() -> new RegisterCommitmentMaker("mk-inamu", "INAMU", StakeholderGroup.GOVERNMENT,
                Hemisphere.GLOBAL_SOUTH, "cr", SECRETARIAT))).containsExactly("country");
        assertThat(fieldsNamedBy(() -> new RegisterCommitmentMaker("mk-inamu", "INAMU", StakeholderGroup.GOVERNMENT,
                Hemisphere.GLOBAL_SOUTH, "CRI", SECRETARIAT))).containsExactly("country");
    }

    @Test
    void every_command_needs_an_actor() {
        assertThat(fieldsNamedBy(() -> new RegisterCommitmentMaker("mk-inamu", "INAMU", StakeholderGroup.GOVERNMENT,
                Hemisphere.GLOBAL_SOUTH, "CR", null))).containsExactly("actor");
    }

    @Test
    void a_maker_tells_its_stakeholder_group() {
        fixture.givenNoPriorActivity()
                .when(inamu(SECRETARIAT))
                .expectState(maker -> assertThat(maker.facts().stakeholderGroup()).isEqualTo(StakeholderGroup.GOVERNMENT));
    }
}
