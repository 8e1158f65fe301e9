package org.ringfence.allocation;

import java.util.List;

/**
 * The annual review: a year's recorded allocation against the year before's.
 * @param previousRecorded whether the year before was recorded (if not, every school is NEW)
 */
public record SchoolReview(String boroughCode, String boroughName, int year, int previousYear,
		boolean previousRecorded, List<Row> schools, int gained, int lost, int kept, int movedUp, int movedDown,
		int newSchools, int goneSchools) {

	/**
	 * One school.
	 * @param movement places moved up the need ranking (previous rank − this rank); null when not in both
	 * @param officerChange GAINED, LOST, KEPT or NONE
	 * @param presence BOTH, NEW (not ranked the year before) or GONE (not ranked this year)
	 */
	public record Row(String urn, String name, Integer rank, Integer previousRank, Integer movement,
			boolean officer, boolean previousOfficer, String officerChange, String presence) {
	}

}
