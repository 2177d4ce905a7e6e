package org.equalityledger.service.site.home;

import java.math.BigDecimal;

import org.equalityledger.api.query.dashboards.NotConverted;
import org.equalityledger.service.site.SiteContext;

/** Money no recorded rate converted, in its own currency and the reader's language (never as 0 US dollars). */
public final class ForeignMoney {

    private final SiteContext site;

    ForeignMoney(SiteContext site) {
        this.site = site;
    }

    public String money(NotConverted m) {
        return site.money(new BigDecimal(m.amount()), m.currency());
    }
}
