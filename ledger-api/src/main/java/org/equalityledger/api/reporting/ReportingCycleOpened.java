package org.equalityledger.api.reporting;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReportingCycleOpened(int year, Instant deadline, String by) {
}
