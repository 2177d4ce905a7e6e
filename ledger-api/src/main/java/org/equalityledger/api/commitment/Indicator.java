package org.equalityledger.api.commitment;

import java.math.BigDecimal;

/**
 * A measurable indicator of a commitment: its code (unique within the commitment), unit, baseline
 * (optional) and target. Yearly reports give values by indicator code.
 */
public record Indicator(String code, String unit, BigDecimal baseline, BigDecimal target) {
}
