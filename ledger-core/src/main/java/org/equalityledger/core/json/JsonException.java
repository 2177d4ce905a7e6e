package org.equalityledger.core.json;

/** Text that is not the JSON expected. */
public class JsonException extends IllegalArgumentException {

    public JsonException(String message) {
        super(message);
    }
}
