package org.equalityledger.service.web;

/** The path names nothing the ledger knows (answered as 404). */
public class UnknownResourceException extends RuntimeException {

    public UnknownResourceException(String message) {
        super(message);
    }
}
