package org.ringfence.duties.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.ringfence.duties.ActivityClass;

/**
 * A rest day turned into a duty is a rest-day cancellation; the notice given is the days between
 * the change and the rest day. Police Regulations and the deployment protocol care about it: with
 * more than 15 days' notice no rest day in lieu is owed, and SN officers should not be used for aid
 * on such rest days.
 */
public final class RestDayCancellation {

	/** Notice, in days, beyond which no rest day in lieu is owed. */
	public static final int NO_LIEU_AFTER_DAYS = 15;

	private RestDayCancellation() {
	}

	/**
	 * The notice to record for a change of a duty's class, if the change cancels a rest day;
	 * otherwise whatever notice was recorded before.
	 */
	public static Optional<Integer> noticeDays(ActivityClass before, ActivityClass after, LocalDate dutyDate,
			LocalDate changedOn, Optional<Integer> recorded) {
		if (before == ActivityClass.REST_DAY && after != ActivityClass.REST_DAY) {
			return Optional.of((int) Math.max(0, ChronoUnit.DAYS.between(changedOn, dutyDate)));
		}
		return after == ActivityClass.REST_DAY ? Optional.empty() : recorded;
	}

}
