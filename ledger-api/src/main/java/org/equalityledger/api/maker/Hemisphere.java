package org.equalityledger.api.maker;

public enum Hemisphere {
    GLOBAL_SOUTH,
    GLOBAL_NORTH
}
