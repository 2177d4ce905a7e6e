package org.equalityledger.api.initiative;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.equalityledger.api.common.Copies;
import org.equalityledger.api.common.LocalizedName;

@Revision("1")
public record ActionDefined(
        String initiativeId,
        String actionCode,
        LocalizedName names,
        List<MeasurableTarget> targets,
        String by) {

    public ActionDefined {
        targets = Copies.list(targets);
    }
}
