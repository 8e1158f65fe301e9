package org.ringfence.neighbourhood;

import java.time.YearMonth;
import java.util.List;

/**
 * London-wide themes of a month: for each category, how many teams (wards) held an open priority
 * of it on some day of the month, out of all teams ("440 of 630 teams had a youth-ASB priority").
 */
public record Themes(YearMonth month, int teams, int teamsWithAPriority, List<Theme> themes) {

	/** One category's count. share = teams / all teams. */
	public record Theme(String category, int teams, double share) {
	}

}
