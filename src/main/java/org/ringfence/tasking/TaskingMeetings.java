package org.ringfence.tasking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.ringfence.tasking.persistence.TaskingQueries.MeetingRow;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tasking module's public API for meetings: plan one, build its agenda from what the modules
 * put forward and the borough's open bids, record a decision on each item (handing it back to the
 * module that put it forward, in the same transaction), and close it with its minutes. Access is
 * checked here against the meeting's borough.
 */
@Service
public class TaskingMeetings {

	private final TaskingQueries queries;

	private final List<AgendaContributor> contributors;

	private final GeographyService geography;

	private final CurrentAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TaskingMeetings(TaskingQueries queries, List<AgendaContributor> contributors, GeographyService geography,
			CurrentAccess access, ApplicationEventPublisher events, Clock clock) {
		this.queries = queries;
		this.contributors = List.copyOf(contributors);
		this.geography = geography;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Meeting plan(String boroughCode, LocalDate heldOn, String chair) {
		String borough = this.geography.borough(boroughCode).code();
		this.access.require(Place.borough(borough));
		if (chair == null || chair.isBlank()) {
			throw new InvalidInput("Name the chair of the meeting.", List.of(new InvalidInput.FieldError("chair", "required")));
		}
		AgendaRules.schedulingProblem(heldOn, LocalDate.now(this.clock)).ifPresent(problem -> {
			throw new InvalidInput("The meeting cannot be planned: " + problem + ".",
					List.of(new InvalidInput.FieldError("heldOn", problem)));
		});
		long id = this.queries.insertMeeting(borough, heldOn, chair.strip(), Actor.current());
		if (id < 0) {
			throw new StateConflict("meeting-exists", "There is a tasking meeting for " + this.geography.borough(borough).name()
					+ " on " + heldOn + " already.");
		}
		Meeting meeting = meeting(id);
		this.events.publishEvent(StateChange.created("tasking meeting", Long.toString(id), borough,
				Map.of("heldOn", heldOn.toString(), "chair", meeting.chair())));
		return meeting;
	}

	@Transactional(readOnly = true)
	public Meeting meeting(long id) {
		MeetingRow row = this.queries.meeting(id).orElseThrow(() -> new NotFound("No tasking meeting " + id + "."));
		this.access.require(Place.borough(row.boroughCode()));
		return row.with(this.geography.borough(row.boroughCode()).name(), this.queries.agenda(id));
	}

	/** Meetings in the caller's scope, newest first, optionally of one borough. */
	@Transactional(readOnly = true)
	public List<Meeting> meetings(Optional<String> borough) {
		borough.ifPresent(b -> this.access.require(Place.borough(this.geography.borough(b).code())));
		return this.queries.meetings(this.access.boroughsOrAll(), borough)
			.stream()
			.map(row -> row.with(this.geography.borough(row.boroughCode()).name(), List.of()))
			.toList();
	}

	/**
	 * Puts on the agenda what every module puts forward for the borough on the meeting's day and
	 * the borough's open bids; refreshes undecided items, never touches decided ones. Safe to repeat.
	 */
	@Transactional
	public Meeting buildAgenda(long id) {
		MeetingRow row = lockedOpen(id);
		List<AgendaEntry> entries = new ArrayList<>();
		for (AgendaContributor contributor : this.contributors) {
			entries.addAll(contributor.itemsFor(row.boroughCode(), row.heldOn()));
		}
		for (SupportBid bid : this.queries.openBids(row.boroughCode())) {
			entries.add(AgendaRules.bidEntry(bid.id(), bid.unit().label(), bid.purpose(), bid.wantedFrom(), bid.wantedTo(),
					bid.hoursRequested()));
		}
		Map<String, AgendaItem> existing = new LinkedHashMap<>();
		this.queries.agenda(id).forEach(item -> existing.put(item.sourceRef(), item));
		int position = this.queries.nextPosition(id);
		List<String> added = new ArrayList<>();
		for (AgendaEntry entry : AgendaRules.ordered(entries)) {
			AgendaItem known = existing.get(entry.sourceRef());
			if (this.queries.putItem(id, known == null ? position++ : known.position(), entry) && known == null) {
				added.add(entry.sourceRef());
			}
		}
		if (!added.isEmpty()) {
			this.events.publishEvent(StateChange.changed("tasking agenda built", "tasking meeting", Long.toString(id),
					row.boroughCode(), Map.of(), Map.of("added", added)));
		}
		return meeting(id);
	}

	/** Adds an item of other business. */
	@Transactional
	public Meeting addOtherBusiness(long id, String title, String summary) {
		MeetingRow row = lockedOpen(id);
		if (title == null || title.isBlank() || title.length() > 300) {
			throw new InvalidInput("An item needs a title of at most 300 characters.",
					List.of(new InvalidInput.FieldError("title", "required, at most 300 characters")));
		}
		int position = this.queries.nextPosition(id);
		AgendaEntry entry = new AgendaEntry(AgendaKind.OTHER, "other:" + position, title.strip(), summary,
				AgendaRules.OTHER_OUTCOMES);
		this.queries.putItem(id, position, entry);
		this.events.publishEvent(StateChange.changed("tasking item added", "tasking meeting", Long.toString(id),
				row.boroughCode(), Map.of(), Map.of("item", entry.sourceRef(), "title", entry.title())));
		return meeting(id);
	}

	/**
	 * Records the meeting's decision on an item and hands it to the module that put it forward (for
	 * a bid, sets the bid's outcome). If that module refuses, nothing is recorded.
	 * @param hoursGranted for a bid granted in part, the hours granted
	 */
	@Transactional
	public Meeting decide(long id, long itemId, String outcome, String note, Optional<Integer> hoursGranted) {
		MeetingRow row = this.queries.lockMeeting(id).orElseThrow(() -> new NotFound("No tasking meeting " + id + "."));
		this.access.require(Place.borough(row.boroughCode()));
		AgendaItem item = this.queries.agenda(id)
			.stream()
			.filter(i -> i.id() == itemId)
			.findFirst()
			.orElseThrow(() -> new NotFound("Meeting " + id + " has no agenda item " + itemId + "."));
		AgendaRules.decisionProblem(row.closed(), item.outcome(), item.outcomes(), outcome, note).ifPresent(problem -> {
			throw new StateConflict("decision-refused", "No decision recorded on \"" + item.title() + "\": " + problem + ".");
		});
		String actor = Actor.current();
		this.queries.decide(itemId, outcome, note.strip(), actor);
		String source = item.sourceRef().substring(0, item.sourceRef().indexOf(':'));
		Meeting meeting = row.with(this.geography.borough(row.boroughCode()).name(), List.of());
		if (source.equals("support-bid")) {
			decideBid(Long.parseLong(item.sourceRef().substring("support-bid:".length())), outcome, note.strip(), hoursGranted);
		}
		else if (!source.equals("other")) {
			AgendaContributor contributor = this.contributors.stream()
				.filter(c -> c.sources().contains(source))
				.findFirst()
				.orElseThrow(() -> new StateConflict("no-contributor",
						"Nothing in this installation acts on decisions about " + source + " items."));
			contributor.decided(new AgendaDecision(item.sourceRef(), outcome, note.strip(), id, meeting.reference(),
					row.boroughCode(), row.heldOn(), actor));
		}
		this.events.publishEvent(StateChange.changed("tasking decision", "tasking meeting", Long.toString(id),
				row.boroughCode(), Map.of("item", item.sourceRef()),
				Map.of("item", item.sourceRef(), "title", item.title(), "outcome", outcome, "note", note.strip())));
		return meeting(id);
	}

	/** Closes the meeting: the minutes become final. Every item needs a decision first. */
	@Transactional
	public Meeting close(long id, String minutesNote) {
		MeetingRow row = this.queries.lockMeeting(id).orElseThrow(() -> new NotFound("No tasking meeting " + id + "."));
		this.access.require(Place.borough(row.boroughCode()));
		List<String> undecided = this.queries.agenda(id)
			.stream()
			.filter(i -> i.outcome().isEmpty())
			.map(AgendaItem::title)
			.toList();
		AgendaRules.closeProblem(row.closed(), undecided).ifPresent(problem -> {
			throw new StateConflict("close-refused", "The meeting cannot close: " + problem + ".");
		});
		String note = minutesNote == null ? "" : minutesNote.strip();
		if (note.length() > 10000) {
			throw new InvalidInput("The minutes note is longer than 10,000 characters.",
					List.of(new InvalidInput.FieldError("minutesNote", "at most 10,000 characters")));
		}
		this.queries.close(id, note, Actor.current());
		this.events.publishEvent(StateChange.changed("tasking meeting closed", "tasking meeting", Long.toString(id),
				row.boroughCode(), Map.of("status", "OPEN"), Map.of("status", "CLOSED", "minutesNote", note)));
		return meeting(id);
	}

	private void decideBid(long bidId, String outcome, String note, Optional<Integer> hoursGranted) {
		SupportBid bid = this.queries.lockBid(bidId).orElseThrow(() -> new NotFound("No support bid " + bidId + "."));
		Optional<Integer> hours = switch (outcome) {
			case "GRANTED" -> Optional.of(hoursGranted.orElse(bid.hoursRequested()));
			case "PARTLY_GRANTED" -> Optional.of(hoursGranted.filter(h -> h > 0 && h < bid.hoursRequested())
				.orElseThrow(() -> new InvalidInput("Say how many of the " + bid.hoursRequested()
						+ " hours asked for were granted (more than 0, fewer than all).",
						List.of(new InvalidInput.FieldError("hoursGranted", "required for PARTLY_GRANTED")))));
			default -> Optional.empty();
		};
		if (hours.isPresent() && hours.get() > bid.hoursRequested()) {
			throw new InvalidInput("More hours granted than asked for (" + bid.hoursRequested() + ").",
					List.of(new InvalidInput.FieldError("hoursGranted", "at most the hours requested")));
		}
		this.queries.setBidOutcome(bidId, outcome, note, hours);
		this.events.publishEvent(StateChange.changed("support bid decided", "support bid", Long.toString(bidId),
				bid.boroughCode(), Map.of("status", bid.status()), Map.of("status", outcome, "note", note)));
	}

	private MeetingRow lockedOpen(long id) {
		MeetingRow row = this.queries.lockMeeting(id).orElseThrow(() -> new NotFound("No tasking meeting " + id + "."));
		this.access.require(Place.borough(row.boroughCode()));
		if (row.closed()) {
			throw new StateConflict("meeting-closed", "The meeting of " + row.heldOn() + " is closed: its minutes are final.");
		}
		return row;
	}

}
