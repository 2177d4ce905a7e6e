package org.equalityledger.service.web;

import java.util.List;

import org.equalityledger.api.common.FieldError;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The bad fields found while reading the request body (wrong types, unknown fields, unknown enum
 * values), kept for the request so that they are named together with those the command names.
 * A request with body errors never reaches the command bus.
 */
final class BodyErrors {

    private static final String ATTRIBUTE = BodyErrors.class.getName();

    private BodyErrors() {
    }

    static void set(List<FieldError> errors) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            throw new BadRequestBody(errors, null);
        }
        attributes.setAttribute(ATTRIBUTE, List.copyOf(errors), RequestAttributes.SCOPE_REQUEST);
    }

    @SuppressWarnings("unchecked")
    static List<FieldError> get() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object errors = attributes == null ? null : attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return errors == null ? List.of() : (List<FieldError>) errors;
    }
}
