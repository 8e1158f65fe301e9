package org.ringfence.tasking;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One item of a meeting's agenda and the decision recorded against it, if any. */
public record AgendaItem(long id, int position, AgendaKind kind, String sourceRef, String title, String summary,
		List<String> outcomes, Optional<String> outcome, String decisionNote, Optional<String> decidedBy,
		Optional<Instant> decidedAt) {
}
