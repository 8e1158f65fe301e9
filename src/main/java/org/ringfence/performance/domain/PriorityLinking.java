package org.ringfence.performance.domain;

import java.util.Optional;

import org.ringfence.performance.PriorityLookup;
import org.ringfence.performance.PriorityRef;

/**
 * Whether a record of a ward may link to a priority: the neighbourhood module must be there (the
 * {@link PriorityLookup} port), the priority must exist and belong to the same ward.
 */
public final class PriorityLinking {

	public static final String NOT_AVAILABLE = "priorities are not available";

	private PriorityLinking() {
	}

	/** Empty when the link is allowed; otherwise the reason it is refused. */
	public static Optional<String> refusal(Optional<PriorityLookup> lookup, String wardCode, long priorityId) {
		if (lookup.isEmpty()) {
			return Optional.of(NOT_AVAILABLE);
		}
		Optional<PriorityRef> priority = lookup.get().find(priorityId);
		if (priority.isEmpty()) {
			return Optional.of("no priority " + priorityId);
		}
		if (!priority.get().wardCode().equals(wardCode)) {
			return Optional.of("priority " + priorityId + " belongs to ward " + priority.get().wardCode() + ", not " + wardCode);
		}
		return Optional.empty();
	}

}
