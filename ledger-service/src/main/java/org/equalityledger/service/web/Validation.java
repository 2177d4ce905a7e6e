package org.equalityledger.service.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.equalityledger.api.common.FieldError;
import org.equalityledger.api.common.InvalidCommandException;

/** Builds a command, naming the request's own bad fields together with those the command names. */
final class Validation {

    private Validation() {
    }

    static <T> T build(List<FieldError> requestErrors, Supplier<T> command) {
        return build(requestErrors, java.util.Map.of(), command);
    }

    /** As {@link #build(List, Supplier)}, naming the command's field {@code k} as the request's {@code renames[k]}. */
    static <T> T build(List<FieldError> requestErrors, java.util.Map<String, String> renames, Supplier<T> command) {
        List<FieldError> body = BodyErrors.get();
        List<FieldError> errors = new ArrayList<>(body);
        errors.addAll(requestErrors);
        java.util.Set<String> named = new java.util.HashSet<>();
        body.forEach(e -> named.add(e.field()));
        T built = null;
        try {
            built = command.get();
        } catch (InvalidCommandException e) {
            e.errors().stream()
                    .map(error -> new FieldError(renames.getOrDefault(error.field(), error.field()), error.message()))
                    // A value the body had wrong is null now: "is required" would name it twice.
                    .filter(error -> !named.contains(error.field()))
                    .forEach(errors::add);
        }
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        return built;
    }

    static <T> T build(Supplier<T> command) {
        return build(List.of(), command);
    }
}
