package org.equalityledger.service.site.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.equalityledger.api.common.Checks;
import org.equalityledger.api.common.FieldError;
import org.equalityledger.api.common.InvalidCommandException;
import org.equalityledger.api.common.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every refusal a form can meet has a text in the {@code refusals} bundle, written for the person filling it in:
 * each rule code the aggregates throw (found in the sources), each field message of ledger-api's {@code Checks}
 * (produced by running it) and of its command records (read from the sources), in the five languages.
 */
class RefusalTextsTest {

    static final List<Locale> LANGUAGES = Stream.of("en", "fr", "es", "ru", "ar").map(Locale::forLanguageTag).toList();
    /** The code base's Java sources that decide rules and check commands (the tests run in ledger-service). */
    static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("../ledger-api/src/main/java"));

    static final Pattern RULE_THROWN = Pattern.compile(
            "(?:\\bbroken|\\bnew\\s+RuleViolationException|\\brequireOpen)\\(\\s*\"([^\"]+)\"");
    static final Pattern RULE_PASSED_ON = Pattern.compile("(?:\\bbroken|\\bnew\\s+RuleViolationException)\\(\\s*([A-Za-z_]\\w*)\\s*,");
    /** Where a rule's code reaches {@code broken} through a variable: a helper whose calls {@link #RULE_THROWN} reads. */
    static final Set<String> PASSED_ON = Set.of("Commitment.java: rule (requireOpen)",
            "RuleViolationException.java: rule (broken)");

    final ResourceBundleMessageSource bundle = bundle();
    final Refusals refusals = new Refusals(bundle);

    static ResourceBundleMessageSource bundle() {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasename("i18n/refusals");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        return bundle;
    }

    static Map<Path, String> sources() throws IOException {
        Map<Path, String> sources = new TreeMap<>();
        for (Path root : SOURCES) {
            assertThat(root).as("sources at " + root.toAbsolutePath()).isDirectory();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    sources.put(file, Files.readString(file));
                }
            }
        }
        return sources;
    }

    static Set<String> ruleCodesInSources() throws IOException {
        Set<String> codes = new TreeSet<>();
        Set<String> passedOn = new TreeSet<>();
        for (Map.Entry<Path, String> source : sources().entrySet()) {
            Matcher thrown = RULE_THROWN.matcher(source.getValue());
            while (thrown.find()) {
                codes.add(thrown.group(1));
            }
            Matcher variable = RULE_PASSED_ON.matcher(source.getValue());
            while (variable.find()) {
                String method = source.getValue().substring(0, variable.start())
                        .replaceAll("(?s).*\\b(?:void|RuleViolationException)\\s+(\\w+)\\s*\\(.*", "$1");
                passedOn.add(source.getKey().getFileName() + ": " + variable.group(1) + " (" + method + ")");
            }
        }
        assertThat(passedOn).as("rule codes passed on in a variable: read that helper's calls in RULE_THROWN")
                .isSubsetOf(PASSED_ON);
        return codes;
    }

    static Properties english() throws IOException {
        Properties english = new Properties();
        try (var in = RefusalTextsTest.class.getClassLoader().getResourceAsStream("i18n/refusals.properties")) {
            english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return english;
    }

    @Test
    void every_rule_the_aggregates_enforce_has_a_text_and_every_text_a_rule() throws IOException {
        Set<String> codes = ruleCodesInSources();
        assertThat(codes).as("rule codes found in the sources").hasSizeGreaterThan(30)
                .contains("commitment.period.too-long", "commitment.withdraw.closed", "initiative.presidency.extended-once");

        Set<String> texts = new TreeSet<>();
        for (String key : english().stringPropertyNames()) {
            if (key.startsWith("refusal.rule.")) {
                texts.add(key.substring("refusal.rule.".length()));
            }
        }
        assertThat(texts).as("refusal.rule.* keys of rules that exist").isSubsetOf(codes);
        assertThat(codes).as("rule codes without a refusal.rule.* text").isSubsetOf(texts);
        for (String code : codes) {
            for (Locale language : LANGUAGES) {
                assertThat(bundle.getMessage("refusal.rule." + code, null, null, language)).as(code + " in " + language)
                        .isNotBlank();
            }
        }
    }

    /** Every message {@code Checks} writes, each of its checks run on a bad value. */
    static List<String> checksMessages() {
        List<Consumer<Checks>> bad = List.of(
                c -> c.notNull("f", null),
                c -> c.line("f", " ", 10),
                c -> c.line("f", "x".repeat(11), 10),
                c -> c.line("f", "two\nlines", 100),
                c -> c.text("f", "bell \u0007", 100),
                c -> c.text("f", "lone \uD800 surrogate", 100),
                c -> c.id("f", "-not an id"),
                c -> c.code("f", "-not a code"),
                c -> c.country("f", "XX"),
                c -> c.currency("f", "usd"),
                c -> c.positive("f", BigDecimal.ZERO),
                c -> c.notNegative("f", BigDecimal.ONE.negate()),
                c -> c.year("f", 1999),
                c -> c.link("f", URI.create("ftp://example.org/")),
                c -> c.notEmpty("f", List.of()),
                c -> c.atMost("f", List.of(1, 2, 3), 2));
        List<String> messages = new ArrayList<>();
        for (Consumer<Checks> check : bad) {
            Checks checks = new Checks();
            check.accept(checks);
            assertThat(checks.errors()).as("a bad value refused").isNotEmpty();
            checks.errors().forEach(e -> messages.add(e.message()));
        }
        return messages;
    }

    static final Pattern FIELD_CHECK = Pattern.compile("(?:checks\\.require|checks\\.add|new\\s+FieldError)\\(");

    /**
     * The messages the command records (and the aggregates' own field checks) write: the last argument of each
     * {@code checks.require}, {@code checks.add} and {@code new FieldError}, its constants and computed parts as
     * a number (what they are: limits, years).
     */
    static List<String> commandMessages() throws IOException {
        List<String> messages = new ArrayList<>();
        for (Map.Entry<Path, String> source : sources().entrySet()) {
            String path = source.getKey().toString().replace('\\', '/');
            // The API's own JSON and query refusals reach no form; Checks is run itself; the pages' own
            // reading of a form field (a number, a year, a date) has its text beside its form's other texts.
            if (path.contains("/service/web/") || path.contains("/service/query/") || path.contains("/service/site/")
                    || path.endsWith("/Checks.java")) {
                continue;
            }
            Matcher call = FIELD_CHECK.matcher(source.getValue());
            while (call.find()) {
                List<String> arguments = arguments(source.getValue(), call.end());
                messages.add(example(arguments.get(arguments.size() - 1)));
            }
        }
        return messages;
    }

    /** The top-level arguments of a call whose argument list starts at {@code from}. */
    static List<String> arguments(String source, int from) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder argument = new StringBuilder();
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (quoted) {
                quoted = !(c == '"' && source.charAt(i - 1) != '\\');
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0) {
                arguments.add(argument.toString().strip());
                return arguments;
            } else if (c == ',' && depth == 0) {
                arguments.add(argument.toString().strip());
                argument.setLength(0);
                continue;
            }
            argument.append(c);
        }
        throw new AssertionError("unclosed call at " + from);
    }

    /** A message as the ledger writes it: its literals, and 2021 for each value computed into it. */
    static String example(String expression) {
        StringBuilder message = new StringBuilder();
        Matcher part = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|[^+\"]+").matcher(expression);
        while (part.find()) {
            if (part.group(1) != null) {
                message.append(part.group(1));
            } else if (!part.group().isBlank()) {
                message.append("2021");
            }
        }
        return message.toString();
    }

    @Test
    void every_field_message_has_a_text_in_five_languages() throws IOException {
        List<String> messages = new ArrayList<>(checksMessages());
        List<String> fromCommands = commandMessages();
        assertThat(fromCommands).as("command records' messages found").hasSizeGreaterThan(15)
                .contains("must be between 2021 and 2021", "is listed twice");
        messages.addAll(fromCommands);

        for (String message : new TreeSet<>(messages)) {
            Refusals.FieldText text = Refusals.fieldTextOf(message);
            for (Locale language : LANGUAGES) {
                assertThat(bundle.getMessage(text.key(), text.arguments(), null, language))
                        .as("“" + message + "” as " + text.key() + " in " + language).isNotBlank();
            }
        }
    }

    @Test
    void a_refused_form_shows_the_texts_with_the_ledgers_numbers_in_the_readers_language() {
        InvalidCommandException invalid = new InvalidCommandException(List.of(
                new FieldError("details.title", "must be at most 300 characters"),
                new FieldError("details.start", "must lie between 2000 and 2100"),
                new FieldError("report.indicatorValues.girls", "is not an indicator of this commitment (known: women, jobs)"),
                new FieldError("details.country", "must not be blank")));

        FormErrors english = refusals.explain(invalid, Locale.ENGLISH, field -> field);
        assertThat(english.of("details.title")).isEqualTo("Shorten this to at most 300 characters.");
        assertThat(english.of("details.start")).isEqualTo("Choose a start and an end in the years 2000 to 2100.");
        assertThat(english.of("report.indicatorValues.girls")).isEqualTo("Report only on this commitment’s indicators: women, jobs.");
        assertThat(english.of("details.country")).isEqualTo("Fill this in.");

        FormErrors french = refusals.explain(invalid, Locale.FRENCH, field -> field);
        assertThat(french.of("details.title")).isEqualTo("Raccourcissez ce texte à 300 caractères au plus.");
        assertThat(french.of("details.start")).isEqualTo("Choisissez un début et une fin dans les années 2000 à 2100.");

        FormErrors rule = refusals.explain(RuleViolationException.broken("commitment.period.too-long",
                "a commitment runs at most five years: starting on %s it must end on %s or earlier", "2022-01-01",
                "2026-12-31"), Locale.forLanguageTag("es"), code -> code.equals("commitment.period.too-long") ? "end" : null);
        assertThat(rule.rule()).isEqualTo("commitment.period.too-long");
        assertThat(rule.of("end")).startsWith("Un compromiso dura como máximo cinco años");
    }

    @Test
    void a_message_without_a_text_keeps_the_ledgers_words() {
        FormErrors unknown = refusals.explain(new InvalidCommandException(List.of(
                new FieldError("x", "is a message nobody wrote a text for"))), Locale.ENGLISH, field -> field);
        assertThat(unknown.of("x")).isEqualTo("is a message nobody wrote a text for");
    }
}
