package org.ringfence.duties;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The monthly abstraction report for the oversight body: rows in the layout of the Met's
 * published "Dedicated Ward Officer Abstractions" (one per month, BCU, borough, team and
 * abstraction type), and summaries of duty time, time on own ward, abstraction by type, flex given
 * and received, and visibility (share of duty minutes on own ward) for teams, clusters, boroughs
 * and the force.
 */
public record AbstractionReport(LocalDate from, LocalDate to, DutyKind kind, String boroughCode, List<Row> rows,
		Summary force, List<Summary> boroughs, List<Summary> clusters, List<Summary> teams) {

	/** One row of the published layout. */
	public record Row(String month, String bcu, String borough, String boroughCode, String team, List<String> wardCodes,
			boolean abstractedFromDuty, String abstractionType, long minutes) {
	}

	/**
	 * Totals for one team, cluster, borough or the force.
	 * @param dutyMinutes minutes that count as duty time
	 * @param ownWardMinutes on-ward duty on the team's own ward(s)
	 * @param abstractedMinutes minutes abstracted from duty
	 * @param minutesByType every non-on-ward type (abstractions, leave, training, flex, ...) by its report column
	 * @param flexGivenMinutes authorised flex worked by this unit's officers elsewhere
	 * @param flexReceivedMinutes authorised flex worked on this unit's wards by others
	 * @param visibility ownWardMinutes / dutyMinutes (0 when no duty)
	 */
	public record Summary(String level, String code, String name, long dutyMinutes, long ownWardMinutes,
			long abstractedMinutes, Map<String, Long> minutesByType, long flexGivenMinutes, long flexReceivedMinutes,
			double visibility) {
	}

}
