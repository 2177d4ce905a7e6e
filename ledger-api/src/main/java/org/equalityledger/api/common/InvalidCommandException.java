package org.equalityledger.api.common;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad input: the command names every field that is malformed or missing (answered as 400).
 * Thrown by the command records' constructors, and by the aggregates for input that can only be
 * judged against the aggregate's state (e.g. an indicator code the commitment does not have).
 */
public class InvalidCommandException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidCommandException(List<FieldError> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        return "invalid command: " + errors.stream()
                .map(e -> e.field() + " " + e.message())
                .collect(Collectors.joining("; "));
    }
}
