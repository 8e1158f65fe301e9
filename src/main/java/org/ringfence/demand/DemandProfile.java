package org.ringfence.demand;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The demand of a ward, cluster, borough or all London over a period (dates included), weighted by
 * category. Records known only by their month (data.police.uk, the Met's counts) count in total,
 * untimed and byMonth when the period covers their whole month, but not in hourOfWeek; hourOfWeek
 * therefore sums to total - untimed.
 * @param hourOfWeek 168 values, Monday 00:00-01:00 first, London time
 * @param byMonth every month the period touches, in order
 * @param records records held in the scope's whole months by source (police-uk, mps, cad,
 *     cad-synthetic), unweighted, before the one-source-per-measure rule
 * @param weighted whether any category of the records counted carries a weight other than 1
 */
public record DemandProfile(Scope scope, LocalDate from, LocalDate to, String kind, double total, double untimed,
		double[] hourOfWeek, List<Month> byMonth, Map<String, Long> records, boolean weighted) {

	/** Where: type ward, cluster, borough or london; the code (null for London), name and number of wards. */
	public record Scope(String type, String code, String name, int wards) {
	}

	/** A month (YYYY-MM) and its total. */
	public record Month(String month, double total) {
	}

}
