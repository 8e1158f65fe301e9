package org.ringfence.duties;

import org.ringfence.platform.Actor;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ringfence.duties.domain.NoticeWindow;
import org.ringfence.duties.domain.RestDayCancellation;
import org.ringfence.duties.persistence.DutyQueries;
import org.ringfence.geography.GeographyService;
import org.ringfence.identity.Place;
import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;
import org.ringfence.platform.StateChange;
import org.ringfence.workforce.WorkforceService;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The duties module's public API for single duties: record, change, read, and their history. */
@Service
public class DutyService {

	private final DutyQueries queries;

	private final WorkforceService workforce;

	private final GeographyService geography;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	DutyService(DutyQueries queries, WorkforceService workforce, GeographyService geography,
			ApplicationEventPublisher events, JsonMapper json, Clock clock) {
		this.queries = queries;
		this.workforce = workforce;
		this.geography = geography;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Duty duty(long id) {
		return this.queries.duty(id).orElseThrow(() -> new NotFound("No duty " + id + "."));
	}

	/** Where a duty belongs for access checks: the person's posting on the duty date, or today's. */
	@Transactional(readOnly = true)
	public Optional<Place> placeOfPerson(long personId) {
		return this.workforce.currentPlace(personId);
	}

	@Transactional(readOnly = true)
	public List<Duty> ofPerson(long personId, Optional<DutyKind> kind, LocalDate from, LocalDate to) {
		this.workforce.person(personId);
		return this.queries.ofPerson(personId, kind, start(from), start(to.plusDays(1)));
	}

	@Transactional(readOnly = true)
	public List<Duty> ofWardTeam(String wardCode, Optional<DutyKind> kind, LocalDate from, LocalDate to) {
		this.geography.placeOfWard(wardCode);
		return this.queries.ofWardTeam(wardCode, kind, start(from), start(to.plusDays(1)));
	}

	/** Earlier versions of a duty, oldest first. */
	@Transactional(readOnly = true)
	public List<Map<String, Object>> history(long dutyId) {
		duty(dutyId);
		return this.queries.history(dutyId)
			.stream()
			.map(s -> this.json.readValue(s, new tools.jackson.core.type.TypeReference<Map<String, Object>>() {
			}))
			.toList();
	}

	/** Activity codes' names, by code. */
	@Transactional(readOnly = true)
	public Map<String, String> codeNames() {
		return this.queries.codeNames();
	}

	/** Ward names, by code, for showing where duties were worked. */
	@Transactional(readOnly = true)
	public Map<String, String> wardNames() {
		return this.geography.wardNames();
	}

	/**
	 * A person's duties as an iCalendar file: planned where no actual exists yet, each with its code's
	 * name, where, and the notice given for a cancelled rest day.
	 */
	@Transactional(readOnly = true)
	public String calendar(long personId, LocalDate from, LocalDate to) {
		Map<String, String> codes = codeNames();
		Map<String, String> wards = wardNames();
		List<org.ringfence.platform.ICalendar.Event> events = ofPerson(personId, Optional.empty(), from, to).stream()
			.map(d -> new org.ringfence.platform.ICalendar.Event("duty-" + d.id() + "@ringfence", d.startsAt(),
					d.endsAt(), codes.getOrDefault(d.activityCode(), d.activityCode()) + " (" + d.kind().name().toLowerCase() + ")",
					d.wardCode().map(w -> wards.getOrDefault(w, w)).orElse(d.place()),
					d.noticeDays().map(n -> "Rest day cancelled with " + n + " days' notice.").orElse("")))
			.toList();
		return org.ringfence.platform.ICalendar.write("Duties", "Ringfence duties", events, this.clock.instant());
	}

	/** Where a ward sits, for access checks. */
	@Transactional(readOnly = true)
	public Place placeOfWard(String wardCode) {
		return this.geography.placeOfWard(wardCode);
	}

	/** How each code is classified by the rule set in force on a day. */
	@Transactional(readOnly = true)
	public Map<String, Classification> classificationOn(LocalDate day) {
		return this.queries.classificationOn(day);
	}

	/** Records a duty; refuses one that breaks a rule or overlaps another of the same person and kind. */
	@Transactional
	public Duty record(NewDuty duty) {
		check(duty, 0);
		long id = this.queries.insert(duty, "manual", Actor.current(), Optional.empty());
		Duty stored = duty(id);
		this.events.publishEvent(StateChange.created("duty", Long.toString(id), boroughOf(duty.personId()), state(stored)));
		return stored;
	}

	/**
	 * Changes a duty at the version the caller read. The earlier version is kept; a rest day turned
	 * into a duty records the notice given.
	 */
	@Transactional
	public Duty change(long id, int expectedVersion, NewDuty changed) {
		return change(id, expectedVersion, changed, Optional.empty());
	}

	/**
	 * Changes a duty, giving the reason for it: a planned tour of a published roster inside the
	 * month's notice window changes only for exigencies of duty, so it is refused without a reason
	 * and the reason is audited with the change.
	 */
	@Transactional
	public Duty change(long id, int expectedVersion, NewDuty changed, Optional<String> reason) {
		Duty before = duty(id);
		if (before.version() != expectedVersion) {
			throw new OptimisticLockingFailureException("duty " + id + " is at version " + before.version());
		}
		Optional<String> exigency = NoticeWindow.reason(reason);
		boolean frozen = NoticeWindow.frozen(before.kind() == DutyKind.PLANNED, before.source(), before.startsAt(),
				before.endsAt(), this.clock.instant(), NewDuty.LONDON);
		if (frozen && exigency.isEmpty()) {
			throw new DomainRuleViolation("roster-notice-window", "Duty " + id + " was published on a roster and starts "
					+ local(before.startsAt()) + ", inside the month's notice (Police Regulations): it can only be changed "
					+ "for exigencies of duty. Give the reason.",
					List.of("A published roster's tour inside the notice window needs an exigencies-of-duty reason to change."));
		}
		if (before.personId() != changed.personId() || before.kind() != changed.kind()) {
			throw new DomainRuleViolation("duty-identity", "A duty's person and kind cannot change; record a new duty.");
		}
		check(changed, id);
		Map<String, Classification> classes = this.queries.classificationOn(changed.dutyDate());
		Map<String, Classification> classesBefore = this.queries.classificationOn(before.dutyDate());
		Optional<Integer> notice = RestDayCancellation.noticeDays(classesBefore.get(before.activityCode()).activityClass(),
				classes.get(changed.activityCode()).activityClass(), changed.dutyDate(), LocalDate.now(this.clock),
				before.noticeDays());
		this.queries.keepHistory(before, this.json.writeValueAsString(state(before)));
		if (!this.queries.update(id, expectedVersion, changed, notice, Actor.current())) {
			throw new OptimisticLockingFailureException("duty " + id + " changed meanwhile");
		}
		Duty after = duty(id);
		Map<String, Object> afterState = state(after);
		if (frozen) {
			afterState.put("exigenciesOfDuty", exigency.get());
		}
		this.events.publishEvent(StateChange.changed(frozen ? "rostered duty changed for exigencies of duty" : "duty changed",
				"duty", Long.toString(id), boroughOf(changed.personId()), state(before), afterState));
		return after;
	}

	/**
	 * Records a published roster's tours as planned duties, all or none (one transaction), with the
	 * roster as their source so that the notice-window rule knows them; one audit entry for the lot.
	 * Refuses the whole set if any tour is invalid or overlaps a duty already recorded.
	 */
	@Transactional
	public List<Duty> recordRostered(String rosterReference, String boroughCode, List<NewDuty> tours) {
		if (rosterReference == null || rosterReference.isBlank()) {
			throw new IllegalArgumentException("a roster reference is required");
		}
		List<Long> ids = new java.util.ArrayList<>();
		for (NewDuty tour : tours) {
			if (tour.kind() != DutyKind.PLANNED) {
				throw new InvalidInput("A roster writes planned duties only.",
						List.of(new InvalidInput.FieldError("kind", "must be PLANNED")));
			}
			check(tour, 0);
			ids.add(this.queries.insert(tour, NoticeWindow.ROSTER_SOURCE + rosterReference, Actor.current(),
					Optional.empty()));
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("roster", rosterReference);
		after.put("duties", ids.size());
		after.put("people", tours.stream().map(NewDuty::personId).distinct().count());
		tours.stream().map(NewDuty::dutyDate).min(LocalDate::compareTo).ifPresent(d -> after.put("from", d.toString()));
		tours.stream().map(NewDuty::dutyDate).max(LocalDate::compareTo).ifPresent(d -> after.put("to", d.toString()));
		this.events.publishEvent(StateChange.created("rostered duties", rosterReference, boroughCode, after));
		return ids.stream().map(this::duty).toList();
	}

	private void check(NewDuty duty, long exceptId) {
		List<String> problems = new java.util.ArrayList<>(duty.problems());
		if (!problems.isEmpty()) {
			throw new InvalidInput("The duty is not valid: " + String.join("; ", problems) + ".",
					problems.stream().map(p -> new InvalidInput.FieldError("duty", p)).toList());
		}
		this.workforce.person(duty.personId());
		duty.wardCode().ifPresent(this.geography::placeOfWard);
		if (!this.queries.codeExists(duty.activityCode())) {
			throw new InvalidInput("There is no activity code " + duty.activityCode() + ".",
					List.of(new InvalidInput.FieldError("activityCode", "unknown code")));
		}
		List<Duty> clashes = this.queries.overlapping(duty.personId(), duty.kind(), duty.startsAt(), duty.endsAt(), exceptId);
		if (!clashes.isEmpty()) {
			Duty clash = clashes.get(0);
			throw new DomainRuleViolation("duty-overlap", "The person already has a " + clash.kind().name().toLowerCase()
					+ " duty from " + local(clash.startsAt()) + " to " + local(clash.endsAt()) + " (" + clash.activityCode()
					+ ", duty " + clash.id() + "): one person cannot be in two duties at once.");
		}
	}

	private String boroughOf(long personId) {
		return this.workforce.currentPlace(personId).map(Place::boroughCode).orElse(null);
	}

	private static Map<String, Object> state(Duty duty) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("person", duty.personId());
		state.put("kind", duty.kind().name());
		state.put("date", duty.dutyDate().toString());
		state.put("start", duty.startsAt().toString());
		state.put("end", duty.endsAt().toString());
		state.put("ward", duty.wardCode().orElse(""));
		state.put("place", duty.place());
		state.put("code", duty.activityCode());
		duty.noticeDays().ifPresent(n -> state.put("noticeDays", n));
		state.put("version", duty.version());
		return state;
	}

	private static Instant start(LocalDate day) {
		return day.atStartOfDay(NewDuty.LONDON).toInstant();
	}

	private static String local(Instant instant) {
		return instant.atZone(NewDuty.LONDON).toLocalDateTime().toString().replace('T', ' ');
	}


}
