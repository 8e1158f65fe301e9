package org.ringfence.flex;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Which of an officer's rostered on-ward tours a resource plan line flexes: all of them, the early
 * ones (starting before noon, London time) or the late ones (starting at noon or later).
 */
public enum Tours {

	ALL, EARLY, LATE;

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static final LocalTime NOON = LocalTime.NOON;

	public boolean covers(Instant start) {
		LocalTime local = start.atZone(LONDON).toLocalTime();
		return switch (this) {
			case ALL -> true;
			case EARLY -> local.isBefore(NOON);
			case LATE -> !local.isBefore(NOON);
		};
	}

}
