package org.ringfence.demand;

import java.time.LocalDate;
import java.util.List;

/**
 * Demand by hour of the week for a set of wards (a ward, a cluster, a borough), for the modules that
 * place tours by time of day (shift design, rosters). The same figures as the demand profile
 * ({@code GET /api/v1/demand/profile}, kind {@code all}) of the same wards and period.
 */
public interface HourOfWeekDemand {

	/**
	 * The wards' demand by hour of the week over the period (dates inclusive); when {@code from} or
	 * {@code to} is null it is defaulted as the profiles do: the twelve months up to the last month
	 * holding records (the last twelve complete months when nothing is held).
	 * @throws org.ringfence.platform.InvalidInput when the period is not valid
	 */
	HourOfWeek hourOfWeek(List<String> wardCodes, LocalDate from, LocalDate to);

	/** The wards' demand by hour of the week over the default period. */
	default HourOfWeek hourOfWeek(List<String> wardCodes) {
		return hourOfWeek(wardCodes, null, null);
	}

}
