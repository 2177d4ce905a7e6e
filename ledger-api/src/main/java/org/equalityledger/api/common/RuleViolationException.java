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

    public String rule() {
        return rule;
    }
}
