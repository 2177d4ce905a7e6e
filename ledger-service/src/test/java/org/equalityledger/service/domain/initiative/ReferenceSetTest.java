package org.equalityledger.service.domain.initiative;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.LocalizedName;
import org.equalityledger.api.initiative.AssignGovernanceRole;
import org.equalityledger.api.initiative.DefineAction;
import org.equalityledger.api.initiative.InitiativeKind;
import org.equalityledger.api.initiative.LaunchInitiative;
import org.equalityledger.service.domain.FakeReferenceData;
import org.junit.jupiter.api.Test;

/** The shipped reference set parses, every command in it validates, and the aggregates accept it all. */
class ReferenceSetTest {

    static final Actor SECRETARIAT = Actor.secretariat("u-reference-loader");

    final List<Object> commands = ReferenceSet.shipped().commands(SECRETARIAT);

    List<LaunchInitiative> launches() {
        return commands.stream().filter(LaunchInitiative.class::isInstance).map(LaunchInitiative.class::cast).toList();
    }

    Map<String, Long> actionsPerInitiative() {
        return commands.stream().filter(DefineAction.class::isInstance).map(DefineAction.class::cast)
                .collect(Collectors.groupingBy(DefineAction::initiativeId, Collectors.counting()));
    }

    @Test
    void the_reference_set_holds_the_six_coalitions_the_compact_the_care_alliance_and_the_mexico_table() {
        assertThat(launches()).extracting(LaunchInitiative::initiativeId).containsExactlyInAnyOrder(
                "ac-gbv", "ac-ejr", "ac-ba-srhr", "ac-facj", "ac-tige", "ac-fml", "compact-wps-ha", "gac", "mx-mcig");
        assertThat(launches()).filteredOn(l -> l.kind() == InitiativeKind.ACTION_COALITION).hasSize(6);
        assertThat(launches()).filteredOn(l -> l.kind() == InitiativeKind.COMPACT).hasSize(1);
    }

    @Test
    void every_coalition_and_the_compact_has_three_or_four_actions() {
        launches().stream().filter(l -> l.kind().hasBlueprintOfAtMostFourActions()).forEach(l ->
                assertThat(actionsPerInitiative().get(l.initiativeId())).as(l.initiativeId()).isBetween(3L, 4L));
    }

    @Test
    void every_initiative_and_action_is_named_in_the_five_languages_of_the_survey() {
        List<LocalizedName> names = commands.stream().map(c -> c instanceof LaunchInitiative l ? l.names()
                : c instanceof DefineAction d ? d.names() : null).filter(java.util.Objects::nonNull).toList();
        assertThat(names).hasSize(9 + 36);
        for (LocalizedName name : names) {
            assertThat(name.given().keySet()).as(name.en()).containsExactlyElementsOf(LocalizedName.LANGUAGES);
            assertThat(name.ru()).as(name.en()).containsPattern("\\p{IsCyrillic}");
            assertThat(name.ar()).as(name.en()).containsPattern("\\p{IsArabic}");
        }
        LaunchInitiative gac = launches().stream().filter(l -> l.initiativeId().equals("gac")).findFirst().orElseThrow();
        assertThat(gac.names().ru()).isEqualTo("Глобальный альянс по уходу");
        assertThat(gac.names().ar()).isEqualTo("التحالف العالمي من أجل الرعاية");
    }

    @Test
    void the_care_alliance_sits_under_the_economic_justice_coalition_which_is_launched_first() {
        LaunchInitiative gac = launches().stream().filter(l -> l.initiativeId().equals("gac")).findFirst().orElseThrow();
        assertThat(gac.kind()).isEqualTo(InitiativeKind.ALLIANCE);
        assertThat(gac.parentInitiativeId()).isEqualTo("ac-ejr");
        assertThat(gac.names().es()).isEqualTo("Alianza Global por los Cuidados");
        List<String> order = launches().stream().map(LaunchInitiative::initiativeId).toList();
        assertThat(order.indexOf("ac-ejr")).isLessThan(order.indexOf("gac"));
    }

    @Test
    void the_mexico_table_runs_from_2018_with_a_rotating_presidency() {
        LaunchInitiative table = launches().stream().filter(l -> l.initiativeId().equals("mx-mcig")).findFirst()
                .orElseThrow();
        assertThat(table.kind()).isEqualTo(InitiativeKind.COORDINATION_TABLE);
        assertThat(table.periodStartYear()).isEqualTo(2018);
        assertThat(commands).filteredOn(AssignGovernanceRole.class::isInstance).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void every_initiative_of_the_reference_set_is_accepted_by_its_aggregate() {
        FakeReferenceData everythingKnown = new FakeReferenceData();
        launches().forEach(l -> everythingKnown.initiative(l.initiativeId(), 2021, 2026, java.util.Set.of()));
        for (LaunchInitiative launch : launches()) {
            List<Object> own = commands.stream().filter(c -> initiativeOf(c).equals(launch.initiativeId())).toList();
            FixtureConfiguration<Initiative> fixture = new AggregateTestFixture<>(Initiative.class);
            fixture.registerInjectableResource(everythingKnown);
            fixture.givenCommands(own.subList(0, own.size() - 1))
                    .when(own.get(own.size() - 1))
                    .expectSuccessfulHandlerExecution();
        }
    }

    final List<ReferenceSet.Step> steps = ReferenceSet.shipped().steps(SECRETARIAT);

    Instant at(String initiativeId, Class<?> kind, String holder) {
        return steps.stream().filter(s -> kind.isInstance(s.command()) && initiativeOf(s.command()).equals(initiativeId))
                .filter(s -> holder == null || ((AssignGovernanceRole) s.command()).holder().organisationName().equals(holder))
                .map(ReferenceSet.Step::at).findFirst().orElseThrow();
    }

    @Test
    void the_reference_set_is_recorded_at_its_historical_instants_in_time_order() {
        assertThat(steps).extracting(ReferenceSet.Step::at).isSortedAccordingTo(Comparator.naturalOrder());
        // The Mexico table was installed in July 2018 (seed 004), each presidency recorded when its term began.
        assertThat(at("mx-mcig", LaunchInitiative.class, null)).isEqualTo("2018-07-01T15:00:00Z");
        assertThat(at("mx-mcig", AssignGovernanceRole.class, "France")).isEqualTo("2018-07-01T15:00:00Z");
        assertThat(at("mx-mcig", AssignGovernanceRole.class, "Ireland")).isEqualTo("2019-07-01T15:00:00Z");
        assertThat(at("mx-mcig", AssignGovernanceRole.class, "Spain")).isEqualTo("2020-07-01T15:00:00Z");
        // The coalitions, the compact and the care alliance at the Mexico City forum, 29-31 March 2021.
        Instant forumOpens = Instant.parse("2021-03-29T00:00:00Z");
        Instant forumCloses = Instant.parse("2021-04-01T00:00:00Z");
        for (String id : List.of("ac-gbv", "ac-ejr", "ac-ba-srhr", "ac-facj", "ac-tige", "ac-fml", "compact-wps-ha", "gac")) {
            assertThat(at(id, LaunchInitiative.class, null)).as(id).isBetween(forumOpens, forumCloses);
            assertThat(at(id, DefineAction.class, null)).as(id).isBetween(forumOpens, forumCloses);
        }
        // Before pledges open at the forum (30 March 2021, 15:00 in the demo data), everything pledged to is there.
        assertThat(steps).extracting(ReferenceSet.Step::at).allMatch(a -> a.isBefore(Instant.parse("2021-03-30T15:00:00Z")));
    }

    @Test
    void the_aggregates_accept_the_reference_set_with_the_clock_at_its_historical_instants() {
        FakeReferenceData everythingKnown = new FakeReferenceData();
        launches().forEach(l -> everythingKnown.initiative(l.initiativeId(), 2021, 2026, java.util.Set.of()));
        for (LaunchInitiative launch : launches()) {
            FixtureConfiguration<Initiative> fixture = new AggregateTestFixture<>(Initiative.class);
            fixture.registerInjectableResource(everythingKnown);
            List<ReferenceSet.Step> own = steps.stream().filter(s -> initiativeOf(s.command()).equals(launch.initiativeId())).toList();
            for (int i = 1; i <= own.size(); i++) {
                ReferenceSet.Step last = own.get(i - 1);
                fixture.givenCurrentTime(last.at())
                        .andGivenCommands(own.subList(0, i - 1).stream().map(ReferenceSet.Step::command).toList())
                        .when(last.command())
                        .expectSuccessfulHandlerExecution();
            }
        }
    }

    private static String initiativeOf(Object command) {
        if (command instanceof LaunchInitiative c) {
            return c.initiativeId();
        }
        if (command instanceof DefineAction c) {
            return c.initiativeId();
        }
        return ((AssignGovernanceRole) command).initiativeId();
    }
}
