package org.ringfence.flex;

import java.time.LocalDate;
import java.util.List;

import org.ringfence.protocol.Rank;

/**
 * A proposed rotation for a long-term problem: successive flex periods, each within the protocol's
 * limit, drawing on different providing wards, every ward kept within its ring-fence, the load spread
 * as evenly as the rosters allow. Each period can be drafted as its own PSP 302.
 * @param shareMaxToMeanBefore the largest ward share over the borough mean before the rotation
 * @param shareMaxToMeanAfter the same with the rotation
 */
public record FlexRotation(String receivingWard, String receivingWardName, LocalDate firstDay, LocalDate lastDay,
		String ruleSet, int constablesPerPeriod, int pcsosPerPeriod, List<Period> periods, List<WardLoad> wards,
		double shareMaxToMeanBefore, double shareMaxToMeanAfter, double giniBefore, double giniAfter, int improvements,
		long millis, List<String> notes) {

	/** One flex period and its officers; {@code short} is how many of the officers asked for could not be found. */
	public record Period(int number, LocalDate firstDay, LocalDate lastDay, List<Officer> officers, int officersShort,
			List<String> providingWards) {
	}

	/** An officer proposed for a period, with their on-ward tours in it (all flexed). */
	public record Officer(long personId, String name, Rank rank, String providingWard, String providingWardName, int tours,
			long minutes) {
	}

	/** A ward's share of duty time abstracted or flexed over the window, before and with the rotation. */
	public record WardLoad(String wardCode, String wardName, double shareBefore, double shareAfter, long flexMinutes,
			List<Integer> periods) {
	}

}
