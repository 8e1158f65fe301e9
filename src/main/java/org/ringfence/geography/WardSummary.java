package org.ringfence.geography;

import java.math.BigDecimal;

/** A ward as listed: clusterId is the cluster's code; population may be null for a ward imported without one. */
public record WardSummary(String code, String name, String boroughCode, String clusterId, Integer population,
		BigDecimal hectares) {
}
