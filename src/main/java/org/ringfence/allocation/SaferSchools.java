package org.ringfence.allocation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.ringfence.allocation.SchoolAllocation.Contact;
import org.ringfence.allocation.SchoolAllocation.CriterionUsed;
import org.ringfence.allocation.SchoolAllocation.RankedSchool;
import org.ringfence.allocation.SchoolImportReport.Problem;
import org.ringfence.allocation.domain.SchoolCsvReader;
import org.ringfence.allocation.domain.SchoolRanking;
import org.ringfence.allocation.domain.SchoolRanking.Direction;
import org.ringfence.allocation.domain.SchoolRanking.Normalisation;
import org.ringfence.allocation.persistence.SchoolQueries;
import org.ringfence.allocation.persistence.SchoolQueries.AllocationRow;
import org.ringfence.allocation.persistence.SchoolQueries.EntryRow;
import org.ringfence.demand.WardDemandFigures;
import org.ringfence.geography.BoroughSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.geography.LocatedWard;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Place;
import org.ringfence.platform.Actor;
import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;
import org.ringfence.platform.StateChange;
import org.ringfence.platform.StateConflict;
import org.ringfence.workforce.WorkforceRole;
import org.ringfence.workforce.WorkforceService;
import org.ringfence.workforce.WorkforceViews.TeamMember;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Safer Schools needs analysis (2011 model): schools imported by academic year with their
 * criteria, ranked by weighted need ({@link SchoolRanking}), officers allocated so that no school
 * that has one loses it, every other school given a named point of contact from its ward's team,
 * the allocation recorded and reviewed against the year before. Access is checked here by borough.
 */
@Service
public class SaferSchools {

	/** Who may be a school's point of contact: the ward team's officers and PCSOs, in this order. */
	static final List<WorkforceRole> CONTACT_ROLES = List.of(WorkforceRole.DWO, WorkforceRole.PC, WorkforceRole.PCSO);

	private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9_]{1,39}$");

	private final SchoolQueries queries;

	private final DemandData demand;

	private final GeographyService geography;

	private final WorkforceService workforce;

	private final CurrentAccess access;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	SaferSchools(SchoolQueries queries, DemandData demand, GeographyService geography, WorkforceService workforce,
			CurrentAccess access, ApplicationEventPublisher events, JsonMapper json, Clock clock) {
		this.queries = queries;
		this.demand = demand;
		this.geography = geography;
		this.workforce = workforce;
		this.access = access;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	// ------------------------------------------------------------------ criteria

	/** The London-wide criteria and, for a borough, its own; without one, all the caller may see. */
	@Transactional(readOnly = true)
	public List<SchoolCriterion> criteria(Optional<String> boroughCode) {
		boroughCode.ifPresent(this::borough);
		Optional<List<String>> own = this.access.boroughsOrAll();
		return this.queries.criteria()
			.stream()
			.filter(c -> c.boroughCode().isEmpty() || (boroughCode.isPresent() ? c.boroughCode().equals(boroughCode)
					: own.map(list -> list.contains(c.boroughCode().get())).orElse(true)))
			.toList();
	}

	/** A criterion a borough's partnership adds (or, with no borough, a London-wide one: force-wide users only). */
	public record NewCriterion(String code, String label, Direction direction, double defaultWeight,
			Optional<String> boroughCode) {
	}

	@Transactional
	public SchoolCriterion addCriterion(NewCriterion criterion) {
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		String code = criterion.code() == null ? "" : criterion.code().strip();
		String label = criterion.label() == null ? "" : criterion.label().strip();
		if (!CODE.matcher(code).matches()) {
			errors.add(new InvalidInput.FieldError("code", "2-40 lower-case letters, digits and _, starting with a letter"));
		}
		if (label.isEmpty() || label.length() > 200) {
			errors.add(new InvalidInput.FieldError("label", "1-200 characters"));
		}
		if (criterion.direction() == null) {
			errors.add(new InvalidInput.FieldError("direction", "HIGHER_IS_WORSE or HIGHER_IS_BETTER"));
		}
		if (!Double.isFinite(criterion.defaultWeight()) || criterion.defaultWeight() < 0 || criterion.defaultWeight() > 100) {
			errors.add(new InvalidInput.FieldError("defaultWeight", "0 to 100"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput("The criterion has " + errors.size() + " invalid field(s).", errors);
		}
		Optional<String> borough = criterion.boroughCode().filter(b -> !b.isBlank()).map(b -> borough(b).code());
		if (borough.isEmpty() && !this.access.user().hasForceScope()) {
			throw new org.ringfence.identity.ScopeDenied("Only force-wide users add London-wide criteria: name your borough.");
		}
		if (!this.queries.insertCriterion(code, label, criterion.direction(), criterion.defaultWeight(), borough,
				Actor.current())) {
			throw new StateConflict("criterion-exists", "There is a criterion " + code + " already.");
		}
		this.events.publishEvent(StateChange.created("school criterion", code, borough.orElse(null),
				Map.of("label", label, "direction", criterion.direction().name(), "defaultWeight", criterion.defaultWeight())));
		return this.queries.criteria().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
	}

	// ------------------------------------------------------------------ import

	/** One uploaded file. */
	public record Upload(String name, byte[] content) {
	}

	/**
	 * Imports schools for an academic year. All or nothing: any problem in any file rejects the whole
	 * import (422, with every problem). Idempotent: a school already stored for the year exactly as
	 * sent is unchanged; otherwise its row and values are replaced. A borough user may import only
	 * schools whose ward is in their borough.
	 */
	@Transactional
	public SchoolImportReport importSchools(int year, List<Upload> uploads, boolean dryRun) {
		checkYear(year);
		List<SchoolCriterion> criteria = this.queries.criteria();
		Map<String, SchoolCriterion> byCode = new HashMap<>();
		criteria.forEach(c -> byCode.put(c.code(), c));
		Set<String> importable = new HashSet<>();
		Set<String> derived = new HashSet<>();
		criteria.forEach(c -> (c.fromDemand() ? derived : importable).add(c.code()));
		Map<String, String> wardNames = this.geography.wardNames();
		List<Problem> problems = new ArrayList<>();
		Map<String, String> fileOfUrn = new HashMap<>();
		List<SchoolRecord> incoming = new ArrayList<>();
		int rowsRead = 0;
		for (Upload upload : uploads) {
			SchoolCsvReader.Result read = SchoolCsvReader.read(upload.content(), importable, derived);
			rowsRead += read.rowsRead();
			read.problems().forEach(p -> problems.add(new Problem(upload.name(), p.line(), p.column(), p.message())));
			for (SchoolCsvReader.Row row : read.rows()) {
				String earlier = fileOfUrn.putIfAbsent(row.urn(), upload.name());
				if (earlier != null) {
					problems.add(new Problem(upload.name(), row.line(), "urn", "URN " + row.urn() + " is in " + earlier
							+ " already"));
					continue;
				}
				resolve(upload.name(), row, year, byCode, wardNames, problems).ifPresent(incoming::add);
			}
		}
		Map<String, SchoolRecord> existing = this.queries.schools(fileOfUrn.keySet(), year);
		for (SchoolRecord school : incoming) {
			SchoolRecord before = existing.get(school.urn());
			if (before != null && !before.boroughCode().equals(school.boroughCode())
					&& !this.access.covers(Place.borough(before.boroughCode()))) {
				problems.add(new Problem(fileOfUrn.get(school.urn()), 0, "urn", "URN " + school.urn() + " is held for "
						+ this.geography.borough(before.boroughCode()).name() + " in " + year + ", outside your scope"));
			}
		}
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		List<SchoolRecord> changed = new ArrayList<>();
		for (SchoolRecord school : incoming) {
			SchoolRecord before = existing.get(school.urn());
			if (before == null) {
				created++;
				changed.add(school);
			}
			else if (sameContent(before, school)) {
				unchanged++;
			}
			else {
				updated++;
				changed.add(school);
			}
		}
		problems.sort(Comparator.comparing(Problem::file).thenComparingLong(Problem::line));
		SchoolImportReport report = new SchoolImportReport(year, uploads.size(), rowsRead, problems.isEmpty() ? created : 0,
				problems.isEmpty() ? updated : 0, problems.isEmpty() ? unchanged : 0, dryRun, List.copyOf(problems));
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems.size() + " problem(s) in the schools file(s): nothing was imported. First: "
					+ describe(problems.get(0)) + ".",
					problems.stream()
						.limit(200)
						.map(p -> new InvalidInput.FieldError(p.file() + " line " + p.line()
								+ (p.column().isEmpty() ? "" : ", " + p.column()), p.message()))
						.toList(),
					report);
		}
		if (!dryRun && !changed.isEmpty()) {
			String actor = Actor.current();
			changed.forEach(s -> this.queries.putSchool(s, actor));
			Set<String> boroughs = new HashSet<>();
			changed.forEach(s -> boroughs.add(s.boroughCode()));
			this.events.publishEvent(StateChange.changed("schools imported", "schools", year + ":" + changed.get(0).urn()
					+ (changed.size() > 1 ? "+" + (changed.size() - 1) : ""), boroughs.size() == 1 ? changed.get(0).boroughCode()
							: null,
					Map.of(), Map.of("year", year, "created", created, "updated", updated, "urns",
							changed.stream().limit(100).map(SchoolRecord::urn).toList())));
		}
		return report;
	}

	private static String describe(Problem p) {
		return p.file() + (p.line() > 0 ? " line " + p.line() : "") + (p.column().isEmpty() ? "" : " (" + p.column() + ")")
				+ ": " + p.message();
	}

	private Optional<SchoolRecord> resolve(String file, SchoolCsvReader.Row row, int year,
			Map<String, SchoolCriterion> criteria, Map<String, String> wardNames, List<Problem> problems) {
		Place place;
		String wardCode;
		if (row.wardCode().isPresent()) {
			try {
				place = this.geography.placeOfWard(row.wardCode().get());
				wardCode = row.wardCode().get();
			}
			catch (NotFound | InvalidInput ex) {
				problems.add(new Problem(file, row.line(), "ward_code", "no Metropolitan Police ward " + row.wardCode().get()));
				return Optional.empty();
			}
		}
		else {
			double[] at = row.location().orElseThrow();
			Optional<LocatedWard> located = this.geography.locate(at[0], at[1]);
			if (located.isEmpty()) {
				problems.add(new Problem(file, row.line(), "lat", "the location " + at[0] + ", " + at[1]
						+ " is outside the Metropolitan Police area"));
				return Optional.empty();
			}
			wardCode = located.get().wardCode();
			place = this.geography.placeOfWard(wardCode);
		}
		if (!this.access.covers(place)) {
			problems.add(new Problem(file, row.line(), row.wardCode().isPresent() ? "ward_code" : "lat",
					"the school's ward " + wardNames.getOrDefault(wardCode, wardCode) + " is in "
							+ this.geography.borough(place.boroughCode()).name() + ", outside your scope"));
			return Optional.empty();
		}
		for (String code : row.values().keySet()) {
			Optional<String> owner = criteria.get(code).boroughCode();
			if (owner.isPresent() && !owner.get().equals(place.boroughCode())) {
				problems.add(new Problem(file, row.line(), code, "criterion " + code + " belongs to "
						+ this.geography.borough(owner.get()).name() + "'s partnership, not the school's borough"));
				return Optional.empty();
			}
		}
		return Optional.of(new SchoolRecord(row.urn(), year, row.name(), row.phase(), wardCode,
				wardNames.getOrDefault(wardCode, wardCode), place.boroughCode(),
				row.location().map(l -> l[0]).orElse(null), row.location().map(l -> l[1]).orElse(null), row.hasOfficer(),
				false, row.values()));
	}

	private static boolean sameContent(SchoolRecord a, SchoolRecord b) {
		return a.name().equals(b.name()) && a.phase() == b.phase() && a.wardCode().equals(b.wardCode())
				&& Objects.equals(a.lat(), b.lat()) && Objects.equals(a.lng(), b.lng()) && a.hasOfficer() == b.hasOfficer()
				&& a.values().equals(b.values());
	}

	/** The schools imported for a borough and year. */
	@Transactional(readOnly = true)
	public List<SchoolRecord> schools(String boroughCode, int year) {
		checkYear(year);
		return this.queries.schools(borough(boroughCode).code(), year);
	}

	// ------------------------------------------------------------------ ranking and allocation

	/** Ranks the borough's schools for the year and allocates the officers; stores nothing. */
	@Transactional(readOnly = true)
	public SchoolAllocation rank(SchoolRankingRequest request) {
		return compute(request);
	}

	/** As {@link #rank}, and records it as the borough's allocation for the year (replacing an earlier one). */
	@Transactional
	public SchoolAllocation record(SchoolRankingRequest request) {
		SchoolAllocation allocation = compute(request);
		Optional<AllocationRow> before = this.queries.allocation(allocation.boroughCode(), allocation.year());
		List<EntryRow> entries = allocation.schools()
			.stream()
			.map(s -> new EntryRow(s.urn(), s.name(), s.wardCode(), s.rank(), s.score(), s.officer(), s.kept(),
					s.contact().map(Contact::personId).orElse(null), s.contact().map(Contact::name).orElse(null),
					s.contact().map(Contact::role).orElse(null)))
			.toList();
		this.queries.putAllocation(allocation.boroughCode(), allocation.year(), allocation.officers(),
				allocation.normalisation().name(), this.json.writeValueAsString(allocation.criteria()),
				allocation.demandFrom(), allocation.demandTo(), Actor.current(), entries);
		List<String> withOfficer = allocation.schools().stream().filter(RankedSchool::officer).map(RankedSchool::urn).toList();
		this.events.publishEvent(StateChange.changed("safer schools allocation recorded", "school allocation",
				allocation.boroughCode() + ":" + allocation.year(), allocation.boroughCode(),
				before.<Map<String, Object>>map(b -> Map.of("officers", b.officers(), "recordedBy", b.recordedBy()))
					.orElse(Map.of()),
				Map.of("officers", allocation.officers(), "schools", allocation.schools().size(), "withOfficer", withOfficer,
						"normalisation", allocation.normalisation().name())));
		return recorded(allocation.boroughCode(), allocation.year()).orElseThrow();
	}

	/** The borough's recorded allocation for a year, if any. */
	@Transactional(readOnly = true)
	public Optional<SchoolAllocation> recorded(String boroughCode, int year) {
		checkYear(year);
		BoroughSummary borough = borough(boroughCode);
		return this.queries.allocation(borough.code(), year).map(row -> fromRow(borough, row));
	}

	/** The annual review: this year's recorded allocation against last year's. */
	@Transactional(readOnly = true)
	public SchoolReview review(String boroughCode, int year) {
		checkYear(year);
		BoroughSummary borough = borough(boroughCode);
		AllocationRow now = this.queries.allocation(borough.code(), year)
			.orElseThrow(() -> new NotFound("No Safer Schools allocation is recorded for " + borough.name() + " for "
					+ academicYear(year) + ": record one first."));
		Optional<AllocationRow> before = this.queries.allocation(borough.code(), year - 1);
		Map<String, EntryRow> current = new LinkedHashMap<>();
		this.queries.entries(now.id()).forEach(e -> current.put(e.urn(), e));
		Map<String, EntryRow> previous = new LinkedHashMap<>();
		before.ifPresent(b -> this.queries.entries(b.id()).forEach(e -> previous.put(e.urn(), e)));
		List<SchoolReview.Row> rows = new ArrayList<>();
		int gained = 0;
		int lost = 0;
		int kept = 0;
		int up = 0;
		int down = 0;
		int added = 0;
		int gone = 0;
		for (EntryRow e : current.values()) {
			EntryRow p = previous.get(e.urn());
			Integer movement = p == null ? null : p.rank() - e.rank();
			boolean previousOfficer = p != null && p.officer();
			String change = officerChange(e.officer(), previousOfficer);
			gained += change.equals("GAINED") ? 1 : 0;
			lost += change.equals("LOST") ? 1 : 0;
			kept += change.equals("KEPT") ? 1 : 0;
			up += movement != null && movement > 0 ? 1 : 0;
			down += movement != null && movement < 0 ? 1 : 0;
			added += p == null ? 1 : 0;
			rows.add(new SchoolReview.Row(e.urn(), e.name(), e.rank(), p == null ? null : p.rank(), movement, e.officer(),
					previousOfficer, change, p == null ? "NEW" : "BOTH"));
		}
		for (EntryRow p : previous.values()) {
			if (!current.containsKey(p.urn())) {
				gone++;
				String change = officerChange(false, p.officer());
				lost += change.equals("LOST") ? 1 : 0;
				rows.add(new SchoolReview.Row(p.urn(), p.name(), null, p.rank(), null, false, p.officer(), change, "GONE"));
			}
		}
		return new SchoolReview(borough.code(), borough.name(), year, year - 1, before.isPresent(), List.copyOf(rows),
				gained, lost, kept, up, down, added, gone);
	}

	private static String officerChange(boolean now, boolean before) {
		return now && before ? "KEPT" : now ? "GAINED" : before ? "LOST" : "NONE";
	}

	private SchoolAllocation compute(SchoolRankingRequest request) {
		checkYear(request.year());
		BoroughSummary borough = borough(request.boroughCode());
		if (request.officers() < 0 || request.officers() > 1000) {
			throw new InvalidInput("officers must be 0 to 1,000.", List.of(new InvalidInput.FieldError("officers", "0-1000")));
		}
		List<SchoolCriterion> visible = this.queries.criteria()
			.stream()
			.filter(c -> c.boroughCode().isEmpty() || c.boroughCode().get().equals(borough.code()))
			.toList();
		Set<String> codes = new HashSet<>();
		visible.forEach(c -> codes.add(c.code()));
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		request.weights().forEach((code, weight) -> {
			if (!codes.contains(code)) {
				errors.add(new InvalidInput.FieldError("weights." + code, "no such criterion for " + borough.name()));
			}
			else if (weight == null || !Double.isFinite(weight) || weight < 0 || weight > 100) {
				errors.add(new InvalidInput.FieldError("weights." + code, "0 to 100"));
			}
		});
		request.directions().keySet().forEach(code -> {
			if (!codes.contains(code)) {
				errors.add(new InvalidInput.FieldError("directions." + code, "no such criterion for " + borough.name()));
			}
		});
		if (!errors.isEmpty()) {
			throw new InvalidInput("The ranking request has " + errors.size() + " invalid field(s).", errors);
		}
		List<CriterionUsed> used = visible.stream()
			.map(c -> new CriterionUsed(c.code(), c.label(), request.weights().getOrDefault(c.code(), c.defaultWeight()),
					request.directions().getOrDefault(c.code(), c.direction()), c.source()))
			.toList();
		LocalDate from = request.from().orElse(LocalDate.of(request.year() - 1, 9, 1));
		LocalDate to = request.to().orElse(LocalDate.of(request.year(), 8, 31));
		DemandData.checkPeriod(from, to);
		List<SchoolRecord> schools = this.queries.schools(borough.code(), request.year());
		if (schools.isEmpty()) {
			throw new DomainRuleViolation("no-schools", "No schools are imported for " + borough.name() + " for "
					+ academicYear(request.year()) + ": import them first.");
		}
		Map<String, WardDemandFigures> figures = Map.of();
		if (used.stream().anyMatch(c -> !"FILE".equals(c.source()) && c.weight() > 0)) {
			try {
				figures = this.demand.figures(Optional.of(borough.code()), from, to, borough.name());
			}
			catch (DomainRuleViolation ex) {
				String message = ex.getMessage() + " Or give asb_around and crime_around a weight of 0.";
				throw new DomainRuleViolation(ex.code(), message, List.of(message));
			}
		}
		Set<String> hadLastYear = new HashSet<>();
		this.queries.allocation(borough.code(), request.year() - 1)
			.ifPresent(row -> this.queries.entries(row.id())
				.stream()
				.filter(EntryRow::officer)
				.forEach(e -> hadLastYear.add(e.urn())));
		Map<String, Map<String, Double>> values = new HashMap<>();
		List<SchoolRanking.School> toRank = new ArrayList<>();
		for (SchoolRecord school : schools) {
			Map<String, Double> v = new LinkedHashMap<>(school.values());
			WardDemandFigures f = figures.get(school.wardCode());
			for (CriterionUsed c : used) {
				if (c.source().equals("WARD_ASB") && f != null) {
					v.put(c.code(), (double) f.asb());
				}
				else if (c.source().equals("WARD_TNO") && f != null) {
					v.put(c.code(), (double) f.tno());
				}
			}
			values.put(school.urn(), v);
			toRank.add(new SchoolRanking.School(school.urn(), v, school.hasOfficer() || hadLastYear.contains(school.urn())));
		}
		List<SchoolRanking.Ranked> ranked = SchoolRanking.rank(toRank,
				used.stream().map(c -> new SchoolRanking.Criterion(c.code(), c.weight(), c.direction())).toList(),
				request.normalisation(), request.officers());
		Map<String, SchoolRecord> byUrn = new HashMap<>();
		schools.forEach(s -> byUrn.put(s.urn(), s));
		LinkedHashMap<String, String> wardOfSchool = new LinkedHashMap<>();
		Set<String> withOfficer = new HashSet<>();
		for (SchoolRanking.Ranked r : ranked) {
			wardOfSchool.put(r.urn(), byUrn.get(r.urn()).wardCode());
			if (r.officer()) {
				withOfficer.add(r.urn());
			}
		}
		Map<String, List<SchoolRanking.Contact>> teams = new HashMap<>();
		for (Map.Entry<String, String> entry : wardOfSchool.entrySet()) {
			if (!withOfficer.contains(entry.getKey())) {
				teams.computeIfAbsent(entry.getValue(), this::contactsOf);
			}
		}
		Map<String, SchoolRanking.Contact> contacts = SchoolRanking.contacts(wardOfSchool, withOfficer, teams);
		List<RankedSchool> result = new ArrayList<>();
		for (SchoolRanking.Ranked r : ranked) {
			SchoolRecord school = byUrn.get(r.urn());
			Optional<Contact> contact = Optional.ofNullable(contacts.get(r.urn()))
				.map(c -> new Contact(c.personId(), c.name(), c.roleTitle()));
			String reason;
			if (r.kept()) {
				reason = "Keeps its officer (" + (hadLastYear.contains(r.urn()) ? "allocated for " + academicYear(request.year() - 1)
						: "has one now") + "): no school that has an officer loses it.";
			}
			else if (r.officer()) {
				reason = "Ranked " + r.rank() + " of " + ranked.size() + ": among the highest need without an officer.";
			}
			else if (contact.isPresent()) {
				reason = "Ranked " + r.rank() + " of " + ranked.size() + ": point of contact from the "
						+ school.wardName() + " team.";
			}
			else {
				reason = "Ranked " + r.rank() + " of " + ranked.size() + ": nobody is posted to the " + school.wardName()
						+ " team to name as its point of contact.";
			}
			result.add(new RankedSchool(r.rank(), r.urn(), school.name(), school.phase(), school.wardCode(),
					school.wardName(), r.score(), Map.copyOf(values.get(r.urn())), r.normalised(), r.officer(), r.kept(),
					reason, contact));
		}
		return new SchoolAllocation(borough.code(), borough.name(), request.year(), request.officers(),
				request.normalisation(), normalisationNote(request.normalisation(), schools.size()), used, from, to,
				List.copyOf(result), Optional.empty(), Optional.empty());
	}

	private List<SchoolRanking.Contact> contactsOf(String wardCode) {
		return this.workforce.team(wardCode)
			.stream()
			.filter(m -> CONTACT_ROLES.contains(m.role()) && m.postedWard().equals(wardCode))
			.sorted(Comparator.comparingInt((TeamMember m) -> CONTACT_ROLES.indexOf(m.role()))
				.thenComparing(TeamMember::name))
			.map(m -> new SchoolRanking.Contact(m.personId(), m.name(), m.roleTitle()))
			.toList();
	}

	static String normalisationNote(Normalisation normalisation, int schools) {
		String missing = " A school without a value for a criterion scores the average of the schools that have one. "
				+ "Score = Σ weight × normalised value / Σ weight; the highest score is the greatest need.";
		return switch (normalisation) {
			case MIN_MAX -> "Min-max per criterion across the " + schools + " schools ranked: (value − lowest) / "
					+ "(highest − lowest), turned round where higher is better, so 0 is the least need and 1 the most; "
					+ "a criterion on which all are equal counts 0." + missing;
			case Z_SCORE -> "Z-score per criterion across the " + schools + " schools ranked: (value − mean) / standard "
					+ "deviation, negated where higher is better, so 0 is average need." + missing;
		};
	}

	private SchoolAllocation fromRow(BoroughSummary borough, AllocationRow row) {
		List<CriterionUsed> criteria = this.json.readValue(row.criteriaJson(), new TypeReference<List<CriterionUsed>>() {
		});
		Map<String, String> wardNames = this.geography.wardNames();
		Map<String, SchoolRecord> schools = new HashMap<>();
		this.queries.schools(borough.code(), row.year()).forEach(s -> schools.put(s.urn(), s));
		List<EntryRow> entries = this.queries.entries(row.id());
		List<RankedSchool> ranked = entries.stream()
			.map(e -> {
				SchoolRecord school = schools.get(e.urn());
				Optional<Contact> contact = Optional.ofNullable(e.contactPersonId())
					.map(id -> new Contact(id, e.contactName(), e.contactRole()));
				String reason = e.kept() ? "Kept its officer." : e.officer() ? "Allocated an officer (ranked " + e.rank() + ")."
						: contact.isPresent() ? "Point of contact: " + e.contactName() + "." : "No point of contact named.";
				return new RankedSchool(e.rank(), e.urn(), e.name(), school == null ? SchoolPhase.OTHER : school.phase(),
						e.wardCode(), wardNames.getOrDefault(e.wardCode(), e.wardCode()), e.score(),
						school == null ? Map.of() : school.values(), Map.of(), e.officer(), e.kept(), reason, contact);
			})
			.toList();
		Normalisation normalisation = Normalisation.valueOf(row.normalisation());
		return new SchoolAllocation(borough.code(), borough.name(), row.year(), row.officers(), normalisation,
				normalisationNote(normalisation, entries.size()), criteria, row.demandFrom(), row.demandTo(), ranked,
				Optional.of(row.recordedBy()), Optional.of(row.recordedAt()));
	}

	static String academicYear(int year) {
		return year + "/" + String.format("%02d", (year + 1) % 100);
	}

	private BoroughSummary borough(String code) {
		BoroughSummary borough = this.geography.borough(code);
		this.access.require(Place.borough(borough.code()));
		return borough;
	}

	private void checkYear(int year) {
		if (year < 2000 || year > 2100) {
			throw new InvalidInput("year must be 2000 to 2100 (the September the academic year starts).",
					List.of(new InvalidInput.FieldError("year", "2000-2100")));
		}
	}

	/** The current academic year (it starts in September). */
	public int currentYear() {
		LocalDate today = LocalDate.now(this.clock);
		return today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
	}

}
