package org.ringfence.neighbourhood;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ringfence.geography.GeographyService;
import org.ringfence.identity.Place;
import org.ringfence.neighbourhood.persistence.NeighbourhoodQueries;
import org.ringfence.platform.Actor;
import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;
import org.ringfence.platform.StateChange;
import org.ringfence.platform.StateConflict;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ward panels: their members (name and role only) and meetings. Every change is audited. */
@Service
public class WardPanels {

	static final int MAX_MEMBERS = 40;

	private final NeighbourhoodQueries queries;

	private final GeographyService geography;

	private final ApplicationEventPublisher events;

	private final PublishedCache cache;

	WardPanels(NeighbourhoodQueries queries, GeographyService geography, ApplicationEventPublisher events,
			PublishedCache cache) {
		this.queries = queries;
		this.geography = geography;
		this.events = events;
		this.cache = cache;
	}

	@Transactional(readOnly = true)
	public List<PanelMember> members(String wardCode) {
		this.geography.placeOfWard(wardCode);
		return this.queries.members(wardCode);
	}

	/** Replaces the panel's member list (in the order given, chair first). */
	@Transactional
	public List<PanelMember> replaceMembers(String wardCode, List<PanelMember> members) {
		Place place = this.geography.placeOfWard(wardCode);
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		if (members == null || members.size() > MAX_MEMBERS) {
			errors.add(new InvalidInput.FieldError("members", "Give at most " + MAX_MEMBERS + " members"));
		}
		else {
			for (int i = 0; i < members.size(); i++) {
				PanelMember m = members.get(i);
				if (m == null || m.name() == null || m.name().isBlank() || m.name().strip().length() > 100) {
					errors.add(new InvalidInput.FieldError("members[" + i + "].name", "Enter a name of 100 characters or fewer"));
				}
				if (m == null || m.role() == null || m.role().isBlank() || m.role().strip().length() > 100) {
					errors.add(new InvalidInput.FieldError("members[" + i + "].role", "Enter a role of 100 characters or fewer"));
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput("The panel members cannot be saved.", errors);
		}
		List<PanelMember> before = this.queries.members(wardCode);
		List<PanelMember> cleaned = members.stream().map(m -> new PanelMember(m.name().strip(), m.role().strip(), false)).toList();
		this.queries.replaceMembers(wardCode, cleaned);
		this.events.publishEvent(StateChange.changed("ward panel members changed", "ward panel", wardCode,
				place.boroughCode(), Map.of("members", describe(before)), Map.of("members", describe(cleaned))));
		this.cache.clearAfterCommit();
		return this.queries.members(wardCode);
	}

	/** The ward's panel meetings overlapping a period, earliest first. */
	@Transactional(readOnly = true)
	public List<PanelMeeting> meetings(String wardCode, LocalDateTime from, LocalDateTime to) {
		this.geography.placeOfWard(wardCode);
		return this.queries.meetings(wardCode, from, to);
	}

	@Transactional(readOnly = true)
	public PanelMeeting meeting(long id) {
		return this.queries.meeting(id).orElseThrow(() -> new NotFound("No ward panel meeting " + id + "."));
	}

	@Transactional(readOnly = true)
	public Place placeOfMeeting(long id) {
		return this.geography.placeOfWard(meeting(id).wardCode());
	}

	@Transactional
	public PanelMeeting addMeeting(String wardCode, NewMeeting meeting) {
		Place place = this.geography.placeOfWard(wardCode);
		check(meeting);
		long id = this.queries.insertMeeting(wardCode, meeting, Actor.current());
		PanelMeeting saved = meeting(id);
		this.events.publishEvent(StateChange.created("ward panel meeting", Long.toString(id), place.boroughCode(),
				describe(saved)));
		this.cache.clearAfterCommit();
		return saved;
	}

	/** Changes a meeting (e.g. records attendance and minutes once held), at the version read. */
	@Transactional
	public PanelMeeting changeMeeting(long id, NewMeeting meeting, int version) {
		PanelMeeting before = meeting(id);
		Place place = this.geography.placeOfWard(before.wardCode());
		check(meeting);
		if (!this.queries.updateMeeting(id, meeting, version)) {
			throw new StateConflict("meeting-changed", "Someone changed this meeting since you read it: read it again.");
		}
		PanelMeeting after = meeting(id);
		this.events.publishEvent(StateChange.changed("ward panel meeting changed", "ward panel meeting", Long.toString(id),
				place.boroughCode(), describe(before), describe(after)));
		this.cache.clearAfterCommit();
		return after;
	}

	/**
	 * Deletes a meeting (e.g. cancelled, or recorded by mistake), at the version read. Refused while
	 * any priority records it as the meeting that agreed it: the priority's history would lose its
	 * meeting (change or close the priority's record first, or keep the meeting and mark it private).
	 */
	@Transactional
	public void deleteMeeting(long id, int version) {
		PanelMeeting before = meeting(id);
		Place place = this.geography.placeOfWard(before.wardCode());
		int agreed = this.queries.prioritiesAgreedAt(id);
		if (agreed > 0) {
			throw new DomainRuleViolation("meeting-has-priorities", "This meeting cannot be deleted: " + agreed
					+ (agreed == 1 ? " priority was" : " priorities were") + " agreed at it.");
		}
		if (!this.queries.deleteMeeting(id, version)) {
			throw new StateConflict("meeting-changed", "Someone changed this meeting since you read it: read it again.");
		}
		this.events.publishEvent(StateChange.changed("ward panel meeting deleted", "ward panel meeting", Long.toString(id),
				place.boroughCode(), describe(before), Map.of("deleted", true)));
		this.cache.clearAfterCommit();
	}

	private static void check(NewMeeting meeting) {
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		if (meeting.startsAt() == null) {
			errors.add(new InvalidInput.FieldError("startsAt", "Enter when the meeting starts"));
		}
		if (meeting.endsAt() == null) {
			errors.add(new InvalidInput.FieldError("endsAt", "Enter when the meeting ends"));
		}
		if (meeting.startsAt() != null && meeting.endsAt() != null && !meeting.endsAt().isAfter(meeting.startsAt())) {
			errors.add(new InvalidInput.FieldError("endsAt", "The meeting must end after it starts"));
		}
		if (meeting.place() == null || meeting.place().isBlank() || meeting.place().strip().length() > 200) {
			errors.add(new InvalidInput.FieldError("place", "Enter the place, 200 characters or fewer"));
		}
		if (meeting.attendance() != null && meeting.attendance() < 0) {
			errors.add(new InvalidInput.FieldError("attendance", "Attendance cannot be negative"));
		}
		if (meeting.minutes() != null && meeting.minutes().length() > 20000) {
			errors.add(new InvalidInput.FieldError("minutes", "The minutes must be 20,000 characters or fewer"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput("The meeting cannot be saved.", errors);
		}
	}

	private static List<String> describe(List<PanelMember> members) {
		return members.stream().map(m -> m.name() + " (" + m.role() + ")").toList();
	}

	private static Map<String, Object> describe(PanelMeeting m) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("ward", m.wardCode());
		out.put("startsAt", m.startsAt().toString());
		out.put("endsAt", m.endsAt().toString());
		out.put("place", m.place());
		out.put("attendance", m.attendance().map(Object::toString).orElse(""));
		out.put("minutesLength", m.minutes().length());
		out.put("public", m.isPublic());
		return out;
	}

}
