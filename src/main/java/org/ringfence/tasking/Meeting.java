package org.ringfence.tasking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A borough tasking meeting with its agenda, as stored. */
public record Meeting(long id, String boroughCode, String boroughName, LocalDate heldOn, String chair, boolean closed,
		String minutesNote, String createdBy, Optional<Instant> closedAt, int version, List<AgendaItem> agenda) {

	/** How the meeting is cited in other records. */
	public String reference() {
		return "tasking-meeting:" + this.id + " (" + this.boroughName + ", " + this.heldOn + ")";
	}

	/** The items still waiting for a decision. */
	public List<AgendaItem> undecided() {
		return this.agenda.stream().filter(i -> i.outcome().isEmpty()).toList();
	}

}
