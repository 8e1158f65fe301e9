package org.ringfence.demand;

/**
 * A ward's demand over a period, with its place in the ranking (1 = most demand).
 * @param perThousandResidents total per 1,000 residents (null when the population is not known)
 */
public record WardRank(int rank, String wardCode, String wardName, String boroughCode, double total, double untimed,
		Integer population, Double perThousandResidents) {
}
