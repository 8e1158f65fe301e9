package org.ringfence.tasking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ringfence.geography.GeographyService;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Place;
import org.ringfence.platform.Actor;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;
import org.ringfence.platform.StateChange;
import org.ringfence.platform.StateConflict;
import org.ringfence.tasking.domain.AgendaRules;
import org.ringfence.tasking.persistence.TaskingQueries;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bids for pan-London support units: made by the borough, decided at its tasking meeting (see
 * {@link TaskingMeetings#decide}), debriefed after the unit has worked.
 */
@Service
public class SupportBids {

	private final TaskingQueries queries;

	private final GeographyService geography;

	private final CurrentAccess access;

	private final ApplicationEventPublisher events;

	SupportBids(TaskingQueries queries, GeographyService geography, CurrentAccess access,
			ApplicationEventPublisher events) {
		this.queries = queries;
		this.geography = geography;
		this.access = access;
		this.events = events;
	}

	/** A bid to make: which unit, where, why, when and for how many hours. */
	public record NewBid(String boroughCode, SupportUnit unit, Optional<String> wardCode, String purpose,
			java.time.LocalDate wantedFrom, java.time.LocalDate wantedTo, int hoursRequested) {
	}

	@Transactional
	public SupportBid bid(NewBid bid) {
		String borough = this.geography.borough(bid.boroughCode()).code();
		this.access.require(Place.borough(borough));
		List<InvalidInput.FieldError> errors = new java.util.ArrayList<>();
		if (bid.unit() == null) {
			errors.add(new InvalidInput.FieldError("unit", "required"));
		}
		if (bid.purpose() == null || bid.purpose().isBlank() || bid.purpose().length() > 2000) {
			errors.add(new InvalidInput.FieldError("purpose", "required, at most 2,000 characters"));
		}
		if (bid.wantedFrom() == null || bid.wantedTo() == null || bid.wantedTo().isBefore(bid.wantedFrom())) {
			errors.add(new InvalidInput.FieldError("wantedTo", "the dates are required and must not end before they start"));
		}
		if (bid.hoursRequested() < 1 || bid.hoursRequested() > 10000) {
			errors.add(new InvalidInput.FieldError("hoursRequested", "between 1 and 10,000"));
		}
		bid.wardCode().ifPresent(w -> {
			if (!this.geography.placeOfWard(w).boroughCode().equals(borough)) {
				errors.add(new InvalidInput.FieldError("wardCode", "the ward is not in the borough"));
			}
		});
		if (!errors.isEmpty()) {
			throw new InvalidInput("The bid is not valid: "
					+ String.join("; ", errors.stream().map(e -> e.field() + " " + e.message()).toList()) + ".", errors);
		}
		long id = this.queries.insertBid(borough, bid.unit(), bid.wardCode(), bid.purpose().strip(), bid.wantedFrom(),
				bid.wantedTo(), bid.hoursRequested(), Actor.current());
		SupportBid stored = this.queries.bid(id).orElseThrow();
		this.events.publishEvent(StateChange.created("support bid", Long.toString(id), borough, state(stored)));
		return stored;
	}

	@Transactional(readOnly = true)
	public SupportBid get(long id) {
		SupportBid bid = this.queries.bid(id).orElseThrow(() -> new NotFound("No support bid " + id + "."));
		this.access.require(Place.borough(bid.boroughCode()));
		return bid;
	}

	@Transactional(readOnly = true)
	public List<SupportBid> list(Optional<String> borough, Optional<String> status) {
		borough.ifPresent(b -> this.access.require(Place.borough(this.geography.borough(b).code())));
		return this.queries.bids(this.access.boroughsOrAll(), borough, status);
	}

	/** Records what the unit did, and whether the borough operations office was told (or why not). */
	@Transactional
	public SupportBid debrief(long id, String debrief, boolean operationsOfficeInformed, String notInformedReason) {
		SupportBid bid = this.queries.lockBid(id).orElseThrow(() -> new NotFound("No support bid " + id + "."));
		this.access.require(Place.borough(bid.boroughCode()));
		String reason = notInformedReason == null ? "" : notInformedReason.strip();
		AgendaRules.debriefProblem(bid.status(), debrief, operationsOfficeInformed, reason).ifPresent(problem -> {
			throw new StateConflict("debrief-refused", "The debrief cannot be recorded: " + problem + ".");
		});
		this.queries.setDebrief(id, debrief.strip(), operationsOfficeInformed, operationsOfficeInformed ? "" : reason);
		SupportBid after = this.queries.bid(id).orElseThrow();
		this.events.publishEvent(StateChange.changed("support bid debriefed", "support bid", Long.toString(id),
				bid.boroughCode(), state(bid), state(after)));
		return after;
	}

	private static Map<String, Object> state(SupportBid bid) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("unit", bid.unit().name());
		bid.wardCode().ifPresent(w -> state.put("ward", w));
		state.put("purpose", bid.purpose());
		state.put("from", bid.wantedFrom().toString());
		state.put("to", bid.wantedTo().toString());
		state.put("hoursRequested", bid.hoursRequested());
		state.put("status", bid.status());
		bid.hoursGranted().ifPresent(h -> state.put("hoursGranted", h));
		if (!bid.debrief().isEmpty()) {
			state.put("debrief", bid.debrief());
		}
		bid.operationsOfficeInformed().ifPresent(i -> state.put("operationsOfficeInformed", i));
		return state;
	}

}
