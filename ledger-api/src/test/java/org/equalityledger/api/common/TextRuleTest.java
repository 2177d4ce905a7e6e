package org.equalityledger.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.equalityledger.api.commitment.AmendCommitment;
import org.equalityledger.api.commitment.CommitmentChanges;
import org.equalityledger.api.commitment.CommitmentDetails;
import org.equalityledger.api.commitment.CommitmentType;
import org.equalityledger.api.commitment.CompleteCommitment;
import org.equalityledger.api.commitment.DecideOnPledge;
import org.equalityledger.api.commitment.ExtendCommitment;
import org.equalityledger.api.commitment.Indicator;
import org.equalityledger.api.commitment.Origin;
import org.equalityledger.api.commitment.OriginKind;
import org.equalityledger.api.commitment.PledgeCommitment;
import org.equalityledger.api.commitment.TargetAction;
import org.equalityledger.api.commitment.Verdict;
import org.equalityledger.api.commitment.WithdrawCommitment;
import org.equalityledger.api.initiative.AssignGovernanceRole;
import org.equalityledger.api.initiative.DefineAction;
import org.equalityledger.api.initiative.ExtendPresidency;
import org.equalityledger.api.initiative.GovernanceRole;
import org.equalityledger.api.initiative.InitiativeKind;
import org.equalityledger.api.initiative.LaunchInitiative;
import org.equalityledger.api.initiative.MeasurableTarget;
import org.equalityledger.api.initiative.RoleHolder;
import org.equalityledger.api.initiative.Term;
import org.equalityledger.api.maker.Hemisphere;
import org.equalityledger.api.maker.RegisterCommitmentMaker;
import org.equalityledger.api.maker.StakeholderGroup;
import org.equalityledger.api.reporting.CorrectProgressReport;
import org.equalityledger.api.reporting.FileProgressReport;
import org.equalityledger.api.reporting.ProgressReport;
import org.equalityledger.api.reporting.ProgressStatus;
import org.junit.jupiter.api.Test;

/**
 * Every text a command carries, however deep, obeys one rule: valid Unicode, no control character,
 * and one line for names, titles, units and references (tabs and line breaks only in descriptions,
 * narratives, reasons and notes). A lone surrogate would be stored with a hash no reader can match.
 */
class TextRuleTest {

    static final String LONE_SURROGATE = "care \ud800 work";
    static final String NUL = "care \u0000 work";
    static final String ESCAPE = "care \u001b[31m work";
    static final String DELETE = "care \u007f work";
    static final String C1 = "care \u0085 work";
    static final String MULTI_LINE = "first line\n\tsecond line\r\nthird\u2028";
    static final List<String> NEVER = List.of(LONE_SURROGATE, NUL, ESCAPE, DELETE, C1, "\udc00", "x\ud83d");

    static final Actor ALLY = Actor.allyOf("ally-demo", "m-1");

    /** A command with one text field set to the given value, and the field its error names. */
    record TextField(String field, boolean multiLine, Function<String, Object> command) {
    }

    static CommitmentDetails details(String title, String description, String unit, String forumName) {
        return new CommitmentDetails(Set.of(CommitmentType.ADVOCACY), null,
                List.of(new TargetAction("gac", "GAC-1")), Set.of(), title, description,
                List.of(new Indicator("JOBS", unit, BigDecimal.ZERO, BigDecimal.TEN)), Set.of("MX"),
                LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 31), Origin.forum(forumName));
    }

    static ProgressReport report(String narrative, String link) {
        return new ProgressReport(ProgressStatus.ON_TRACK, null, Map.of(), null, Set.of(), narrative,
                List.of(URI.create(link)));
    }

    static final List<TextField> FIELDS = List.of(
            new TextField("name", false, t -> new RegisterCommitmentMaker("m-1", t, StakeholderGroup.CIVIL_SOCIETY,
                    Hemisphere.GLOBAL_SOUTH, "MX", ALLY)),
            new TextField("names.en", false, t -> new LaunchInitiative("wg", InitiativeKind.WORKING_GROUP, "WG",
                    new LocalizedName(t, "es", "fr", null, null), null, null, null, Actor.secretariat("s"))),
            new TextField("names.fr", false, t -> new DefineAction("gac", "GAC-9", new LocalizedName("en", "es", t, null, null),
                    List.of(new MeasurableTarget("more care", null, null, null)), Actor.secretariat("s"))),
            new TextField("names.ru", false, t -> new LaunchInitiative("wg", InitiativeKind.WORKING_GROUP, "WG",
                    new LocalizedName("en", "es", "fr", t, null), null, null, null, Actor.secretariat("s"))),
            new TextField("names.ar", false, t -> new DefineAction("gac", "GAC-9", new LocalizedName("en", "es", "fr",
                    "ru", t), List.of(new MeasurableTarget("more care", null, null, null)), Actor.secretariat("s"))),
            new TextField("targets[0].description", true, t -> new DefineAction("gac", "GAC-9",
                    new LocalizedName("en", "es", "fr", null, null), List.of(new MeasurableTarget(t, BigDecimal.ONE, "jobs", null)),
                    Actor.secretariat("s"))),
            new TextField("targets[0].unit", false, t -> new DefineAction("gac", "GAC-9",
                    new LocalizedName("en", "es", "fr", null, null), List.of(new MeasurableTarget("d", BigDecimal.ONE, t, null)),
                    Actor.secretariat("s"))),
            new TextField("holder.organisationName", false, t -> new AssignGovernanceRole("gac",
                    GovernanceRole.LEADER, RoleHolder.organisation(t), Term.of("2022-01-01", null),
                    Actor.secretariat("s"))),
            new TextField("reason", true, t -> new ExtendPresidency("gac", t, Actor.secretariat("s"))),
            new TextField("details.title", false, t -> new PledgeCommitment("c-1", "m-1",
                    details(t, "d", "jobs", "Paris"), ALLY)),
            new TextField("details.description", true, t -> new PledgeCommitment("c-1", "m-1",
                    details("t", t, "jobs", "Paris"), ALLY)),
            new TextField("details.indicators[0].unit", false, t -> new PledgeCommitment("c-1", "m-1",
                    details("t", "d", t, "Paris"), ALLY)),
            new TextField("details.origin.forumName", false, t -> new PledgeCommitment("c-1", "m-1",
                    details("t", "d", "jobs", t), ALLY)),
            // not used by a yearly window's origin, but recorded all the same
            new TextField("details.origin.reportReference", false, t -> new PledgeCommitment("c-1", "m-1",
                    new CommitmentDetails(Set.of(CommitmentType.ADVOCACY), null,
                            List.of(new TargetAction("gac", "GAC-1")), Set.of(), "t", "d", List.of(), Set.of(),
                            LocalDate.of(2022, 1, 1), LocalDate.of(2023, 1, 1),
                            new Origin(OriginKind.YEARLY_WINDOW, null, 2022, t)), ALLY)),
            new TextField("reason", true, t -> new AmendCommitment("c-1", CommitmentChanges.none().withTitle("t"), t,
                    ALLY)),
            new TextField("reason", true, t -> new ExtendCommitment("c-1", LocalDate.of(2024, 1, 1), t, ALLY)),
            new TextField("reason", true, t -> new WithdrawCommitment("c-1", t, ALLY)),
            new TextField("note", true, t -> new CompleteCommitment("c-1", t, ALLY)),
            new TextField("reason", true, t -> new DecideOnPledge("c-1", "gac", Verdict.REJECT, t,
                    Actor.leaderOf("l", "gac"))),
            new TextField("reason", true, t -> new DecideOnPledge("c-1", "gac", Verdict.ACCEPT, t,
                    Actor.leaderOf("l", "gac"))),
            new TextField("report.narrative", true, t -> new FileProgressReport("c-1", 2022,
                    report(t, "https://example.org/r"), ALLY)),
            new TextField("report.evidenceLinks[0]", false, t -> new FileProgressReport("c-1", 2022,
                    report("n", "https://example.org/" + t.replaceAll("[\\s\\p{Cc}]", "")), ALLY)),
            new TextField("reason", true, t -> new CorrectProgressReport("c-1", 2022, report("n",
                    "https://example.org/r"), t, ALLY)),
            new TextField("actor.userId", false, t -> new WithdrawCommitment("c-1", "r", Actor.allyOf(t, "m-1"))));

    @Test
    void no_text_field_takes_a_lone_surrogate_or_a_control_character() {
        for (TextField text : FIELDS) {
            for (String bad : NEVER) {
                if (text.field().equals("report.evidenceLinks[0]") && bad.chars().noneMatch(c -> Character.isSurrogate((char) c))) {
                    continue; // a link cannot even be made with a control character in it
                }
                assertThat(fieldsNamed(() -> text.command().apply(bad)))
                        .as("%s <- %s", text.field(), bad.chars().mapToObj(c -> String.format("U+%04X", c)).toList())
                        .contains(text.field());
            }
        }
    }

    @Test
    void tabs_and_line_breaks_are_fine_in_long_texts_only() {
        for (TextField text : FIELDS) {
            if (text.multiLine()) {
                assertThatCode(() -> text.command().apply(MULTI_LINE)).as(text.field()).doesNotThrowAnyException();
            } else if (!text.field().equals("report.evidenceLinks[0]")) {
                assertThat(fieldsNamed(() -> text.command().apply("one\ttwo"))).as(text.field()).contains(text.field());
                assertThat(fieldsNamed(() -> text.command().apply("one\ntwo"))).as(text.field()).contains(text.field());
            }
        }
    }

    @Test
    void every_script_and_emoji_is_welcome() {
        for (TextField text : FIELDS) {
            if (!text.field().equals("report.evidenceLinks[0]")) {
                assertThatCode(() -> text.command().apply("Fundación Cuidar — رعاية 照护 ✊🏽 \u200d"))
                        .as(text.field()).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void the_error_says_what_is_wrong_without_echoing_the_text() {
        InvalidCommandException e = catchThrowableOfType(() -> new WithdrawCommitment("c-1", NUL, ALLY),
                InvalidCommandException.class);
        assertThat(e.errors()).containsExactly(new FieldError("reason",
                "must not hold control characters: U+0000 at character 6"));
        e = catchThrowableOfType(() -> new WithdrawCommitment("c-1", LONE_SURROGATE, ALLY),
                InvalidCommandException.class);
        assertThat(e.errors()).containsExactly(new FieldError("reason",
                "is not valid Unicode text: a lone surrogate at character 6"));
    }

    private static List<String> fieldsNamed(Runnable construction) {
        InvalidCommandException e = catchThrowableOfType(construction::run, InvalidCommandException.class);
        assertThat(e).as("refused").isNotNull();
        return e.errors().stream().map(FieldError::field).toList();
    }
}
