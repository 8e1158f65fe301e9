package org.ringfence.neighbourhood;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.ringfence.performance.PriorityLookup;
import org.ringfence.performance.PriorityRef;
import org.ringfence.platform.NotFound;

import org.springframework.stereotype.Component;

/**
 * The neighbourhood module's priorities as the performance framework links to them (EPIC activity
 * against a priority, problems linked to priorities, the report's activity against priorities):
 * the performance module's {@link PriorityLookup} port, implemented here.
 */
@Component
class PrioritiesForPerformance implements PriorityLookup {

	private final WardPriorities priorities;

	PrioritiesForPerformance(WardPriorities priorities) {
		this.priorities = priorities;
	}

	@Override
	public Optional<PriorityRef> find(long id) {
		try {
			return Optional.of(ref(this.priorities.find(id)));
		}
		catch (NotFound ex) {
			return Optional.empty();
		}
	}

	@Override
	public List<PriorityRef> forWard(String wardCode, LocalDate from, LocalDate to) {
		return this.priorities.forWard(wardCode, from, to).stream().map(PrioritiesForPerformance::ref).toList();
	}

	static PriorityRef ref(Priority priority) {
		return new PriorityRef(priority.id(), priority.wardCode(), priority.category(), priority.issue(),
				priority.status().name());
	}

}
