package org.ringfence.deflection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.ringfence.deflection.domain.DeploymentRules;
import org.ringfence.deflection.persistence.EventQueries;
import org.ringfence.deflection.persistence.EventQueries.DeploymentRow;
import org.ringfence.deflection.persistence.EventQueries.EventRow;
import org.ringfence.duties.EventDuties;
import org.ringfence.geography.GeographyService;
import org.ringfence.identity.Place;
import org.ringfence.platform.Actor;
import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;
import org.ringfence.platform.StateChange;
import org.ringfence.workforce.Posting;
import org.ringfence.workforce.Unit;
import org.ringfence.workforce.WorkforceService;
import org.ringfence.workforce.WorkforceViews.PersonDetail;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Significant events (SN Deployment Protocol): declared for a borough by its superintendent (or an
 * administrator) with what, from and to; SNT members deployed to one with their days, tour and
 * reassurance purpose, their planned on-ward tours re-coded to the significant-event activity code;
 * use outside the member's home borough refused without an "extreme circumstances" justification and
 * flagged with one. Other modules ask {@link #eventCovering} whether an event covers some dates.
 */
@Service
public class SignificantEvents {

	/** The longest event that may be declared, in days. */
	public static final int MAX_DAYS = 92;

	private final EventQueries queries;

	private final EventDuties eventDuties;

	private final WorkforceService workforce;

	private final GeographyService geography;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SignificantEvents(EventQueries queries, EventDuties eventDuties, WorkforceService workforce,
			GeographyService geography, ApplicationEventPublisher events, Clock clock) {
		this.queries = queries;
		this.eventDuties = eventDuties;
		this.workforce = workforce;
		this.geography = geography;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The declared event of the borough whose days cover from..to entirely, quoted as "SE-12 title
	 * (borough, first to last day)"; empty when none does.
	 */
	@Transactional(readOnly = true)
	public Optional<String> eventCovering(String boroughCode, LocalDate from, LocalDate to) {
		if (boroughCode == null || from == null || to == null || to.isBefore(from)) {
			return Optional.empty();
		}
		return this.queries.covering(boroughCode, from, to).map(e -> view(e, List.of()).quoted());
	}

	/** An event to declare. */
	public record NewEvent(String boroughCode, String title, String description, LocalDate startsOn, LocalDate endsOn) {
	}

	/**
	 * Declares a significant event for a borough.
	 * @param declaredByRole SUPERINTENDENT or ADMIN: who declared it (the caller's scope is checked by the caller)
	 */
	@Transactional
	public SignificantEvent declare(NewEvent event, String declaredByRole) {
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		String title = event.title() == null ? "" : event.title().strip();
		String description = event.description() == null ? "" : event.description().strip();
		if (title.isEmpty() || title.length() > 200) {
			errors.add(new InvalidInput.FieldError("title", "1-200 characters"));
		}
		if (description.length() > 4000) {
			errors.add(new InvalidInput.FieldError("description", "at most 4000 characters"));
		}
		if (event.startsOn() == null || event.endsOn() == null) {
			errors.add(new InvalidInput.FieldError("startsOn/endsOn", "both dates are required"));
		}
		else if (event.endsOn().isBefore(event.startsOn())
				|| event.startsOn().plusDays(MAX_DAYS - 1).isBefore(event.endsOn())) {
			errors.add(new InvalidInput.FieldError("startsOn/endsOn", "an event ends on or after its first day and lasts at most "
					+ MAX_DAYS + " days"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput("The significant event is not valid.", errors);
		}
		String borough = this.geography.borough(event.boroughCode()).code();
		long id = this.queries.insertEvent(borough, title, description, event.startsOn(), event.endsOn(), Actor.current(),
				declaredByRole);
		SignificantEvent declared = event(id);
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("borough", borough);
		state.put("title", title);
		state.put("description", description);
		state.put("startsOn", event.startsOn().toString());
		state.put("endsOn", event.endsOn().toString());
		state.put("declaredByRole", declaredByRole);
		this.events.publishEvent(StateChange.created("significant event", Long.toString(id), borough, state));
		return declared;
	}

	@Transactional(readOnly = true)
	public SignificantEvent event(long id) {
		EventRow row = this.queries.event(id).orElseThrow(() -> new NotFound("No significant event " + id + "."));
		return view(row, deployments(this.queries.deploymentsOf(List.of(id))));
	}

	/** Where an event belongs, for access checks. */
	@Transactional(readOnly = true)
	public Place placeOf(long eventId) {
		return Place.borough(
				this.queries.event(eventId).orElseThrow(() -> new NotFound("No significant event " + eventId + ".")).boroughCode());
	}

	/** Events overlapping from..to in the boroughs (all when empty), latest first, with their deployments. */
	@Transactional(readOnly = true)
	public List<SignificantEvent> events(LocalDate from, LocalDate to, Optional<List<String>> boroughs) {
		List<EventRow> rows = this.queries.events(from, to, boroughs);
		Map<Long, List<EventDeployment>> byEvent = deployments(
				this.queries.deploymentsOf(rows.stream().map(EventRow::id).toList()))
			.stream()
			.collect(Collectors.groupingBy(EventDeployment::eventId));
		return rows.stream().map(r -> view(r, byEvent.getOrDefault(r.id(), List.of()))).toList();
	}

	/**
	 * Deployments overlapping from..to whose event or home borough is in the boroughs (all when
	 * empty); only those outside the home borough (the flagged ones) if asked.
	 */
	@Transactional(readOnly = true)
	public List<EventDeployment> deployments(LocalDate from, LocalDate to, Optional<List<String>> boroughs,
			boolean outsideHomeBoroughOnly) {
		return deployments(this.queries.deployments(from, to, boroughs, outsideHomeBoroughOnly));
	}

	/** A deployment to record. */
	public record NewDeployment(long personId, LocalDate startsOn, LocalDate endsOn, Optional<LocalTime> tourStart,
			Optional<LocalTime> tourEnd, String reassurancePurpose, Optional<String> extremeCircumstances) {

		public NewDeployment {
			tourStart = tourStart == null ? Optional.empty() : tourStart;
			tourEnd = tourEnd == null ? Optional.empty() : tourEnd;
			extremeCircumstances = extremeCircumstances == null ? Optional.empty() : extremeCircumstances;
		}

	}

	/**
	 * Records an SNT member's deployment to the event and re-codes their planned on-ward tours on
	 * those days. Refused (422) without a reassurance purpose, outside the event's days, for someone
	 * not in a ward team, for someone already deployed then, and, for an officer from another borough,
	 * without the "extreme circumstances" that justify it.
	 */
	@Transactional
	public EventDeployment deploy(long eventId, NewDeployment deployment) {
		EventRow event = this.queries.event(eventId)
			.orElseThrow(() -> new NotFound("No significant event " + eventId + "."));
		if (deployment.startsOn() == null || deployment.endsOn() == null) {
			throw new InvalidInput("The deployment needs its first and last day.",
					List.of(new InvalidInput.FieldError("startsOn/endsOn", "both dates are required")));
		}
		PersonDetail person = this.workforce.person(deployment.personId());
		Posting posting = person.postings()
			.stream()
			.filter(p -> p.activeOn(deployment.startsOn()))
			.findFirst()
			.orElseThrow(() -> new DomainRuleViolation("not-posted",
					"Person " + person.id() + " is not posted anywhere on " + deployment.startsOn() + "."));
		if (posting.unit().kind() != Unit.Kind.WARD) {
			throw new DomainRuleViolation("not-snt", "Person " + person.id() + " is not in a Safer Neighbourhoods ward team on "
					+ deployment.startsOn() + ": only SNT deployments are recorded here.");
		}
		String home = this.workforce.placeOf(posting.unit()).boroughCode();
		boolean outside = DeploymentRules.check(new DeploymentRules.Deployment(event.startsOn(), event.endsOn(),
				event.boroughCode(), deployment.startsOn(), deployment.endsOn(), deployment.tourStart(),
				deployment.tourEnd(), home, deployment.reassurancePurpose(), deployment.extremeCircumstances()));
		List<DeploymentRow> clashes = this.queries.deploymentsOfPerson(person.id(), deployment.startsOn(), deployment.endsOn());
		if (!clashes.isEmpty()) {
			DeploymentRow clash = clashes.get(0);
			throw new DomainRuleViolation("deployment-overlap", "Person " + person.id() + " is already deployed to "
					+ SignificantEvent.reference(clash.eventId()) + " from " + clash.startsOn() + " to " + clash.endsOn() + ".");
		}
		String purpose = deployment.reassurancePurpose().strip();
		Optional<String> justification = outside ? deployment.extremeCircumstances().map(String::strip) : Optional.empty();
		long id = this.queries.insertDeployment(eventId, person.id(), deployment.startsOn(), deployment.endsOn(),
				deployment.tourStart(), deployment.tourEnd(), purpose, home, outside, justification, Actor.current());
		String place = ("Significant event " + SignificantEvent.reference(eventId) + ": " + event.title());
		EventDuties.Recoded recoded = this.eventDuties.recodePlannedTours(person.id(), deployment.startsOn(),
				deployment.endsOn(), deployment.tourStart(), deployment.tourEnd(),
				place.length() > 200 ? place.substring(0, 200) : place);
		this.queries.setDutiesRecoded(id, recoded.changed().size());
		DeploymentRow row = this.queries.deployment(id).orElseThrow();
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("event", SignificantEvent.reference(eventId));
		state.put("person", person.id());
		state.put("startsOn", row.startsOn().toString());
		state.put("endsOn", row.endsOn().toString());
		row.tourStart().ifPresent(t -> state.put("tourStart", t.toString()));
		row.tourEnd().ifPresent(t -> state.put("tourEnd", t.toString()));
		state.put("reassurancePurpose", purpose);
		state.put("homeBorough", home);
		state.put("outsideHomeBorough", outside);
		justification.ifPresent(j -> state.put("extremeCircumstances", j));
		state.put("dutiesRecoded", recoded.changed().stream().map(d -> d.id()).toList());
		this.events.publishEvent(StateChange.created("event deployment", Long.toString(id), event.boroughCode(), state));
		EventDeployment view = deployments(List.of(row)).get(0);
		return new EventDeployment(view.id(), view.eventId(), view.eventReference(), view.eventBoroughCode(),
				view.personId(), view.name(), view.startsOn(), view.endsOn(), view.tourStart(), view.tourEnd(),
				view.reassurancePurpose(), view.homeBoroughCode(), view.outsideHomeBorough(), view.extremeCircumstances(),
				view.dutiesRecoded(), recoded.notChanged(), view.recordedBy(), view.recordedAt());
	}

	private List<EventDeployment> deployments(List<DeploymentRow> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, String> names = this.workforce.names(rows.stream().map(DeploymentRow::personId).distinct().toList());
		return rows.stream()
			.map(r -> new EventDeployment(r.id(), r.eventId(), SignificantEvent.reference(r.eventId()), r.eventBoroughCode(),
					r.personId(), names.getOrDefault(r.personId(), "#" + r.personId()), r.startsOn(), r.endsOn(),
					r.tourStart(), r.tourEnd(), r.reassurancePurpose(), r.homeBoroughCode(), r.outsideHomeBorough(),
					r.extremeCircumstances(), r.dutiesRecoded(), List.of(), r.recordedBy(), r.recordedAt()))
			.toList();
	}

	private static SignificantEvent view(EventRow r, List<EventDeployment> deployments) {
		return new SignificantEvent(r.id(), SignificantEvent.reference(r.id()), r.boroughCode(), r.boroughName(), r.title(),
				r.description(), r.startsOn(), r.endsOn(), r.declaredBy(), r.declaredByRole(), r.declaredAt(), deployments);
	}

	LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), CallPriorities.LONDON);
	}

}
