package org.ringfence.tasking;

import java.util.List;
import java.util.Objects;

/**
 * An item a module puts forward for a borough's tasking meeting.
 * @param sourceRef what it is about, unique in a meeting, e.g. {@code flex-request:12}
 * @param outcomes the decisions open to the meeting, e.g. AUTHORISE, REJECT
 */
public record AgendaEntry(AgendaKind kind, String sourceRef, String title, String summary, List<String> outcomes) {

	public AgendaEntry {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(sourceRef, "sourceRef");
		Objects.requireNonNull(title, "title");
		summary = summary == null ? "" : summary;
		outcomes = List.copyOf(outcomes);
		if (outcomes.isEmpty()) {
			throw new IllegalArgumentException("an agenda item needs at least one outcome: " + sourceRef);
		}
	}

}
