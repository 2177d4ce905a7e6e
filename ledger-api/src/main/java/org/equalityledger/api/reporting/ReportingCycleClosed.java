package org.equalityledger.api.reporting;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ReportingCycleClosed(int year, String by) {
}
