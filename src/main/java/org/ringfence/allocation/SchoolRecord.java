package org.ringfence.allocation;

import java.util.Map;

/** A school as imported for an academic year (year = the September it starts), with its criteria values. */
public record SchoolRecord(String urn, int year, String name, SchoolPhase phase, String wardCode, String wardName,
		String boroughCode, Double lat, Double lng, boolean hasOfficer, boolean synthetic, Map<String, Double> values) {
}
