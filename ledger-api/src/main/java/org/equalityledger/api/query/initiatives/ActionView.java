package org.equalityledger.api.query.initiatives;

import java.time.Instant;
import java.util.List;

import org.equalityledger.api.common.LocalizedName;
import org.equalityledger.api.initiative.MeasurableTarget;

/** An action of an initiative's blueprint, with its measurable targets, as defined at {@code definedAt}. */
public record ActionView(String code, LocalizedName names, List<MeasurableTarget> targets, Instant definedAt) {

    public ActionView {
        targets = List.copyOf(targets);
    }
}
