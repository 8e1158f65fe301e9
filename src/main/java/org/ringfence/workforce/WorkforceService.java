package org.ringfence.workforce;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ringfence.geography.ClusterSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.geography.WardSummary;
import org.ringfence.identity.Place;
import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.platform.NotFound;
import org.ringfence.platform.StateChange;
import org.ringfence.workforce.WorkforceViews.FormerMember;
import org.ringfence.workforce.WorkforceViews.NewPerson;
import org.ringfence.workforce.WorkforceViews.NewPosting;
import org.ringfence.workforce.WorkforceViews.PersonDetail;
import org.ringfence.workforce.WorkforceViews.PersonSummary;
import org.ringfence.workforce.WorkforceViews.StaffingGap;
import org.ringfence.workforce.WorkforceViews.TeamHistory;
import org.ringfence.workforce.WorkforceViews.TeamMember;
import org.ringfence.workforce.domain.SuccessionGaps;
import org.ringfence.workforce.domain.Tenure;
import org.ringfence.workforce.persistence.WorkforceQueries;
import org.ringfence.workforce.persistence.WorkforceQueries.PersonRow;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The workforce module's public API: teams, people, postings. */
@Service
public class WorkforceService {

	/**
	 * The strength a ward team should hold for succession gaps: the One Met (2017) minimum of two
	 * dedicated ward officers and one PCSO, and a sergeant (who may be shared with another ward).
	 * The protocol module will hold these as versioned rules.
	 */
	static final Map<WorkforceRole, Integer> TEAM_MINIMUM = Map.of(WorkforceRole.SERGEANT, 1, WorkforceRole.DWO, 2,
			WorkforceRole.PCSO, 1);

	/** How far back the team history looks for gaps. */
	static final int HISTORY_YEARS = 3;

	private final WorkforceQueries queries;

	private final GeographyService geography;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	WorkforceService(WorkforceQueries queries, GeographyService geography, ApplicationEventPublisher events, Clock clock) {
		this.queries = queries;
		this.geography = geography;
		this.events = events;
		this.clock = clock;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/** The ward's team today: everyone posted to it, and a sergeant sharing its supervision. */
	@Transactional(readOnly = true)
	public List<TeamMember> team(String wardCode) {
		this.geography.placeOfWard(wardCode);
		LocalDate today = today();
		List<Posting> postings = this.queries.postingsAtWard(wardCode).stream().filter(p -> p.activeOn(today)).toList();
		Map<Long, PersonRow> people = peopleOf(postings);
		return postings.stream()
			.map(p -> {
				PersonRow person = people.get(p.personId());
				return new TeamMember(person.id(), person.name(), p.role(), p.role().title(), p.position(), p.start(),
						Tenure.describe(p.start(), today), p.alsoWard().isPresent(), p.unit().code(), person.synthetic());
			})
			.sorted(Comparator.comparing(TeamMember::role).thenComparing(TeamMember::name))
			.toList();
	}

	/** Who left the ward's team (last three years) and when it was below strength. */
	@Transactional(readOnly = true)
	public TeamHistory history(String wardCode) {
		this.geography.placeOfWard(wardCode);
		LocalDate today = today();
		LocalDate from = today.minusYears(HISTORY_YEARS);
		List<Posting> postings = this.queries.postingsAtWard(wardCode);
		Map<Long, PersonRow> people = peopleOf(postings);
		List<FormerMember> former = postings.stream()
			.filter(p -> p.end().isPresent() && !p.end().get().isAfter(today) && p.end().get().isAfter(from))
			.map(p -> new FormerMember(p.personId(), people.get(p.personId()).name(), p.role(), p.position(), p.start(),
					p.end().get()))
			.sorted(Comparator.comparing(FormerMember::end).reversed())
			.toList();
		List<StaffingGap> gaps = new ArrayList<>();
		Map<WorkforceRole, List<SuccessionGaps.Span>> spans = new EnumMap<>(WorkforceRole.class);
		postings.forEach(p -> spans.computeIfAbsent(p.role(), r -> new ArrayList<>())
			.add(new SuccessionGaps.Span(p.start(), p.end().orElse(null))));
		TEAM_MINIMUM.forEach((role, required) -> SuccessionGaps
			.find(spans.getOrDefault(role, List.of()), required, from, today.plusDays(1))
			.forEach(g -> gaps.add(new StaffingGap(role, g.from(), g.to(), g.days(), g.strength(), g.required()))));
		gaps.sort(Comparator.comparing(StaffingGap::from).reversed());
		return new TeamHistory(wardCode, former, gaps);
	}

	/** People posted today in a borough (to its wards, clusters or the borough itself). */
	@Transactional(readOnly = true)
	public List<PersonSummary> peopleOfBorough(String boroughCode) {
		List<String> wards = this.geography.wards(Optional.of(boroughCode)).stream().map(WardSummary::code).toList();
		List<String> clusters = this.geography.clusters(Optional.of(boroughCode)).stream().map(ClusterSummary::id).toList();
		return summaries(this.queries.postingsOn(today(), wards, clusters, List.of(boroughCode)));
	}

	/** People posted today in a cluster (to it or its wards). */
	@Transactional(readOnly = true)
	public List<PersonSummary> peopleOfCluster(String clusterCode) {
		ClusterSummary cluster = this.geography.cluster(clusterCode);
		return summaries(this.queries.postingsOn(today(), cluster.wardCodes(), List.of(clusterCode), List.of()));
	}

	/** People posted today to a ward's team. */
	@Transactional(readOnly = true)
	public List<PersonSummary> peopleOfWard(String wardCode) {
		this.geography.placeOfWard(wardCode);
		return summaries(this.queries.postingsOn(today(), List.of(wardCode), List.of(), List.of()));
	}

	/** Everyone posted on a day, to any ward, cluster or borough. */
	@Transactional(readOnly = true)
	public List<Posting> currentPostings(LocalDate day) {
		return this.queries.postingsOn(day);
	}

	@Transactional(readOnly = true)
	public PersonDetail person(long id) {
		PersonRow person = this.queries.person(id).orElseThrow(() -> new NotFound("No person " + id + "."));
		return new PersonDetail(person.id(), person.serviceNumber(), person.givenName(), person.familyName(), person.role(),
				person.role().title(), person.synthetic(), this.queries.postingsOf(id));
	}

	/** Where a person is posted today, for access checks; empty when not posted. */
	@Transactional(readOnly = true)
	public Optional<Place> currentPlace(long personId) {
		return this.queries.postingOn(personId, today()).map(this::placeOf);
	}

	/** The person with a service (warrant or payroll) number, if any. */
	@Transactional(readOnly = true)
	public Optional<Long> personIdByServiceNumber(String serviceNumber) {
		return this.queries.personByServiceNumber(serviceNumber).map(PersonRow::id);
	}

	/** Every person's id by service number (a few thousand), for resolving a whole import file at once. */
	@Transactional(readOnly = true)
	public Map<String, Long> personIdsByServiceNumber() {
		return this.queries.personIdsByServiceNumber();
	}

	/** Names ("given family") of people by id, for lists that show who did what. */
	@Transactional(readOnly = true)
	public Map<Long, String> names(java.util.Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		this.queries.people(ids).forEach(p -> names.put(p.id(), p.name()));
		return names;
	}

	@Transactional(readOnly = true)
	public long countPeople() {
		return this.queries.countPeople();
	}

	/** Where a unit sits, for access checks. */
	@Transactional(readOnly = true)
	public Place placeOf(Unit unit) {
		return switch (unit.kind()) {
			case WARD -> this.geography.placeOfWard(unit.code());
			case CLUSTER -> this.geography.placeOfCluster(unit.code());
			case BOROUGH -> Place.borough(this.geography.borough(unit.code()).code());
		};
	}

	private Place placeOf(Posting posting) {
		return placeOf(posting.unit());
	}

	/**
	 * Moves a person to a new posting from a date: their current posting ends the day before. The
	 * new posting may not start before the current one did, nor in the past beyond a month.
	 */
	@Transactional
	public Posting post(long personId, NewPosting posting) {
		PersonRow person = this.queries.person(personId).orElseThrow(() -> new NotFound("No person " + personId + "."));
		placeOf(posting.unit());
		posting.alsoWard().ifPresent(this.geography::placeOfWard);
		if (posting.start().isBefore(today().minusMonths(1))) {
			throw new DomainRuleViolation("posting-backdated", "A posting cannot start more than a month in the past.");
		}
		Optional<Posting> current = this.queries.postingOn(personId, posting.start());
		if (current.isPresent()) {
			if (!posting.start().isAfter(current.get().start())) {
				throw new DomainRuleViolation("posting-overlap",
						"The new posting must start after the current one (from " + current.get().start() + ").");
			}
			this.queries.endPosting(current.get().id(), posting.start());
		}
		long id = this.queries.insertPosting(personId, posting);
		Posting created = new Posting(id, personId, posting.role(), posting.position(), posting.unit(), posting.alsoWard(),
				posting.start(), posting.end());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("person", person.serviceNumber());
		after.put("role", posting.role().name());
		after.put("position", posting.position());
		after.put("unit", posting.unit().kind() + ":" + posting.unit().code());
		after.put("start", posting.start().toString());
		Map<String, Object> before = current
			.<Map<String, Object>>map(c -> Map.of("unit", c.unit().kind() + ":" + c.unit().code(), "start",
					c.start().toString()))
			.orElse(Map.of());
		this.events.publishEvent(StateChange.changed("person posted", "posting", Long.toString(id),
				placeOf(posting.unit()).boroughCode(), before, after));
		return created;
	}

	/** Adds people with their postings in bulk (the demo workforce); one audit entry for the load. */
	@Transactional
	public int addPeople(List<NewPerson> people, String description) {
		int added = this.queries.insertPeople(people);
		long postings = people.stream().mapToLong(p -> p.postings().size()).sum();
		this.events.publishEvent(StateChange.created("workforce load", description, null,
				Map.of("people", added, "postings", postings, "synthetic", people.stream().allMatch(NewPerson::synthetic))));
		return added;
	}

	private Map<Long, PersonRow> peopleOf(List<Posting> postings) {
		Set<Long> ids = postings.stream().map(Posting::personId).collect(Collectors.toSet());
		return this.queries.people(ids).stream().collect(Collectors.toMap(PersonRow::id, Function.identity()));
	}

	private List<PersonSummary> summaries(List<Posting> postings) {
		Map<Long, PersonRow> people = peopleOf(postings);
		Map<String, String> names = new HashMap<>(this.geography.wardNames());
		LocalDate today = today();
		return postings.stream()
			.map(p -> {
				PersonRow person = people.get(p.personId());
				String unitName = p.unit().kind() == Unit.Kind.WARD ? names.getOrDefault(p.unit().code(), p.unit().code())
						: p.unit().code();
				return new PersonSummary(person.id(), person.serviceNumber(), person.name(), person.role(),
						person.role().title(), Optional.of(p.position()), Optional.of(p.unit()), Optional.of(unitName),
						Optional.of(p.start()), Optional.of(Tenure.describe(p.start(), today)), person.synthetic());
			})
			.sorted(Comparator.comparing((PersonSummary s) -> s.role().ordinal()).thenComparing(PersonSummary::name))
			.toList();
	}

}
