package org.ringfence.deflection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * An SNT member deployed to a significant event.
 * @param outsideHomeBorough flagged: the person's home borough is not the event's
 * @param extremeCircumstances the justification, required when outside the home borough
 * @param dutiesRecoded how many planned on-ward tours were re-coded to the significant-event code
 * @param dutiesNotChanged days left as they were and why (only in the answer to recording it)
 */
public record EventDeployment(long id, long eventId, String eventReference, String eventBoroughCode, long personId,
		String name, LocalDate startsOn, LocalDate endsOn, Optional<LocalTime> tourStart, Optional<LocalTime> tourEnd,
		String reassurancePurpose, String homeBoroughCode, boolean outsideHomeBorough,
		Optional<String> extremeCircumstances, int dutiesRecoded, List<String> dutiesNotChanged, String recordedBy,
		Instant recordedAt) {

	public EventDeployment {
		tourStart = tourStart == null ? Optional.empty() : tourStart;
		tourEnd = tourEnd == null ? Optional.empty() : tourEnd;
		extremeCircumstances = extremeCircumstances == null ? Optional.empty() : extremeCircumstances;
		dutiesNotChanged = dutiesNotChanged == null ? List.of() : List.copyOf(dutiesNotChanged);
	}

}
