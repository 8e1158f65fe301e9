package org.ringfence.deflection;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.ringfence.tasking.AgendaContributor;
import org.ringfence.tasking.AgendaDecision;
import org.ringfence.tasking.AgendaEntry;
import org.ringfence.tasking.AgendaKind;

import org.springframework.stereotype.Component;

/**
 * Puts a borough's significant events on its tasking agenda: those running in the fortnight before
 * the meeting or on its day, with their SNT deployments (and the flagged ones from outside the
 * borough), so that the meeting reviews the use of neighbourhood officers. The meeting notes them;
 * standing an event down is not modelled.
 */
@Component
class SignificantEventsOnTheAgenda implements AgendaContributor {

	static final String SOURCE = "significant-event";

	private final SignificantEvents events;

	SignificantEventsOnTheAgenda(SignificantEvents events) {
		this.events = events;
	}

	@Override
	public List<String> sources() {
		return List.of(SOURCE);
	}

	@Override
	public List<AgendaEntry> itemsFor(String boroughCode, LocalDate heldOn) {
		return this.events.events(heldOn.minusDays(14), heldOn, Optional.of(List.of(boroughCode)))
			.stream()
			.filter(e -> e.boroughCode().equals(boroughCode))
			.map(e -> new AgendaEntry(AgendaKind.SIGNIFICANT_EVENT, SOURCE + ":" + e.id(),
					e.reference() + " " + e.title() + " (" + e.startsOn() + " to " + e.endsOn() + ")",
					summary(e), List.of("NOTED", "DEFERRED")))
			.toList();
	}

	private static String summary(SignificantEvent event) {
		long outside = event.deployments().stream().filter(EventDeployment::outsideHomeBorough).count();
		return event.description() + " " + event.deployments().size() + " SNT deployment(s)"
				+ (outside > 0 ? ", " + outside + " from outside the borough (extreme circumstances)" : "") + ".";
	}

	@Override
	public void decided(AgendaDecision decision) {
		// noted in the meeting's record; the event itself does not change
	}

}
