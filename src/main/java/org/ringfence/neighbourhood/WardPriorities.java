package org.ringfence.neighbourhood;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ringfence.geography.GeographyService;
import org.ringfence.identity.Place;
import org.ringfence.neighbourhood.domain.PriorityRules;
import org.ringfence.neighbourhood.persistence.NeighbourhoodQueries;
import org.ringfence.platform.Actor;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;
import org.ringfence.platform.StateChange;
import org.ringfence.platform.StateConflict;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Neighbourhood priorities: the public API other modules (the performance framework) use to find
 * a priority, a ward's priorities over a period, and London-wide themes; and the changes
 * sergeants and inspectors make (every one audited). Scope checks are the caller's (web layer).
 */
@Service
public class WardPriorities {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	private final NeighbourhoodQueries queries;

	private final GeographyService geography;

	private final ApplicationEventPublisher events;

	private final PublishedCache cache;

	private final Clock clock;

	WardPriorities(NeighbourhoodQueries queries, GeographyService geography, ApplicationEventPublisher events,
			PublishedCache cache, Clock clock) {
		this.queries = queries;
		this.geography = geography;
		this.events = events;
		this.cache = cache;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(this.clock.withZone(LONDON));
	}

	@Transactional(readOnly = true)
	public Priority find(long id) {
		return this.queries.priority(id).orElseThrow(() -> new NotFound("No neighbourhood priority " + id + "."));
	}

	/** The ward's priorities held open on some day from one date to another (inclusive), newest first. */
	@Transactional(readOnly = true)
	public List<Priority> forWard(String wardCode, LocalDate from, LocalDate to) {
		this.geography.placeOfWard(wardCode);
		if (from == null || to == null || to.isBefore(from)) {
			throw new InvalidInput("Give a period from one date to a later one.",
					List.of(new InvalidInput.FieldError("from/to", "to must not be before from")));
		}
		return this.queries.prioritiesHeld(wardCode, from, to);
	}

	/** Every priority of the ward, open or not, newest first. */
	@Transactional(readOnly = true)
	public List<Priority> allForWard(String wardCode) {
		this.geography.placeOfWard(wardCode);
		return this.queries.priorities(wardCode);
	}

	/** London-wide themes of a month: teams holding an open priority of each category on some day of it. */
	@Transactional(readOnly = true)
	public Themes themes(YearMonth month) {
		LocalDate from = month.atDay(1);
		LocalDate to = month.atEndOfMonth();
		int teams = this.geography.wards(Optional.empty()).size();
		List<Themes.Theme> themes = this.queries.themes(from, to)
			.stream()
			.map(r -> new Themes.Theme(r.category(), r.teams(), teams == 0 ? 0 : (double) r.teams() / teams))
			.toList();
		return new Themes(month, teams, this.queries.teamsWithAPriority(from, to), themes);
	}

	@Transactional(readOnly = true)
	public List<Category> categories() {
		return this.queries.categories();
	}

	/** Adds a category to the maintained list (administrators). */
	@Transactional
	public Category addCategory(String name) {
		if (name == null || name.isBlank() || name.strip().length() > 60) {
			throw new InvalidInput("A category needs a name of 1 to 60 characters.",
					List.of(new InvalidInput.FieldError("name", "Enter a name of 60 characters or fewer")));
		}
		if (this.queries.categoryByName(name).isPresent()) {
			throw new StateConflict("category-exists", "There is already a category " + name.strip() + ".");
		}
		int id = this.queries.insertCategory(name, Actor.current());
		this.events.publishEvent(StateChange.created("priority category", Integer.toString(id), null,
				Map.of("name", name.strip())));
		return new Category(id, name.strip(), true);
	}

	/** Where a priority's ward sits, for scope checks. */
	@Transactional(readOnly = true)
	public Place placeOf(long priorityId) {
		return this.geography.placeOfWard(find(priorityId).wardCode());
	}

	/** Records a priority a ward panel agreed. */
	@Transactional
	public Priority add(String wardCode, NewPriority priority) {
		Place place = this.geography.placeOfWard(wardCode);
		List<InvalidInput.FieldError> errors = new java.util.ArrayList<>(PriorityRules.checkNew(priority.issue(),
				priority.category(), priority.action(), priority.agreedOn(), priority.actionDate(), priority.reviewDate(),
				today()));
		Optional<Category> category = priority.category() == null || priority.category().isBlank() ? Optional.empty()
				: this.queries.categoryByName(priority.category());
		if (priority.category() != null && !priority.category().isBlank()
				&& (category.isEmpty() || !category.get().active())) {
			errors.add(new InvalidInput.FieldError("category", "Choose a category from the list"));
		}
		if (priority.meetingId() != null) {
			boolean ofWard = this.queries.meeting(priority.meetingId()).map(m -> m.wardCode().equals(wardCode)).orElse(false);
			if (!ofWard) {
				errors.add(new InvalidInput.FieldError("meetingId", "Choose a meeting of this ward's panel"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput("The priority cannot be saved.", errors);
		}
		long id = this.queries.insertPriority(wardCode, priority, category.get().id(), Actor.current());
		Priority saved = find(id);
		this.events.publishEvent(StateChange.created("neighbourhood priority", Long.toString(id), place.boroughCode(),
				describe(saved)));
		this.cache.clearAfterCommit();
		return saved;
	}

	/** Changes a priority's action, status and review date, at the version read. */
	@Transactional
	public Priority change(long id, PriorityChange change) {
		Priority before = find(id);
		Place place = this.geography.placeOfWard(before.wardCode());
		if (change.status() == null) {
			throw new InvalidInput("Give the status.", List.of(new InvalidInput.FieldError("status", "Choose a status")));
		}
		List<InvalidInput.FieldError> errors = PriorityRules.checkChange(change.action(), change.actionDate(),
				change.reviewDate(), before.agreedOn());
		if (!errors.isEmpty()) {
			throw new InvalidInput("The priority cannot be changed.", errors);
		}
		LocalDate closedOn = PriorityRules.closedOn(before.status() == PriorityStatus.OPEN,
				change.status() == PriorityStatus.OPEN, before.closedOn().orElse(null), today(), before.agreedOn());
		if (!this.queries.updatePriority(id, change, closedOn, change.version())) {
			throw new StateConflict("priority-changed",
					"Someone changed this priority since you read it (version " + before.version() + "): read it again.");
		}
		Priority after = find(id);
		this.events.publishEvent(StateChange.changed("neighbourhood priority changed", "neighbourhood priority",
				Long.toString(id), place.boroughCode(), describe(before), describe(after)));
		this.cache.clearAfterCommit();
		return after;
	}

	static Map<String, Object> describe(Priority p) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("ward", p.wardCode());
		out.put("category", p.category());
		out.put("issue", p.issue());
		out.put("action", p.action());
		out.put("agreedOn", p.agreedOn().toString());
		out.put("actionDate", p.actionDate().map(LocalDate::toString).orElse(""));
		out.put("status", p.status().name());
		out.put("reviewDate", p.reviewDate().map(LocalDate::toString).orElse(""));
		p.meetingId().ifPresent(m -> out.put("meeting", m));
		return out;
	}

}
