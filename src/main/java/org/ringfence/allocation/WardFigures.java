package org.ringfence.allocation;

/**
 * A ward's demand over a period, as the allocation explains itself with it.
 * @param snDemand TNO + ASB + local factors (the 2011 SN demand)
 */
public record WardFigures(String code, String name, String clusterCode, long tno, long asb, long calls,
		double localFactors, double snDemand) {
}
