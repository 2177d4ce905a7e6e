package org.equalityledger.api.common;

/** One bad field of a command: its path (e.g. {@code details.financial.currency}) and what is wrong. */
public record FieldError(String field, String message) {
}
