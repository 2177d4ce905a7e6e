package org.equalityledger.api.initiative;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.equalityledger.api.common.Copies;
import org.equalityledger.api.common.LocalizedName;

/**
 * An action of an initiative's blueprint was defined. Revision 2: its names in up to five languages (see
 * {@link LocalizedName}); revision 1 named it in English, Spanish and French only and reads as revision 2
 * without Russian or Arabic names.
 */
@Revision("2")
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
