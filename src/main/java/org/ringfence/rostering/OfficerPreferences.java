package org.ringfence.rostering;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.ringfence.identity.Place;
import org.ringfence.platform.Actor;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.StateChange;
import org.ringfence.rostering.domain.Preferences;
import org.ringfence.rostering.persistence.PreferenceQueries;
import org.ringfence.workforce.WorkforceService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Officers' rostering preferences (soft rules the solver weighs, never above Police Regulations,
 * absences or the ring-fence): weekdays they would rather have as rest days, no tour starting before
 * a time, no work after a time. Setting them is audited.
 */
@Service
public class OfficerPreferences {

	private final PreferenceQueries queries;

	private final WorkforceService workforce;

	private final ApplicationEventPublisher events;

	OfficerPreferences(PreferenceQueries queries, WorkforceService workforce, ApplicationEventPublisher events) {
		this.queries = queries;
		this.workforce = workforce;
		this.events = events;
	}

	/**
	 * An officer's preferences: ISO weekdays (1 Monday .. 7 Sunday) to rest, times to avoid, a note;
	 * version -1 when none are stored.
	 */
	public record RosterPreferences(long personId, List<Integer> restDays, Optional<LocalTime> noStartBefore,
			Optional<LocalTime> noEndAfter, String note, int version, Optional<String> changedBy,
			Optional<Instant> changedAt) {
	}

	/** Where the officer is posted now (for scope checks); empty when not posted. */
	public Optional<Place> placeOf(long personId) {
		this.workforce.person(personId);
		return this.workforce.currentPlace(personId);
	}

	@Transactional(readOnly = true)
	public RosterPreferences of(long personId) {
		this.workforce.person(personId);
		return this.queries.find(personId)
			.map(OfficerPreferences::view)
			.orElse(new RosterPreferences(personId, List.of(), Optional.empty(), Optional.empty(), "", -1, Optional.empty(),
					Optional.empty()));
	}

	/** Sets an officer's preferences at the version read (-1 when none were stored). */
	@Transactional
	public RosterPreferences set(long personId, int expectedVersion, List<Integer> restDays,
			Optional<LocalTime> noStartBefore, Optional<LocalTime> noEndAfter, String note) {
		RosterPreferences before = of(personId);
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		List<Integer> days = restDays == null ? List.of() : List.copyOf(new TreeSet<>(restDays));
		if (days.stream().anyMatch(d -> d == null || d < 1 || d > 7)) {
			errors.add(new InvalidInput.FieldError("restDays", "Weekdays are 1 (Monday) to 7 (Sunday)"));
		}
		if (days.size() > 4) {
			errors.add(new InvalidInput.FieldError("restDays", "At most four preferred rest days a week"));
		}
		String text = note == null ? "" : note.strip();
		if (text.length() > 500) {
			errors.add(new InvalidInput.FieldError("note", "At most 500 characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput("The preferences are not valid.", errors);
		}
		if (before.version() != expectedVersion) {
			throw new OptimisticLockingFailureException("the preferences of " + personId + " are at version " + before.version());
		}
		if (!this.queries.save(personId, expectedVersion, days, noStartBefore, noEndAfter, text, Actor.current())) {
			throw new OptimisticLockingFailureException("the preferences of " + personId + " changed meanwhile");
		}
		RosterPreferences after = of(personId);
		String borough = this.workforce.currentPlace(personId).map(Place::boroughCode).orElse(null);
		this.events.publishEvent(StateChange.changed("roster preferences set", "roster preferences", Long.toString(personId),
				borough, state(before), state(after)));
		return after;
	}

	/** The preferences the solver uses, by person (officers without any are absent). */
	@Transactional(readOnly = true)
	public Map<Long, Preferences> forSolver(Collection<Long> personIds) {
		Map<Long, Preferences> result = new LinkedHashMap<>();
		this.queries.of(personIds).forEach((id, row) -> {
			EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
			row.restDays().forEach(d -> days.add(DayOfWeek.of(d)));
			result.put(id, new Preferences(days, row.noStartBefore(), row.noEndAfter()));
		});
		return result;
	}

	private static RosterPreferences view(PreferenceQueries.PreferenceRow row) {
		return new RosterPreferences(row.personId(), row.restDays(), row.noStartBefore(), row.noEndAfter(), row.note(),
				row.version(), Optional.of(row.changedBy()), Optional.of(row.changedAt()));
	}

	private static Map<String, Object> state(RosterPreferences p) {
		Map<String, Object> state = new LinkedHashMap<>();
		if (p.version() < 0) {
			return state;
		}
		state.put("restDays", p.restDays());
		state.put("noStartBefore", p.noStartBefore().map(LocalTime::toString).orElse(""));
		state.put("noEndAfter", p.noEndAfter().map(LocalTime::toString).orElse(""));
		state.put("note", p.note());
		state.put("version", p.version());
		return state;
	}

}
