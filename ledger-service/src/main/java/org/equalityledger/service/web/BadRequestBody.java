package org.equalityledger.service.web;

import java.util.List;

import org.equalityledger.api.common.FieldError;

/** The request body could not be read as the request: every bad field found (answered as 400). */
public class BadRequestBody extends RuntimeException {

    private final List<FieldError> errors;

    public BadRequestBody(List<FieldError> errors, Throwable cause) {
        super("the request body is not acceptable", cause);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
