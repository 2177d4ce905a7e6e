package org.equalityledger.api.query.initiatives;

import java.time.Instant;
import java.time.LocalDate;

/** A presidency extended by a second year: the end it had, the end it has since, why, and when. */
public record RoleExtension(LocalDate previousEnd, LocalDate newEnd, String reason, Instant recordedAt) {
}
