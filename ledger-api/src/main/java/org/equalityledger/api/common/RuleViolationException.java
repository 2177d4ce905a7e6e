package org.equalityledger.api.common;

/**
 * A rule of the ledger refused the command (answered as 409). {@code rule} is a stable code such as
 * {@code commitment.period.too-long}; the message explains the rule in words a user understands.
 */
public class RuleViolationException extends RuntimeException {

    private final String rule;

    public RuleViolationException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    /** A broken rule whose message is {@code message} formatted with {@code args} (as {@link String#format}). */
    public static RuleViolationException broken(String rule, String message, Object... args) {
        return new RuleViolationException(rule, args.length == 0 ? message : String.format(message, args));
    }

    public String rule() {
        return rule;
    }
}
