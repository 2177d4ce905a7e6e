package org.equalityledger.service.query;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Read-side switches.
 *
 * @param rebuild         a projection to rebuild at start-up ({@code commitments}, {@code dashboards} or
 *                        {@code all}); the service then exits when it is done (the command-line rebuild)
 * @param demoData        load the demo data set through the command side at start-up, when the ledger is empty
 * @param demoScale       how many times the demo data set (1 = about 1,000 makers, 2,700 commitments)
 * @param exitAfterLoad   exit once the demo data is loaded and the projections caught up
 */
@ConfigurationProperties(prefix = "ledger")
public record ReadSideProperties(String rebuild, Boolean demoData, Double demoScale, Boolean exitAfterLoad) {

    public ReadSideProperties {
        demoData = demoData != null && demoData;
        demoScale = demoScale == null ? 1.0 : demoScale;
        exitAfterLoad = exitAfterLoad != null && exitAfterLoad;
    }
}
