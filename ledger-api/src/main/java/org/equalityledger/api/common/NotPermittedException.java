package org.equalityledger.api.common;

/** The actor may not do this (answered as 403). Nothing is changed. */
public class NotPermittedException extends RuntimeException {

    public NotPermittedException(String message) {
        super(message);
    }
}
