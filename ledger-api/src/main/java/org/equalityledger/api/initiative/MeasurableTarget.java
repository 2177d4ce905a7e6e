package org.equalityledger.api.initiative;

import java.math.BigDecimal;
import org.equalityledger.api.common.Checks;

/**
 * A measurable target of an action, e.g. "550 million more women and girls live in countries with
 * laws prohibiting all forms of gender-based violence" by 2026. {@code value} and {@code unit} go
 * together; {@code byYear} is optional.
 */
public record MeasurableTarget(String description, BigDecimal value, String unit, Integer byYear) {

    static void check(Checks checks, String field, MeasurableTarget target) {
        if (!checks.notNull(field, target)) {
            return;
        }
        checks.text(field + ".description", target.description(), 2_000);
        if (target.value() != null) {
            checks.notNegative(field + ".value", target.value());
            checks.line(field + ".unit", target.unit(), Checks.NAME_MAX);
        } else {
            checks.require(target.unit() == null, field + ".value", "is required when a unit is given");
        }
        if (target.byYear() != null) {
            checks.year(field + ".byYear", target.byYear());
        }
    }
}
