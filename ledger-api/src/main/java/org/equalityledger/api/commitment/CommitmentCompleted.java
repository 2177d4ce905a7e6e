package org.equalityledger.api.commitment;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CommitmentCompleted(String commitmentId, String note, String by) {
}
