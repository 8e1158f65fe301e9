package org.ringfence.flex;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ringfence.platform.StateConflict;
import org.ringfence.tasking.AgendaContributor;
import org.ringfence.tasking.AgendaDecision;
import org.ringfence.tasking.AgendaEntry;
import org.ringfence.tasking.AgendaKind;

import org.springframework.stereotype.Component;

/**
 * Puts flex on the borough's tasking agenda and acts on the meeting's decisions: requests whose
 * providing wards are approved are presented for the superintendent's authority (AUTHORISE runs
 * the protocol's checks and updates the duty records, REJECT records the reasons), and live flexes
 * whose two-week review falls within a week of the meeting are reviewed (CONTINUE or END). A
 * decision the workflow refuses (a ring-fence broken, a state changed) is refused at the meeting
 * too, and nothing of it is recorded.
 */
@Component
class FlexOnTheAgenda implements AgendaContributor {

	static final String SOURCE = "flex-request";

	private final FlexRequests requests;

	FlexOnTheAgenda(FlexRequests requests) {
		this.requests = requests;
	}

	@Override
	public List<String> sources() {
		return List.of(SOURCE);
	}

	@Override
	public List<AgendaEntry> itemsFor(String boroughCode, LocalDate heldOn) {
		List<AgendaEntry> entries = new ArrayList<>();
		for (FlexStatus status : List.of(FlexStatus.WARDS_APPROVED, FlexStatus.PRESENTED)) {
			for (FlexRequestSummary flex : this.requests.list(Optional.of(boroughCode), Optional.of(status))) {
				entries.add(new AgendaEntry(AgendaKind.FLEX_PRESENTATION, SOURCE + ":" + flex.id(),
						flex.reference() + ": flex to " + flex.receivingWardName() + " (" + flex.problemType() + ")",
						describe(flex), List.of("AUTHORISE", "REJECT", "DEFERRED")));
			}
		}
		for (FlexRequestSummary flex : this.requests.list(Optional.of(boroughCode), Optional.of(FlexStatus.LIVE))) {
			FlexRequestView view = this.requests.view(flex.id());
			if (view.reviews().isEmpty() && !view.reviewDue().isAfter(heldOn.plusDays(7))) {
				entries.add(new AgendaEntry(AgendaKind.FLEX_REVIEW, SOURCE + ":" + flex.id(),
						flex.reference() + ": two-week review of the flex to " + flex.receivingWardName(),
						describe(flex) + " Review due " + view.reviewDue() + ".", List.of("CONTINUE", "END", "DEFERRED")));
			}
		}
		return entries;
	}

	private static String describe(FlexRequestSummary flex) {
		return flex.officers() + " officer(s) from " + String.join(", ", flex.providingWardNames()) + ", " + flex.firstDay()
				+ " to " + flex.lastDay() + ".";
	}

	@Override
	public void decided(AgendaDecision decision) {
		if (decision.outcome().equals("DEFERRED")) {
			return;
		}
		long id = Long.parseLong(decision.sourceRef().substring(SOURCE.length() + 1));
		FlexRequestView view = this.requests.view(id);
		switch (decision.outcome()) {
			case "AUTHORISE", "REJECT" -> {
				if (view.status() == FlexStatus.WARDS_APPROVED) {
					view = this.requests.transition(id, new FlexCommand.Present(decision.heldOn(), decision.meetingRef(),
							"Presented at " + decision.meetingRef()), Optional.of(view.version()));
				}
				FlexCommand command = decision.outcome().equals("AUTHORISE") ? new FlexCommand.Authorise(decision.note())
						: new FlexCommand.Reject(decision.note());
				this.requests.transition(id, command, Optional.of(view.version()));
			}
			case "CONTINUE", "END" -> this.requests.transition(id,
					new FlexCommand.Review(decision.heldOn(), ReviewOutcome.valueOf(decision.outcome()), decision.note(),
							Optional.empty(), Optional.empty()),
					Optional.of(view.version()));
			default -> throw new StateConflict("flex-outcome", "A flex item cannot be decided " + decision.outcome() + ".");
		}
	}

}
