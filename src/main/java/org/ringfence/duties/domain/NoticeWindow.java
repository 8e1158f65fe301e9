package org.ringfence.duties.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Police Regulations: a roster is published at least one month before it starts, and its published
 * tours inside that month's notice window change only for exigencies of duty. A planned duty
 * written by a published roster (source "roster:...") that has not ended and starts within a month
 * of now is frozen: changing it needs a stated reason.
 */
public final class NoticeWindow {

	/** The source of duties written by publishing a roster starts with this. */
	public static final String ROSTER_SOURCE = "roster:";

	/** The notice a roster is published with, in months. */
	public static final int MONTHS = 1;

	private NoticeWindow() {
	}

	/** Whether a planned duty from this source, at these times, is inside the notice window at now. */
	public static boolean frozen(boolean planned, String source, Instant startsAt, Instant endsAt, Instant now,
			ZoneId zone) {
		if (!planned || source == null || !source.startsWith(ROSTER_SOURCE) || !endsAt.isAfter(now)) {
			return false;
		}
		Instant windowEnd = now.atZone(zone).plusMonths(MONTHS).toInstant();
		return startsAt.isBefore(windowEnd);
	}

	/** The reason given, stripped, when it says something; empty otherwise. */
	public static Optional<String> reason(Optional<String> given) {
		return given.map(String::strip).filter(r -> r.length() >= 3);
	}

}
