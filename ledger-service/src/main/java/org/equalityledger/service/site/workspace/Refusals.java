package org.equalityledger.service.site.workspace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.equalityledger.api.common.FieldError;
import org.equalityledger.api.common.InvalidCommandException;
import org.equalityledger.api.common.NotPermittedException;
import org.equalityledger.api.common.RuleViolationException;
import org.equalityledger.service.web.ProblemAdvice;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns the ledger's refusal of a form's command into what the form shows: the rule's message (from the
 * {@code refusals} bundle by its code, else the ledger's own English words) beside the field it concerns,
 * each bad field's message beside it (from the bundle by the message's code, the numbers in it as arguments).
 * Anything that is no refusal (an unknown id, a failure) propagates to the site's error pages.
 */
@Component
public class Refusals {

    private final MessageSource messages;

    public Refusals(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * @param fieldOf the form's field for a command field (e.g. {@code details.period.startYear} →
     *                {@code startYear}) or for a rule's code; null puts the message in the summary only
     */
    public FormErrors explain(RuntimeException refusal, Locale locale, UnaryOperator<String> fieldOf) {
        Throwable cause = ProblemAdvice.ledgerCause(refusal);
        if (refusal instanceof Submissions.AlreadySent) {
            return summary(text("refusal.already-sent", null, locale), null);
        }
        if (cause instanceof InvalidCommandException invalid) {
            Map<String, String> fields = new LinkedHashMap<>();
            StringBuilder unplaced = new StringBuilder();
            for (FieldError e : invalid.errors()) {
                String message = fieldText(e.message(), locale);
                String field = fieldOf.apply(e.field());
                if (field == null) {
                    unplaced.append(unplaced.isEmpty() ? "" : "; ").append(e.field()).append(": ").append(message);
                } else {
                    fields.merge(field, message, (a, b) -> a + "; " + b);
                }
            }
            String summary = text("refusal.invalid", null, locale) + (unplaced.isEmpty() ? "" : " " + unplaced);
            return new FormErrors(summary, null, fields);
        }
        if (cause instanceof RuleViolationException violation) {
            String message = ruleText(violation.rule(), violation.getMessage(), locale);
            String field = fieldOf.apply(violation.rule());
            return new FormErrors(message, violation.rule(), field == null ? Map.of() : Map.of(field, message));
        }
        if (cause instanceof NotPermittedException refused) {
            return summary(text("refusal.not-permitted", null, locale) + " " + refused.getMessage(), null);
        }
        throw refusal;
    }

    private static FormErrors summary(String message, String rule) {
        return new FormErrors(message, rule, Map.of());
    }

    private String text(String key, String fallback, Locale locale) {
        return messages.getMessage(key, null, fallback == null ? key : fallback, locale);
    }

    /** A broken rule's text for a person filling the form, else the ledger's own words. */
    String ruleText(String rule, String ledgerMessage, Locale locale) {
        return text("refusal.rule." + rule, ledgerMessage, locale);
    }

    /** A bad field's text for a person filling the form, else the ledger's own words. */
    String fieldText(String ledgerMessage, Locale locale) {
        FieldText text = fieldTextOf(ledgerMessage);
        return messages.getMessage(text.key(), text.arguments(), ledgerMessage, locale);
    }

    /** A field message's text in the bundle: its key, and the values it shows (or null). */
    record FieldText(String key, Object[] arguments) {
    }

    /** {@code refusal.field.<code>}, with the values of a {@link FieldMessage} as arguments. */
    static FieldText fieldTextOf(String ledgerMessage) {
        for (FieldMessage pattern : WITH_ARGUMENTS) {
            Matcher matched = pattern.message().matcher(ledgerMessage);
            if (matched.matches()) {
                return new FieldText("refusal.field." + pattern.code(), pattern.arguments(matched));
            }
        }
        return new FieldText("refusal.field." + code(ledgerMessage), null);
    }

    /**
     * A field message that carries a number (a limit, a position) or a list: one text for all of them, the
     * values as its arguments (numbers as numbers, so that each language writes them its way).
     */
    record FieldMessage(String code, Pattern message) {

        FieldMessage(String code, String regex) {
            this(code, Pattern.compile(regex));
        }

        Object[] arguments(Matcher matched) {
            Object[] arguments = new Object[matched.groupCount()];
            for (int i = 0; i < arguments.length; i++) {
                String value = matched.group(i + 1);
                arguments[i] = value.matches("\\d{1,18}") ? (Object) Long.valueOf(value) : value;
            }
            return arguments;
        }
    }

    /** The ledger's field messages with values in them (ledger-api's {@code Checks} and its command records). */
    static final List<FieldMessage> WITH_ARGUMENTS = List.of(
            new FieldMessage("must-be-at-most-characters", "must be at most (\\d+) characters"),
            new FieldMessage("must-have-at-most-entries", "must have at most (\\d+) entries"),
            new FieldMessage("must-be-a-year-between", "must be a year between (\\d+) and (\\d+)"),
            new FieldMessage("must-be-between", "must be between (\\d+) and (\\d+)"),
            new FieldMessage("must-lie-between", "must lie between (\\d+) and (\\d+)"),
            new FieldMessage("lone-surrogate", "is not valid Unicode text: a lone surrogate at character (\\d+)"),
            new FieldMessage("must-be-on-one-line", "must be on one line: no tab or line break \\(character (\\d+)\\)"),
            new FieldMessage("control-character", "must not hold control characters: (U\\+[0-9A-F]{4,6}) at character (\\d+)"),
            new FieldMessage("usd-rate-decimals",
                    "must have at most (\\d+) decimals and be below one million US dollars a unit"),
            new FieldMessage("not-an-indicator-of-this-commitment",
                    "is not an indicator of this commitment \\(known: (.*)\\)"));

    /** A field message as a bundle key: "must not be blank" → {@code must-not-be-blank}. */
    static String code(String message) {
        return message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
