package org.ringfence.demand;

import java.math.BigDecimal;
import java.time.Instant;

/** A category of the demand data with its weight and the records held (all sources, unweighted). */
public record CategoryWeight(String category, boolean asb, BigDecimal weight, long records, String changedBy,
		Instant changedAt) {
}
