package org.equalityledger.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.bson.Document;
import org.equalityledger.api.common.LocalizedName;
import org.equalityledger.api.initiative.ActionDefined;
import org.equalityledger.api.initiative.GovernanceRole;
import org.equalityledger.api.initiative.GovernanceRoleAssigned;
import org.equalityledger.api.initiative.InitiativeKind;
import org.equalityledger.api.initiative.InitiativeLaunched;
import org.equalityledger.api.initiative.MeasurableTarget;
import org.equalityledger.api.initiative.PresidencyExtended;
import org.equalityledger.api.initiative.RoleHolder;
import org.equalityledger.api.initiative.Term;
import org.equalityledger.api.query.initiatives.FindInitiative;
import org.equalityledger.api.query.initiatives.InitiativeAnswer;
import org.equalityledger.api.query.initiatives.InitiativeList;
import org.equalityledger.api.query.initiatives.InitiativeSummary;
import org.equalityledger.api.query.initiatives.InitiativeView;
import org.equalityledger.api.query.initiatives.ListInitiatives;
import org.equalityledger.projections.dashboards.DashboardFiguresAsOf;
import org.equalityledger.projections.initiatives.InitiativeFold;
import org.equalityledger.projections.initiatives.InitiativeQueries;
import org.equalityledger.projections.initiatives.InitiativesProjector;
import org.equalityledger.projections.reference.Recorded;
import org.equalityledger.projections.reference.Regions;
import org.equalityledger.projections.store.Projector;
import org.equalityledger.projections.store.ReadModelJson;
import org.equalityledger.projections.store.ReadModels;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoDatabase;

/** The initiatives room fed events: its read model, and its answers now and as of an instant. */
class InitiativeProjectionTest {

    static final LocalizedName MCIG = new LocalizedName("Mexico cooperation table", "Mesa de cooperación", "Table de coopération", null, null);
    static final RoleHolder FRANCE = RoleHolder.organisation("France");
    static final RoleHolder IRELAND = RoleHolder.organisation("Ireland");
    static final RoleHolder SPAIN = RoleHolder.organisation("Spain");

    /** The Mexico table at its historical instants, a coalition at the forum, and a working group launched in 2026. */
    static TestLedger history() {
        TestLedger l = new TestLedger();
        l.at("2018-07-01T15:00:00Z");
        l.record("mx-mcig", new InitiativeLaunched("mx-mcig", InitiativeKind.COORDINATION_TABLE, "MCIG", MCIG, 2018, 2026, null, "s"));
        l.record("mx-mcig", new GovernanceRoleAssigned("mx-mcig", GovernanceRole.PRESIDENCY, FRANCE, Term.of("2018-07-01", "2019-06-30"), "s"));
        l.record("mx-mcig", new GovernanceRoleAssigned("mx-mcig", GovernanceRole.TECHNICAL_SECRETARIAT,
                RoleHolder.organisation("UN Women Mexico"), Term.of("2018-07-01", null), "s"));
        l.at("2019-07-01T15:00:00Z");
        l.record("mx-mcig", new GovernanceRoleAssigned("mx-mcig", GovernanceRole.PRESIDENCY, IRELAND, Term.of("2019-07-01", "2020-06-30"), "s"));
        l.at("2020-07-01T15:00:00Z");
        l.record("mx-mcig", new ActionDefined("mx-mcig", "MCIG-1", MCIG, List.of(
                new MeasurableTarget("agencies coordinated", new BigDecimal("12"), "agencies", 2026)), "s"));
        l.record("mx-mcig", new GovernanceRoleAssigned("mx-mcig", GovernanceRole.PRESIDENCY, SPAIN, Term.of("2020-07-01", "2021-06-30"), "s"));
        l.at("2021-03-29T15:00:00Z");
        l.initiative("gbv", "a1", "a2");
        l.at("2021-05-01T09:00:00Z");
        l.record("mx-mcig", new PresidencyExtended("mx-mcig", SPAIN, java.time.LocalDate.parse("2020-07-01"),
                java.time.LocalDate.parse("2021-06-30"), java.time.LocalDate.parse("2022-06-30"), "a second year", "s"));
        l.at("2026-02-01T09:00:00Z");
        l.record("wg-new", new InitiativeLaunched("wg-new", InitiativeKind.WORKING_GROUP, "WG-NEW", MCIG, 2026, 2026, null, "s"));
        return l;
    }

    final TestLedger ledger = history();
    final MongoDatabase db = TestLedger.freshDatabase();
    final InitiativesProjector projector = new InitiativesProjector(ReadModels.of(db));

    InitiativeQueries queries() {
        Recorded recorded = new Recorded(ReadModels.of(db), ledger, ledger::reached, TestLedger.PERIOD,
                Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC));
        return new InitiativeQueries(recorded,
                new DashboardFiguresAsOf(ReadModels.of(db), ledger, Regions.shipped(), TestLedger.PERIOD));
    }

    InitiativeView stored(String id) {
        Document doc = db.getCollection(InitiativesProjector.VIEWS).find(new Document("_id", id)).first();
        return doc == null ? null : ReadModelJson.fromStored(doc.get("state"), InitiativeView.class);
    }

    @Test
    void the_read_model_holds_each_initiative_as_its_events_fold_it_whatever_the_batches() {
        for (int batch : List.of(1, 3, 100)) {
            Projector.dropExisting(db, InitiativesProjector.COLLECTIONS);
            TestLedger.feed(ledger.events, batch, projector);
            for (String id : List.of("mx-mcig", "gbv", "wg-new")) {
                assertThat(stored(id)).as(id + " in batches of " + batch)
                        .isEqualTo(InitiativeFold.fold(ledger.eventsOf(id)).orElseThrow());
            }
        }
        InitiativeView table = stored("mx-mcig");
        assertThat(table.launchedAt()).isEqualTo("2018-07-01T15:00:01Z");
        assertThat(table.periodStartYear()).isEqualTo(2018);
        assertThat(table.actions()).singleElement().satisfies(a -> {
            assertThat(a.code()).isEqualTo("MCIG-1");
            assertThat(a.targets()).singleElement().extracting(MeasurableTarget::value).isEqualTo(new BigDecimal("12"));
        });
        // The whole history of holders, the extended presidency with its extension.
        assertThat(table.roles()).extracting(r -> r.holder().organisationName())
                .containsExactly("France", "UN Women Mexico", "Ireland", "Spain");
        assertThat(table.roles().get(3).term()).isEqualTo(Term.of("2020-07-01", "2022-06-30"));
        assertThat(table.roles().get(3).extensions()).singleElement()
                .satisfies(x -> assertThat(x.reason()).isEqualTo("a second year"));
    }

    /** Payloads as the ledger stored them in revision 1 (the Global Alliance for Care of the reference set). */
    static final String REVISION_1_LAUNCH = "{\"initiativeId\":\"gac\",\"kind\":\"ALLIANCE\",\"code\":\"GAC\","
            + "\"names\":{\"en\":\"Global Alliance for Care\",\"es\":\"Alianza Global por los Cuidados\","
            + "\"fr\":\"Alliance mondiale pour les soins\"},\"periodStartYear\":2021,\"periodEndYear\":2026,"
            + "\"parentInitiativeId\":\"ac-ejr\",\"by\":\"reference-loader\"}";
    static final String REVISION_1_ACTION = "{\"initiativeId\":\"gac\",\"actionCode\":\"GAC-1\",\"names\":{"
            + "\"en\":\"Exchange of experiences and communities of practice\","
            + "\"es\":\"Intercambio de experiencias y comunidades de práctica\","
            + "\"fr\":\"Échange d'expériences et communautés de pratique\"},\"targets\":[{\"description\":"
            + "\"Exchange and training workshops on care policies\",\"value\":5,\"unit\":\"workshops\","
            + "\"byYear\":2022}],\"by\":\"reference-loader\"}";

    @Test
    void names_of_both_revisions_answer_as_recorded_with_a_missing_language_absent() throws Exception {
        LocalizedName five = new LocalizedName("Care data", "Datos de cuidados", "Données sur les soins",
                "Данные об уходе", "بيانات الرعاية");
        ledger.at("2021-03-30T14:00:00Z");
        ledger.record("gac", ReadModelJson.MAPPER.readValue(REVISION_1_LAUNCH, InitiativeLaunched.class));
        ledger.record("gac", ReadModelJson.MAPPER.readValue(REVISION_1_ACTION, ActionDefined.class));
        ledger.at("2026-02-02T09:00:00Z");
        ledger.record("gac", new ActionDefined("gac", "GAC-5", five, List.of(), "s"));
        TestLedger.feed(ledger.events, 2, projector);
        InitiativeQueries q = queries();

        for (Instant at : java.util.Arrays.asList(null, Instant.parse("2026-02-03T00:00:00Z"))) {
            InitiativeView gac = q.handle(new FindInitiative("gac", at)).orElseThrow().initiative();
            assertThat(gac.names().given()).containsOnlyKeys("en", "fr", "es");
            assertThat(gac.actions()).extracting(a -> a.names().ar()).containsExactly(null, "بيانات الرعاية");
            assertThat(gac.actions().get(1).names()).isEqualTo(five);
        }
        String state = db.getCollection(InitiativesProjector.VIEWS).find(new Document("_id", "gac")).first()
                .get("state").toString();
        assertThat(state).contains("\"names\":{\"en\":\"Global Alliance for Care\",\"es\":\"Alianza Global por los Cuidados\","
                + "\"fr\":\"Alliance mondiale pour les soins\"}").contains("\"ar\":\"بيانات الرعاية\"");
        assertThat(q.handle(new ListInitiatives(InitiativeKind.ALLIANCE, null)).initiatives())
                .singleElement().satisfies(g -> assertThat(g.names().ru()).isNull());
    }

    @Test
    void a_replayed_batch_changes_nothing_twice() {
        TestLedger.feed(ledger.events, 100, projector);
        TestLedger.feed(ledger.events, 2, projector);
        assertThat(stored("mx-mcig").roles()).hasSize(4);
        assertThat(stored("mx-mcig").roles().get(3).extensions()).hasSize(1);
    }

    @Test
    void as_of_an_instant_an_initiative_launched_later_is_absent_and_present_after() {
        TestLedger.feed(ledger.events, 100, projector);
        InitiativeQueries q = queries();

        InitiativeList in2021 = q.handle(new ListInitiatives(null, Instant.parse("2021-12-31T00:00:00Z")));
        assertThat(in2021.initiatives()).extracting(InitiativeSummary::initiativeId).containsExactly("gbv", "mx-mcig");
        assertThat(in2021.recordedUpTo()).isEqualTo(ledger.events.get((int) in2021.asOfPosition()).recordedAt());
        assertThat(q.handle(new FindInitiative("wg-new", Instant.parse("2021-12-31T00:00:00Z")))).isEmpty();
        assertThat(q.handle(new ListInitiatives(null, Instant.parse("2018-06-30T00:00:00Z"))).initiatives()).isEmpty();

        InitiativeList now = q.handle(new ListInitiatives(null, null));
        assertThat(now.initiatives()).extracting(InitiativeSummary::initiativeId).containsExactly("gbv", "mx-mcig", "wg-new");
        assertThat(now.asOfPosition()).isEqualTo(ledger.headPosition());
        assertThat(q.handle(new ListInitiatives(InitiativeKind.WORKING_GROUP, null)).initiatives())
                .extracting(InitiativeSummary::initiativeId).containsExactly("wg-new");
        assertThat(q.handle(new ListInitiatives(InitiativeKind.COORDINATION_TABLE, Instant.parse("2019-01-01T00:00:00Z")))
                .initiatives()).extracting(InitiativeSummary::initiativeId).containsExactly("mx-mcig");
    }

    @Test
    void as_of_a_date_in_each_presidency_the_table_shows_its_holder_and_only_the_roles_assigned_by_then() {
        TestLedger.feed(ledger.events, 100, projector);
        InitiativeQueries q = queries();

        InitiativeAnswer in2019 = q.handle(new FindInitiative("mx-mcig", Instant.parse("2019-03-01T00:00:00Z"))).orElseThrow();
        assertThat(in2019.presidency().holder()).isEqualTo(FRANCE);
        assertThat(in2019.initiative().roles()).extracting(r -> r.holder().organisationName())
                .containsExactly("France", "UN Women Mexico");
        assertThat(in2019.initiative().actions()).isEmpty();

        InitiativeAnswer in2020 = q.handle(new FindInitiative("mx-mcig", Instant.parse("2020-03-01T00:00:00Z"))).orElseThrow();
        assertThat(in2020.presidency().holder()).isEqualTo(IRELAND);
        assertThat(in2020.initiative().roles()).hasSize(3);

        InitiativeAnswer in2021 = q.handle(new FindInitiative("mx-mcig", Instant.parse("2021-03-01T00:00:00Z"))).orElseThrow();
        assertThat(in2021.presidency().holder()).isEqualTo(SPAIN);
        assertThat(in2021.presidency().term().end()).hasToString("2021-06-30"); // not yet extended then
        assertThat(in2021.initiative().actions()).extracting(a -> a.code()).containsExactly("MCIG-1");

        InitiativeAnswer in2022 = q.handle(new FindInitiative("mx-mcig", Instant.parse("2022-03-01T00:00:00Z"))).orElseThrow();
        assertThat(in2022.presidency().holder()).isEqualTo(SPAIN); // the second year of the extension
        assertThat(in2022.presidency().extensions()).hasSize(1);

        assertThat(q.handle(new FindInitiative("mx-mcig", null)).orElseThrow().presidency()).isNull(); // nobody in 2026
        assertThat(q.handle(new FindInitiative("mx-mcig", Instant.parse("2018-06-30T00:00:00Z")))).isEmpty();
    }
}
