package org.ringfence.demand;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A local factor of a ward: something that adds to its workload (a hospital, a college, a
 * night-time economy, a shared SN base, other), with a weight in the units of one month's TNO + ASB
 * of the ward.
 * @param kind HOSPITAL, COLLEGE, NIGHT_TIME_ECONOMY, SHARED_SN_BASE or OTHER
 * @param version the version to name when changing or removing it
 */
public record LocalFactor(long id, String wardCode, String boroughCode, String kind, String kindLabel,
		String description, BigDecimal weight, int version, String changedBy, Instant changedAt) {
}
