package org.equalityledger.service.site.workspace;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

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
 * each bad field's message beside it. Anything that is no refusal (an unknown id, a failure) propagates to
 * the site's error pages.
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
                String message = text("refusal.field." + code(e.message()), e.message(), locale);
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
            String message = text("refusal.rule." + violation.rule(), violation.getMessage(), locale);
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

    /** A field message as a bundle key: "must not be blank" → {@code must-not-be-blank}. */
    static String code(String message) {
        return message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
