package org.equalityledger.service.domain.initiative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.domain.BadInput.fieldsNamedBy;
import static org.equalityledger.service.domain.Refusals.brokenRule;
import static org.equalityledger.service.domain.Refusals.notPermitted;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.LocalizedName;
import org.equalityledger.api.initiative.ActionDefined;
import org.equalityledger.api.initiative.AssignGovernanceRole;
import org.equalityledger.api.initiative.DefineAction;
import org.equalityledger.api.initiative.ExtendPresidency;
import org.equalityledger.api.initiative.GovernanceRole;
import org.equalityledger.api.initiative.GovernanceRoleAssigned;
import org.equalityledger.api.initiative.InitiativeKind;
import org.equalityledger.api.initiative.InitiativeLaunched;
import org.equalityledger.api.initiative.LaunchInitiative;
import org.equalityledger.api.initiative.MeasurableTarget;
import org.equalityledger.api.initiative.PresidencyExtended;
import org.equalityledger.api.initiative.RoleHolder;
import org.equalityledger.api.initiative.Term;
import org.equalityledger.api.maker.StakeholderGroup;
import org.equalityledger.service.domain.FakeReferenceData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InitiativeTest {

    static final Actor SECRETARIAT = Actor.secretariat("u-secretariat");
    static final Actor ALLY = Actor.allyOf("u-ally", "mk-inmujeres");
    static final Actor AUDITOR = Actor.auditor("u-auditor");
    static final LocalizedName EJR = new LocalizedName("Economic Justice and Rights",
            "Justicia y derechos económicos", "Justice et droits économiques", null, null);
    static final LocalizedName GAC = new LocalizedName("Global Alliance for Care", "Alianza Global por los Cuidados",
            "Alliance mondiale pour les soins", "Глобальный альянс по уходу", "التحالف العالمي من أجل الرعاية");
    static final LocalizedName MCIG = new LocalizedName("International Cooperation Table for Gender Equality in Mexico",
            "Mesa de Cooperación Internacional para la Igualdad de Género en México",
            "Table de coopération internationale pour l'égalité des genres au Mexique", null, null);
    static final List<MeasurableTarget> TARGETS = List.of(
            new MeasurableTarget("decent care jobs created", new BigDecimal("80000000"), "jobs", 2026));

    FixtureConfiguration<Initiative> fixture;
    FakeReferenceData referenceData;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Initiative.class);
        referenceData = new FakeReferenceData()
                .initiative("ac-ejr", 2021, 2026, Set.of("EJR-1"))
                .maker("mk-inmujeres", StakeholderGroup.GOVERNMENT, "MX");
        fixture.registerInjectableResource(referenceData);
    }

    static InitiativeLaunched coalitionLaunched() {
        return new InitiativeLaunched("ac-ejr", InitiativeKind.ACTION_COALITION, "EJR", EJR, 2021, 2026, null,
                "u-secretariat");
    }

    static InitiativeLaunched tableLaunched() {
        return new InitiativeLaunched("mx-mcig", InitiativeKind.COORDINATION_TABLE, "MCIG", MCIG, 2018, 2026, null,
                "u-secretariat");
    }

    static ActionDefined action(String initiativeId, String code) {
        return new ActionDefined(initiativeId, code, new LocalizedName(code, code, code, null, null), TARGETS, "u-secretariat");
    }

    static LocalizedName names(String code) {
        return new LocalizedName(code + " en", code + " es", code + " fr", null, null);
    }

    // ---- Launching ----

    @Test
    void the_secretariat_launches_an_initiative_with_its_period_defaulting_to_2021_2026() {
        fixture.givenNoPriorActivity()
                .when(new LaunchInitiative("ac-ejr", InitiativeKind.ACTION_COALITION, "EJR", EJR, null, null,
                        null, SECRETARIAT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(coalitionLaunched());
    }

    @Test
    void the_implementation_period_is_configurable_per_initiative() {
        fixture.givenNoPriorActivity()
                .when(new LaunchInitiative("mx-mcig", InitiativeKind.COORDINATION_TABLE, "MCIG", MCIG, 2018,
                        2026, null, SECRETARIAT))
                .expectEvents(tableLaunched());
    }

    @Test
    void only_the_secretariat_launches_initiatives() {
        fixture.givenNoPriorActivity()
                .when(new LaunchInitiative("ac-ejr", InitiativeKind.ACTION_COALITION, "EJR", EJR, null, null,
                        null, ALLY))
                .expectException(notPermitted())
                .expectNoEvents();
    }

    @Test
    void an_auditor_changes_nothing_even_when_also_secretariat() {
        Actor both = new Actor("u-x", Set.of(org.equalityledger.api.common.Role.AUDITOR,
                org.equalityledger.api.common.Role.SECRETARIAT), Set.of(), Set.of());
        fixture.givenNoPriorActivity()
                .when(new LaunchInitiative("ac-ejr", InitiativeKind.ACTION_COALITION, "EJR", EJR, null, null,
                        null, both))
                .expectException(notPermitted());
    }

    @Test
    void an_initiative_id_is_launched_once() {
        fixture.given(coalitionLaunched())
                .when(new LaunchInitiative("ac-ejr", InitiativeKind.ACTION_COALITION, "EJR", EJR, null, null,
                        null, SECRETARIAT))
                .expectException(brokenRule("initiative.already-launched"))
                .expectNoEvents();
    }

    @Test
    void an_alliance_sits_under_an_existing_parent_initiative() {
        fixture.givenNoPriorActivity()
                .when(new LaunchInitiative("gac", InitiativeKind.ALLIANCE, "GAC", GAC, null, null, "ac-ejr",
                        SECRETARIAT))
                .expectEvents(new InitiativeLaunched("gac", InitiativeKind.ALLIANCE, "GAC", GAC, 2021, 2026,
                        "ac-ejr", "u-secretariat"));
    }

    @Test
    void an_action_is_named_in_five_languages_even_under_an_initiative_named_in_three() {
        LocalizedName five = new LocalizedName("Care jobs", "Empleos de cuidados", "Emplois de soins",
                "Рабочие места в сфере ухода", "وظائف الرعاية");
        fixture.given(coalitionLaunched())
                .when(new DefineAction("ac-ejr", "EJR-1", five, TARGETS, SECRETARIAT))
                .expectEvents(new ActionDefined("ac-ejr", "EJR-1", five, TARGETS, "u-secretariat"));
    }

    @Test
    void the_parent_initiative_must_exist() {
        fixture.givenNoPriorActivity()
                .when(new LaunchInitiative("gac", InitiativeKind.ALLIANCE, "GAC", GAC, null, null, "ac-unknown",
                        SECRETARIAT))
                .expectException(brokenRule("initiative.parent.unknown"));
    }

    @Test
    void a_launch_names_every_bad_field() {
        assertThat(fieldsNamedBy(() -> new LaunchInitiative(" ", null, "", new LocalizedName("Care", "", null, null, null),
                2027, 2021, null, SECRETARIAT)))
                .containsExactly("initiativeId", "kind", "code", "names.es", "names.fr", "periodEndYear");
    }

    @Test
    void an_initiative_cannot_be_its_own_parent() {
        assertThat(fieldsNamedBy(() -> new LaunchInitiative("gac", InitiativeKind.ALLIANCE, "GAC", GAC, null,
                null, "gac", SECRETARIAT))).containsExactly("parentInitiativeId");
    }

    // ---- Actions ----

    @Test
    void the_secretariat_defines_an_action_with_measurable_targets() {
        fixture.given(coalitionLaunched())
                .when(new DefineAction("ac-ejr", "EJR-1", names("EJR-1"), TARGETS, SECRETARIAT))
                .expectEvents(new ActionDefined("ac-ejr", "EJR-1", names("EJR-1"), TARGETS, "u-secretariat"));
    }

    @Test
    void only_the_secretariat_defines_actions() {
        fixture.given(coalitionLaunched())
                .when(new DefineAction("ac-ejr", "EJR-1", names("EJR-1"), TARGETS, AUDITOR))
                .expectException(notPermitted());
    }

    @Test
    void an_action_code_is_unique_within_its_initiative() {
        fixture.given(coalitionLaunched(), action("ac-ejr", "EJR-1"))
                .when(new DefineAction("ac-ejr", "EJR-1", names("EJR-1"), TARGETS, SECRETARIAT))
                .expectException(brokenRule("initiative.action.duplicate-code"));
    }

    @Test
    void a_coalition_takes_a_fourth_action() {
        fixture.given(coalitionLaunched(), action("ac-ejr", "EJR-1"), action("ac-ejr", "EJR-2"),
                        action("ac-ejr", "EJR-3"))
                .when(new DefineAction("ac-ejr", "EJR-4", names("EJR-4"), TARGETS, SECRETARIAT))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_coalition_has_at_most_four_actions_and_says_so() {
        fixture.given(coalitionLaunched(), action("ac-ejr", "EJR-1"), action("ac-ejr", "EJR-2"),
                        action("ac-ejr", "EJR-3"), action("ac-ejr", "EJR-4"))
                .when(new DefineAction("ac-ejr", "EJR-5", names("EJR-5"), TARGETS, SECRETARIAT))
                .expectException(brokenRule("initiative.actions.at-most-four"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("at most four actions"));
    }

    @Test
    void a_compact_has_at_most_four_actions_too() {
        InitiativeLaunched compact = new InitiativeLaunched("wps", InitiativeKind.COMPACT, "WPS-HA", names("WPS"),
                2021, 2026, null, "u-secretariat");
        fixture.given(compact, action("wps", "A1"), action("wps", "A2"), action("wps", "A3"), action("wps", "A4"))
                .when(new DefineAction("wps", "A5", names("A5"), TARGETS, SECRETARIAT))
                .expectException(brokenRule("initiative.actions.at-most-four"));
    }

    @Test
    void an_alliance_may_have_more_than_four_priority_areas() {
        InitiativeLaunched alliance = new InitiativeLaunched("gac", InitiativeKind.ALLIANCE, "GAC", GAC, 2021, 2026,
                "ac-ejr", "u-secretariat");
        fixture.given(alliance, action("gac", "A1"), action("gac", "A2"), action("gac", "A3"), action("gac", "A4"))
                .when(new DefineAction("gac", "A5", names("A5"), TARGETS, SECRETARIAT))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void an_action_needs_at_least_one_measurable_target() {
        assertThat(fieldsNamedBy(() -> new DefineAction("ac-ejr", "EJR-1", names("x"), List.of(), SECRETARIAT)))
                .containsExactly("targets");
        assertThat(fieldsNamedBy(() -> new DefineAction("ac-ejr", "EJR 1", names("x"),
                List.of(new MeasurableTarget("", new BigDecimal("-1"), null, 1999)), SECRETARIAT)))
                .containsExactly("actionCode", "targets[0].description", "targets[0].value", "targets[0].unit",
                        "targets[0].byYear");
    }

    // ---- Governance ----

    final Term france = Term.of("2018-07-01", "2019-06-30");
    final Term ireland = Term.of("2019-07-01", "2020-06-30");

    GovernanceRoleAssigned presidency(String who, Term term) {
        return new GovernanceRoleAssigned("mx-mcig", GovernanceRole.PRESIDENCY, RoleHolder.organisation(who), term,
                "u-secretariat");
    }

    @Test
    void the_secretariat_assigns_a_role_to_a_registered_maker_for_a_term() {
        fixture.given(coalitionLaunched())
                .when(new AssignGovernanceRole("ac-ejr", GovernanceRole.LEADER, RoleHolder.maker("mk-inmujeres"),
                        Term.of("2021-03-30", null), SECRETARIAT))
                .expectEvents(new GovernanceRoleAssigned("ac-ejr", GovernanceRole.LEADER,
                        RoleHolder.maker("mk-inmujeres"), Term.of("2021-03-30", null), "u-secretariat"));
    }

    @Test
    void only_the_secretariat_assigns_roles() {
        fixture.given(coalitionLaunched())
                .when(new AssignGovernanceRole("ac-ejr", GovernanceRole.LEADER, RoleHolder.maker("mk-inmujeres"),
                        Term.of("2021-03-30", null), ALLY))
                .expectException(notPermitted());
    }

    @Test
    void a_role_held_by_a_maker_needs_a_registered_maker() {
        fixture.given(coalitionLaunched())
                .when(new AssignGovernanceRole("ac-ejr", GovernanceRole.LEADER, RoleHolder.maker("mk-nobody"),
                        Term.of("2021-03-30", null), SECRETARIAT))
                .expectException(brokenRule("initiative.role.unknown-maker"));
    }

    @Test
    void a_holder_does_not_hold_the_same_role_twice_at_once() {
        GovernanceRoleAssigned member = new GovernanceRoleAssigned("mx-mcig", GovernanceRole.MEMBER,
                RoleHolder.organisation("GIZ"), Term.of("2020-07-01", null), "u-secretariat");
        fixture.given(tableLaunched(), member)
                .when(new AssignGovernanceRole("mx-mcig", GovernanceRole.MEMBER, RoleHolder.organisation("GIZ"),
                        Term.of("2021-01-01", "2021-12-31"), SECRETARIAT))
                .expectException(brokenRule("initiative.role.already-held"));
    }

    @Test
    void many_members_hold_the_member_role_at_once() {
        GovernanceRoleAssigned member = new GovernanceRoleAssigned("mx-mcig", GovernanceRole.MEMBER,
                RoleHolder.organisation("GIZ"), Term.of("2020-07-01", null), "u-secretariat");
        fixture.given(tableLaunched(), member)
                .when(new AssignGovernanceRole("mx-mcig", GovernanceRole.MEMBER, RoleHolder.organisation("AECID"),
                        Term.of("2020-07-01", null), SECRETARIAT))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_presidency_is_held_for_one_year() {
        fixture.given(tableLaunched())
                .when(new AssignGovernanceRole("mx-mcig", GovernanceRole.PRESIDENCY, RoleHolder.organisation("France"),
                        france, SECRETARIAT))
                .expectEvents(presidency("France", france));
    }

    @Test
    void a_presidency_term_is_not_longer_than_one_year() {
        fixture.given(tableLaunched())
                .when(new AssignGovernanceRole("mx-mcig", GovernanceRole.PRESIDENCY, RoleHolder.organisation("France"),
                        Term.of("2018-07-01", "2020-06-30"), SECRETARIAT))
                .expectException(brokenRule("initiative.presidency.one-year-term"));
    }

    @Test
    void a_presidency_term_is_not_open_ended() {
        fixture.given(tableLaunched())
                .when(new AssignGovernanceRole("mx-mcig", GovernanceRole.PRESIDENCY, RoleHolder.organisation("France"),
                        Term.of("2018-07-01", null), SECRETARIAT))
                .expectException(brokenRule("initiative.presidency.one-year-term"));
    }

    @Test
    void the_presidency_rotates_to_the_next_holder_after_the_term() {
        fixture.given(tableLaunched(), presidency("France", france))
                .when(new AssignGovernanceRole("mx-mcig", GovernanceRole.PRESIDENCY,
                        RoleHolder.organisation("Ireland"), ireland, SECRETARIAT))
                .expectEvents(presidency("Ireland", ireland));
    }

    @Test
    void the_presidency_has_one_holder_at_a_time() {
        fixture.given(tableLaunched(), presidency("France", france))
                .when(new AssignGovernanceRole("mx-mcig", GovernanceRole.PRESIDENCY,
                        RoleHolder.organisation("Ireland"), Term.of("2019-01-01", "2019-12-31"), SECRETARIAT))
                .expectException(brokenRule("initiative.presidency.one-holder-at-a-time"));
    }

    @Test
    void a_presidency_is_extended_once_by_a_second_year() {
        fixture.given(tableLaunched(), presidency("France", france))
                .when(new ExtendPresidency("mx-mcig", "agreed at the plenary", SECRETARIAT))
                .expectEvents(new PresidencyExtended("mx-mcig", RoleHolder.organisation("France"),
                        LocalDate.parse("2018-07-01"), LocalDate.parse("2019-06-30"),
                        LocalDate.parse("2020-06-30"), "agreed at the plenary", "u-secretariat"));
    }

    @Test
    void a_presidency_is_not_extended_twice() {
        PresidencyExtended extended = new PresidencyExtended("mx-mcig", RoleHolder.organisation("France"),
                france.start(), france.end(), LocalDate.parse("2020-06-30"), null, "u-secretariat");
        fixture.given(tableLaunched(), presidency("France", france), extended)
                .when(new ExtendPresidency("mx-mcig", null, SECRETARIAT))
                .expectException(brokenRule("initiative.presidency.extended-once"));
    }

    @Test
    void an_extended_presidency_still_has_one_holder_at_a_time() {
        PresidencyExtended extended = new PresidencyExtended("mx-mcig", RoleHolder.organisation("France"),
                france.start(), france.end(), LocalDate.parse("2020-06-30"), null, "u-secretariat");
        fixture.given(tableLaunched(), presidency("France", france), extended)
                .when(new AssignGovernanceRole("mx-mcig", GovernanceRole.PRESIDENCY,
                        RoleHolder.organisation("Ireland"), ireland, SECRETARIAT))
                .expectException(brokenRule("initiative.presidency.one-holder-at-a-time"));
    }

    @Test
    void only_the_latest_presidency_is_extended() {
        fixture.given(tableLaunched(), presidency("France", france), presidency("Ireland", ireland))
                .when(new ExtendPresidency("mx-mcig", null, SECRETARIAT))
                .expectEvents(new PresidencyExtended("mx-mcig", RoleHolder.organisation("Ireland"),
                        ireland.start(), ireland.end(), LocalDate.parse("2021-06-30"), null, "u-secretariat"));
    }

    @Test
    void there_must_be_a_presidency_to_extend() {
        fixture.given(tableLaunched())
                .when(new ExtendPresidency("mx-mcig", null, SECRETARIAT))
                .expectException(brokenRule("initiative.presidency.none"));
    }

    @Test
    void only_the_secretariat_extends_a_presidency() {
        fixture.given(tableLaunched(), presidency("France", france))
                .when(new ExtendPresidency("mx-mcig", null, ALLY))
                .expectException(notPermitted());
    }

    @Test
    void a_role_assignment_names_every_bad_field() {
        assertThat(fieldsNamedBy(() -> new AssignGovernanceRole("mx-mcig", null, new RoleHolder(null, null),
                new Term(LocalDate.parse("2019-01-01"), LocalDate.parse("2018-01-01")), SECRETARIAT)))
                .containsExactly("role", "holder", "term.end");
    }

    // ---- Facts ----

    @Test
    void an_initiative_tells_its_period_actions_and_current_leaders() {
        fixture.given(coalitionLaunched(), action("ac-ejr", "EJR-1"),
                        new GovernanceRoleAssigned("ac-ejr", GovernanceRole.LEADER, RoleHolder.maker("mk-mexico"),
                                Term.of("2021-03-30", null), "u-secretariat"),
                        new GovernanceRoleAssigned("ac-ejr", GovernanceRole.LEADER, RoleHolder.maker("mk-former"),
                                Term.of("2021-03-30", "2021-12-31"), "u-secretariat"),
                        new GovernanceRoleAssigned("ac-ejr", GovernanceRole.MEMBER, RoleHolder.maker("mk-member"),
                                Term.of("2021-03-30", null), "u-secretariat"))
                .when(new DefineAction("ac-ejr", "EJR-2", names("EJR-2"), TARGETS, SECRETARIAT))
                .expectState(initiative -> {
                    var facts = initiative.facts(LocalDate.parse("2022-06-01"));
                    assertThat(facts.periodStartYear()).isEqualTo(2021);
                    assertThat(facts.periodEndYear()).isEqualTo(2026);
                    assertThat(facts.actionCodes()).containsExactlyInAnyOrder("EJR-1", "EJR-2");
                    assertThat(facts.leaderMakerIds()).containsExactly("mk-mexico");
                });
    }
}
