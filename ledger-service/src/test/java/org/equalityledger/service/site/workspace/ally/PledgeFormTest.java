package org.equalityledger.service.site.workspace.ally;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.commitment.CommitmentStatus;
import org.equalityledger.api.commitment.CommitmentType;
import org.equalityledger.api.commitment.Indicator;
import org.equalityledger.api.commitment.OriginKind;
import org.equalityledger.api.common.Money;
import org.equalityledger.api.query.commitments.CommitmentById;
import org.equalityledger.api.query.commitments.CommitmentView;
import org.equalityledger.api.query.makers.MakerById;
import org.equalityledger.api.query.makers.MakerProfile;
import org.equalityledger.service.query.Queries;
import org.equalityledger.service.support.FormClient;
import org.equalityledger.service.support.LedgerServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The ally's pledge form and workspace over HTTP, as a browser sends them: a pledge recorded with every
 * field of the form, shown in the workspace with the decision it awaits; a refused pledge with the rule
 * beside its field and nothing recorded; a pledge sent twice recorded once; the buttons that only re-show
 * the form (another indicator row, a search for co-makers).
 */
@LedgerServiceTest
class PledgeFormTest {

    private static final String FORM = "/workspace/ally/pledges/new";
    private static final Pattern COMMITMENT = Pattern.compile("/workspace/ally/commitments/(commitment-[0-9a-f-]{36})");

    @LocalServerPort
    int port;

    @Autowired
    QueryGateway queries;

    @Test
    void a_pledge_is_recorded_with_every_field_and_shows_in_the_workspace_with_the_decision_it_awaits() {
        FormClient ally = new FormClient(port).signIn("ally-demo");
        String maker = register(ally, "Ministerio de Cuidados " + System.nanoTime(), "GOVERNMENT");

        FormClient.Page form = ally.get(FORM + "?maker=" + maker);
        assertThat(form.status()).isEqualTo(200);
        // The chosen maker is a government: the form says a financial part is expected of it (a text, no refusal).
        assertThat(form.html()).contains("a financial part is expected of it")
                .contains("value=\"gac:GAC-1\"").contains("at least one year and at most five");

        String title = "Sistema nacional de cuidados " + System.nanoTime();
        List<Map.Entry<String, String>> fields = pledge(form, maker, title, "2022", "2024");
        fields.add(Map.entry("types", "FINANCIAL"));
        fields.add(Map.entry("amount", "250000,50"));
        fields.add(Map.entry("currency", "mxn"));
        fields.add(Map.entry("targets", "gac:GAC-2"));
        FormClient.Page sent = ally.postMany(FORM, fields);
        assertThat(sent.status()).isEqualTo(302);
        Matcher id = COMMITMENT.matcher(sent.location());
        assertThat(id.find()).as(sent.location()).isTrue();

        CommitmentView recorded = Queries.optional(queries, new CommitmentById(id.group(1), null), CommitmentView.class).orElseThrow();
        assertThat(recorded.title()).isEqualTo(title);
        assertThat(recorded.maker().makerId()).isEqualTo(maker);
        assertThat(recorded.status()).isEqualTo(CommitmentStatus.PLEDGED);
        assertThat(recorded.types()).containsExactly(CommitmentType.FINANCIAL, CommitmentType.POLICY);
        assertThat(recorded.financial()).isEqualTo(new Money(new BigDecimal("250000.50"), "MXN"));
        assertThat(recorded.targets()).extracting(t -> t.initiativeId() + ":" + t.actionCode()).containsExactly("gac:GAC-1", "gac:GAC-2");
        assertThat(recorded.indicators()).containsExactly(new Indicator("CARE-JOBS", "jobs, full time", BigDecimal.ZERO, new BigDecimal("1000")));
        assertThat(recorded.countries()).containsExactly("CR", "MX");
        assertThat(recorded.start()).isEqualTo(LocalDate.of(2022, 1, 1));
        assertThat(recorded.end()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(recorded.origin().kind()).isEqualTo(OriginKind.FORUM);
        assertThat(recorded.origin().forumName()).isEqualTo("Generation Equality Forum, Paris");

        String home = ally.get("/workspace/ally?lang=fr").html();
        assertThat(home).contains(title).contains("/workspace/ally/commitments/" + id.group(1))
                .contains("Annoncé, en attente de décision").contains("La décision de");
        assertThat(ally.get("/commitments/" + id.group(1)).html()).contains(title);
    }

    @Test
    void a_refused_pledge_shows_the_rule_beside_the_period_keeps_the_values_and_records_nothing() {
        FormClient ally = new FormClient(port).signIn("ally-demo");
        String maker = register(ally, "Colectiva Seis Años " + System.nanoTime(), "CIVIL_SOCIETY");
        FormClient.Page form = ally.get(FORM + "?lang=es&maker=" + maker);
        String title = "Seis años de cuidados " + System.nanoTime();

        FormClient.Page refused = ally.postMany(FORM + "?lang=es", pledge(form, maker, title, "2021", "2026"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html()).contains("id=\"period-refusal\"")
                .contains("Un compromiso dura como máximo cinco años")
                .contains("value=\"" + title + "\"").contains("aria-invalid=\"true\"")
                .contains("aria-describedby=\"period-hint period-refusal\"");
        assertThat(commitmentsOf(maker)).isEmpty();
        assertThat(ally.get("/workspace/ally").html()).doesNotContain(title);

        // The ledger's field errors land beside their fields too: an amount without the financial type, an indicator without a target.
        List<Map.Entry<String, String>> bad = pledge(refused, maker, title, "2022", "2023");
        bad.add(Map.entry("amount", "100"));
        bad.add(Map.entry("currency", "USD"));
        bad.add(Map.entry("indicatorCode", "SECOND"));
        bad.add(Map.entry("indicatorUnit", "people"));
        bad.add(Map.entry("indicatorBaseline", ""));
        bad.add(Map.entry("indicatorTarget", ""));
        FormClient.Page fields = ally.postMany(FORM, bad);
        assertThat(fields.status()).isEqualTo(422);
        assertThat(fields.html()).contains("id=\"financial-refusal\"").contains("Remove the amount, or tick the financial type.")
                .contains("id=\"indicator-1-refusal\"").doesNotContain("id=\"period-refusal\"");
        assertThat(commitmentsOf(maker)).isEmpty();

        // Corrected, the same form (its key let go by the refusal) is recorded.
        FormClient.Page recorded = ally.postMany(FORM, pledge(fields, maker, title, "2022", "2026"));
        assertThat(recorded.status()).isEqualTo(302);
        assertThat(commitmentsOf(maker)).hasSize(1);
    }

    @Test
    void a_pledge_sent_twice_at_once_is_recorded_once_and_both_lead_to_it() {
        FormClient ally = new FormClient(port).signIn("ally-demo");
        String maker = register(ally, "Fundación Doble Envío " + System.nanoTime(), "PHILANTHROPY");
        List<Map.Entry<String, String>> fields = pledge(ally.get(FORM + "?maker=" + maker), maker, "Dos clics", "2023", "2025");
        CompletableFuture<FormClient.Page> first = CompletableFuture.supplyAsync(() -> ally.postMany(FORM, fields));
        CompletableFuture<FormClient.Page> second = CompletableFuture.supplyAsync(() -> ally.postMany(FORM, fields));
        FormClient.Page a = first.join();
        FormClient.Page b = second.join();
        assertThat(a.status()).isEqualTo(302);
        assertThat(b.status()).isEqualTo(302);
        assertThat(b.location()).isEqualTo(a.location());
        assertThat(ally.postMany(FORM, fields).location()).isEqualTo(a.location());
        assertThat(commitmentsOf(maker)).hasSize(1);
        assertThat(a.location()).contains(commitmentsOf(maker).get(0).commitmentId());
    }

    @Test
    void another_indicator_row_and_a_search_for_co_makers_reshow_the_form_without_recording() {
        FormClient partner = new FormClient(port).signIn("ally-partner");
        String partnerName = "Red Aliada Buscable " + System.nanoTime();
        String coMaker = register(partner, partnerName, "YOUTH_LED_ORGANISATION");

        FormClient ally = new FormClient(port).signIn("ally-demo");
        String maker = register(ally, "Colectiva Con Socias " + System.nanoTime(), "CIVIL_SOCIETY");
        String title = "Con socias " + System.nanoTime();
        FormClient.Page form = ally.get(FORM + "?maker=" + maker);
        List<Map.Entry<String, String>> fields = pledge(form, maker, title, "2024", "2026");
        fields.add(Map.entry("action", "addIndicator"));
        FormClient.Page more = ally.postMany(FORM, fields);
        assertThat(more.status()).isEqualTo(200);
        assertThat(more.html()).contains("id=\"indicator-1-code\"").doesNotContain("id=\"indicator-2-code\"")
                .contains("value=\"CARE-JOBS\"").contains("value=\"" + title + "\"");
        assertThat(more.hiddenFieldsOf(FORM).get("submission")).isEqualTo(form.hiddenFieldsOf(FORM).get("submission"));

        List<Map.Entry<String, String>> search = pledge(more, maker, title, "2024", "2026");
        search.add(Map.entry("coMakerSearch", partnerName.substring(0, 16)));
        search.add(Map.entry("action", "findCoMakers"));
        FormClient.Page found = ally.postMany(FORM, search);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.html()).contains("value=\"" + coMaker + "\"").contains(partnerName);
        assertThat(commitmentsOf(maker)).isEmpty();

        List<Map.Entry<String, String>> together = pledge(found, maker, title, "2024", "2026");
        together.add(Map.entry("coMakers", coMaker));
        FormClient.Page recorded = ally.postMany(FORM, together);
        assertThat(recorded.status()).isEqualTo(302);
        Matcher id = COMMITMENT.matcher(recorded.location());
        assertThat(id.find()).isTrue();
        assertThat(Queries.optional(queries, new CommitmentById(id.group(1), null), CommitmentView.class).orElseThrow().coMakerIds())
                .containsExactly(coMaker);
    }

    /** Registers a maker with the workspace form; its id, from where the form leads. */
    static String register(FormClient ally, String name, String group) {
        Map<String, String> fields = new LinkedHashMap<>(ally.get("/workspace/ally/makers/new").hiddenFieldsOf("/workspace/ally/makers/new"));
        fields.putAll(Map.of("name", name, "stakeholderGroup", group, "hemisphere", "GLOBAL_SOUTH", "country", "MX"));
        FormClient.Page registered = ally.post("/workspace/ally/makers/new", fields);
        Matcher id = Pattern.compile("registered=(maker-[0-9a-f-]+)").matcher(String.valueOf(registered.location()));
        assertThat(id.find()).as("registered: %s", registered.location()).isTrue();
        return id.group(1);
    }

    /** A pledge to the Global Alliance for Care's first action, with one indicator, from the form's hidden fields. */
    static List<Map.Entry<String, String>> pledge(FormClient.Page form, String maker, String title, String startYear, String endYear) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        form.hiddenFieldsOf(FORM).forEach((k, v) -> fields.add(Map.entry(k, v)));
        fields.add(Map.entry("makerId", maker));
        fields.add(Map.entry("title", title));
        fields.add(Map.entry("description", "Advocacy for a national care system that recognises unpaid care work."));
        fields.add(Map.entry("types", "POLICY"));
        fields.add(Map.entry("targets", "gac:GAC-1"));
        fields.add(Map.entry("indicatorCode", "CARE-JOBS"));
        fields.add(Map.entry("indicatorUnit", "jobs, full time"));
        fields.add(Map.entry("indicatorBaseline", "0"));
        fields.add(Map.entry("indicatorTarget", "1000"));
        fields.add(Map.entry("countries", "mx, CR"));
        fields.add(Map.entry("startYear", startYear));
        fields.add(Map.entry("endYear", endYear));
        fields.add(Map.entry("originKind", "FORUM"));
        fields.add(Map.entry("forumName", "Generation Equality Forum, Paris"));
        fields.add(Map.entry("windowYear", "2026"));
        return fields;
    }

    private List<MakerProfile.MakerCommitment> commitmentsOf(String maker) {
        return Queries.optional(queries, new MakerById(maker), MakerProfile.class).orElseThrow().commitments();
    }
}
