package org.equalityledger.api.commitment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CommitmentExtended(
        String commitmentId,
        LocalDate previousEnd,
        LocalDate newEnd,
        String reason,
        String by) {
}
