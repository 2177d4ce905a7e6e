package org.equalityledger.service.domain;

import java.util.Arrays;
import java.util.List;
import org.equalityledger.api.common.FieldError;
import org.equalityledger.api.common.InvalidCommandException;
import org.equalityledger.api.common.NotPermittedException;
import org.equalityledger.api.common.RuleViolationException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matchers for the three kinds of refusal, for {@code expectException(...)}. */
public final class Refusals {

    private Refusals() {
    }

    /** A {@link RuleViolationException} for the rule with this stable code. */
    public static Matcher<Throwable> brokenRule(String rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof RuleViolationException e && e.rule().equals(rule);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("RuleViolationException for rule " + rule);
            }
        };
    }

    /** A {@link NotPermittedException}. */
    public static Matcher<Throwable> notPermitted() {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof NotPermittedException;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("NotPermittedException");
            }
        };
    }

    /** An {@link InvalidCommandException} naming exactly these fields. */
    public static Matcher<Throwable> badFields(String... fields) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof InvalidCommandException e
                        && e.errors().stream().map(FieldError::field).toList().equals(Arrays.asList(fields));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidCommandException naming " + List.of(fields));
            }
        };
    }
}
