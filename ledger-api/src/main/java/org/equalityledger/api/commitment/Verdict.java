package org.equalityledger.api.commitment;

public enum Verdict {
    ACCEPT,
    REJECT
}
