package org.equalityledger.api.initiative;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The latest presidency runs a second year: its term now ends on {@code newEnd}. */
@Revision("1")
public record PresidencyExtended(
        String initiativeId,
        RoleHolder holder,
        LocalDate termStart,
        LocalDate previousEnd,
        LocalDate newEnd,
        String reason,
        String by) {
}
