package org.ringfence.performance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ringfence.performance.domain.Diagnostics;

/**
 * The monthly Safer Neighbourhoods performance report of an area (force, BCU, borough or team):
 * survey outcomes with significance flags, EPIC activity (against priorities when the
 * neighbourhood module is there), visibility and abstraction from the duty records, flex use,
 * problems opened and closed, a row per sub-unit (boroughs of the force or a BCU, wards of a
 * borough), and the diagnostic ranking of wards needing attention.
 */
public record PerformanceReport(String month, Area area, Instant generatedAt, Outcomes outcomes, Activity activity,
		Visibility visibility, FlexUse flex, ProblemCounts problems, List<UnitRow> units,
		List<Diagnostics.Indicator> diagnostics, String diagnosticsFormula, List<String> notes) {

	/** Survey outcomes of the latest quarter ended by the month's end. */
	public record Outcomes(String quarter, String rule, boolean synthetic, List<SurveyOutcome> results) {
	}

	public record MeasureTotal(String code, String label, long count, long linkedToPriorities) {
	}

	public record CategoryTotal(String category, String label, List<MeasureTotal> measures, long total) {
	}

	/**
	 * EPIC activity in the month.
	 * @param total activities (people at meetings left out)
	 * @param linkedToPriorities activities recorded against a priority
	 * @param prioritiesAvailable whether the neighbourhood module's priorities can be read
	 * @param priorities for a team: its priorities in the month with the activity against each
	 */
	public record Activity(List<CategoryTotal> categories, long total, long linkedToPriorities, long meetingAttendance,
			boolean prioritiesAvailable, String prioritiesNote, List<PriorityActivity> priorities) {
	}

	public record PriorityActivity(long id, String category, String issue, String status, long activity) {
	}

	/** Visibility and abstraction from the duties module's abstraction report (actual duties). */
	public record Visibility(long dutyMinutes, long ownWardMinutes, long abstractedMinutes, double visibility,
			double abstractionShare, long flexGivenMinutes, long flexReceivedMinutes, Map<String, Long> minutesByType) {
	}

	/** Flex use: authorised SNT flex in the duty records, and the flex requests deployed in the month. */
	public record FlexUse(long flexGivenMinutes, long flexReceivedMinutes, int requestsDeployed, List<String> references,
			String note) {
	}

	public record ProblemCounts(long opened, long closed, long openAtEnd) {
	}

	/** One sub-unit (a borough of the force or BCU, a ward of a borough). */
	public record UnitRow(String code, String name, long activity, long linkedToPriorities, long dutyMinutes,
			long ownWardMinutes, double visibility, long abstractedMinutes, long problemsOpened, long problemsClosed,
			Optional<Double> satisfaction) {
	}

}
