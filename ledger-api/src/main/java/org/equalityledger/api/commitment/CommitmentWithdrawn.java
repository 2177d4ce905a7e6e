package org.equalityledger.api.commitment;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CommitmentWithdrawn(String commitmentId, String reason, String by) {
}
