package org.ringfence.performance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The port through which the performance module reads ward priorities. The neighbourhood module
 * implements it; while no bean implements it, links to priorities are refused (422 "priorities are
 * not available") and reports say "priorities: not available".
 */
public interface PriorityLookup {

	Optional<PriorityRef> find(long id);

	/** The ward's priorities current at any time between the two days (inclusive). */
	List<PriorityRef> forWard(String wardCode, LocalDate from, LocalDate to);

}
