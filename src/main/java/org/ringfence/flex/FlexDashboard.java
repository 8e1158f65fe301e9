package org.ringfence.flex;

import java.time.LocalDate;
import java.util.List;

/**
 * Flex at a glance for a borough or London on a day, for the SMT lead, the superintendent and the
 * oversight body: no officers' names. Live flexes; flexes flagged (review overdue, past the limit
 * without an exception, not ended); wards whose share of duty time abstracted or flexed is over the
 * fairness threshold; the share of duty time flexed by month; and arrows from providing to
 * receiving wards for a map.
 */
public record FlexDashboard(String boroughCode, String scopeName, LocalDate asOf, List<FlexRequestSummary> deployed,
		List<FlexRequestSummary> flagged, long reviewsOverdue, long pastLimitWithoutException, List<WardOver> wardsOver,
		List<Month> months, List<Arrow> arrows) {

	/** A ward over the fairness threshold of the set in force. */
	public record WardOver(String wardCode, String wardName, String boroughCode, double share, double boroughMean,
			double toMean, double threshold) {
	}

	/** Duty and flex hours of ward teams in a month (actual duties before the day, planned after). */
	public record Month(String month, long dutyHours, long flexHours, double flexShare) {
	}

	/** Officers of a deployed flex going from a providing ward to the receiving ward. */
	public record Arrow(String reference, String fromWard, String fromWardName, String toWard, String toWardName,
			String fromBorough, String toBorough, int officers) {
	}

}
