package org.ringfence.geography;

import java.math.BigDecimal;
import java.util.List;

/** A ward with its borough, cluster, neighbouring wards (codes) and the boundary set it comes from. */
public record WardDetail(String code, String name, String boroughCode, String boroughName, String clusterId,
		String clusterName, Integer population, BigDecimal hectares, List<String> neighbours, long boundarySetId,
		boolean active) {
}
