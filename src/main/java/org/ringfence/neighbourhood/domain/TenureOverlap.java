package org.ringfence.neighbourhood.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * When most of a team reaches the same stage of tenure together (inspection recommendation 3: the
 * point at which officers usually move on is two to three years in post). Each member is in the
 * window from their posting start plus {@code fromYears} until plus {@code toYears} (exclusive).
 */
public final class TenureOverlap {

	private TenureOverlap() {
	}

	/** The most members in the window on one day of a period, and the first such day. */
	public record Peak(int members, LocalDate on) {
	}

	/** The largest number of members in their window on one day from {@code from} to {@code to} (inclusive). */
	public static Peak peak(List<LocalDate> starts, int fromYears, int toYears, LocalDate from, LocalDate to) {
		List<LocalDate[]> windows = new ArrayList<>();
		for (LocalDate start : starts) {
			LocalDate enter = start.plusYears(fromYears);
			LocalDate leave = start.plusYears(toYears); // first day out of the window
			LocalDate a = enter.isBefore(from) ? from : enter;
			LocalDate b = leave.isAfter(to.plusDays(1)) ? to.plusDays(1) : leave;
			if (a.isBefore(b)) {
				windows.add(new LocalDate[] { a, b });
			}
		}
		int best = 0;
		LocalDate bestDay = null;
		// the count only rises on a day someone enters: check those days
		for (LocalDate[] w : windows) {
			LocalDate day = w[0];
			int count = 0;
			for (LocalDate[] other : windows) {
				if (!day.isBefore(other[0]) && day.isBefore(other[1])) {
					count++;
				}
			}
			if (count > best || (count == best && bestDay != null && day.isBefore(bestDay))) {
				best = count;
				bestDay = day;
			}
		}
		return new Peak(best, bestDay);
	}

	/** Which of the bands a time in post falls in: under 1 year, 1-2, 2-3, 3 or more (0 to 3). */
	public static int band(LocalDate start, LocalDate today) {
		if (start.plusYears(1).isAfter(today)) {
			return 0;
		}
		if (start.plusYears(2).isAfter(today)) {
			return 1;
		}
		if (start.plusYears(3).isAfter(today)) {
			return 2;
		}
		return 3;
	}

}
