package org.equalityledger.service.domain;

import org.equalityledger.api.common.RuleViolationException;

/** Shorthand for a broken rule with a formatted message. */
public final class Rules {

    private Rules() {
    }

    public static RuleViolationException broken(String rule, String message, Object... args) {
        return new RuleViolationException(rule, args.length == 0 ? message : String.format(message, args));
    }
}
