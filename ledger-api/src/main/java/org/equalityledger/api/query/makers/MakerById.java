package org.equalityledger.api.query.makers;

/** A commitment maker's profile: its commitments and its reporting record. */
public record MakerById(String makerId) {
}
