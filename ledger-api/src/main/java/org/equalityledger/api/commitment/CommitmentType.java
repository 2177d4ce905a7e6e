package org.equalityledger.api.commitment;

/** The modalities of a commitment (seed 000 §5); a commitment has one or more. */
public enum CommitmentType {
    FINANCIAL,
    POLICY,
    ADVOCACY,
    PROGRAMMATIC
}
