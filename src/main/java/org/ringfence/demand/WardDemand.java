package org.ringfence.demand;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The demand of each ward over a period, for the modules that place officers by demand (shared
 * supervision, allocation of extra officers, Safer Schools, shift patterns).
 */
public interface WardDemand {

	/**
	 * Every ward of a borough (all London when empty) with its demand in the period (dates
	 * inclusive), wards without records included with zeros; ordered by ward code.
	 */
	List<WardDemandFigures> figures(Optional<String> boroughCode, LocalDate from, LocalDate to);

}
