package org.ringfence.neighbourhood;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.ringfence.geography.BoroughSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.geography.LocatedWard;
import org.ringfence.geography.LondonMap;
import org.ringfence.geography.WardDetail;
import org.ringfence.geography.WardSummary;
import org.ringfence.neighbourhood.domain.Boundary;
import org.ringfence.neighbourhood.domain.PoliceUkFormat;
import org.ringfence.neighbourhood.persistence.NeighbourhoodQueries;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;
import org.ringfence.workforce.Posting;
import org.ringfence.workforce.Unit;
import org.ringfence.workforce.WorkforceRole;
import org.ringfence.workforce.WorkforceService;
import org.ringfence.workforce.WorkforceViews.TeamMember;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is published about London's neighbourhoods, in data.police.uk's shapes and for the public
 * ward pages: the force, its neighbourhoods (wards: the ward code is the neighbourhood id), their
 * teams by name and rank, published priorities, public panel meetings, boundaries. Nothing else
 * (no warrant or payroll numbers, duties, flex or minutes). Answers are cached briefly.
 */
@Service
public class PublicNeighbourhoods {

	public static final String FORCE = "metropolitan";

	public static final String FORCE_NAME = "Metropolitan Police Service";

	/** Achieved priorities stay published this long after they were achieved. */
	static final int ACHIEVED_DAYS_SHOWN = 90;

	/** Public panel meetings are published this far ahead. */
	static final int EVENT_MONTHS_AHEAD = 12;

	private static final Pattern WARD_CODE = Pattern.compile("^E05[0-9]{6}$");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, String> FORCE_CONTACT = Map.of("telephone", "101");

	private final GeographyService geography;

	private final LondonMap londonMap;

	private final WorkforceService workforce;

	private final NeighbourhoodQueries queries;

	private final PublishedCache cache;

	private final Clock clock;

	PublicNeighbourhoods(GeographyService geography, LondonMap londonMap, WorkforceService workforce,
			NeighbourhoodQueries queries, PublishedCache cache, Clock clock) {
		this.geography = geography;
		this.londonMap = londonMap;
		this.workforce = workforce;
		this.queries = queries;
		this.cache = cache;
		this.clock = clock;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(WardPriorities.LONDON));
	}

	public List<PoliceUk.Force> forces() {
		return List.of(new PoliceUk.Force(FORCE, FORCE_NAME));
	}

	public PoliceUk.ForceDetail force(String force, String baseUrl) {
		checkForce(force);
		return new PoliceUk.ForceDetail(
				"<p>The Metropolitan Police Service polices Greater London (but for the City of London). Every ward has a "
						+ "Safer Neighbourhoods team that agrees its priorities with residents at ward panel meetings.</p>",
				"https://www.met.police.uk/",
				List.of(new PoliceUk.EngagementMethod(baseUrl + "/neighbourhoods",
						"<p>Find your Safer Neighbourhoods team, its priorities and its next ward panel meetings.</p>",
						"Your neighbourhood team")),
				"101", FORCE, FORCE_NAME);
	}

	/** The force's senior officers as published: the superintendents posted to boroughs, by name and rank. */
	@Transactional(readOnly = true)
	public List<PoliceUk.Person> forcePeople(String force) {
		checkForce(force);
		return this.cache.get("force-people", () -> {
			Map<String, BoroughSummary> boroughs = new HashMap<>();
			this.geography.boroughs().forEach(b -> boroughs.put(b.code(), b));
			List<Posting> superintendents = this.workforce.currentPostings(today())
				.stream()
				.filter(p -> p.role() == WorkforceRole.SUPERINTENDENT && p.unit().kind() == Unit.Kind.BOROUGH)
				.toList();
			Map<Long, String> names = this.workforce.names(superintendents.stream().map(Posting::personId).toList());
			return superintendents.stream().sorted(Comparator.comparing(p -> boroughName(boroughs, p.unit().code()))).map(p -> {
				BoroughSummary b = boroughs.get(p.unit().code());
				String where = b == null ? p.unit().code() : b.name() + (b.bcu() == null ? "" : " (" + b.bcu() + " BCU)");
				return new PoliceUk.Person(names.getOrDefault(p.personId(), ""), "Superintendent",
						PoliceUkFormat.html("Superintendent for " + where + "."), Map.of());
			}).toList();
		});
	}

	public List<PoliceUk.NeighbourhoodSummary> neighbourhoods(String force) {
		checkForce(force);
		return this.cache.get("neighbourhoods", () -> this.geography.wards(Optional.empty())
			.stream()
			.sorted(Comparator.comparing(WardSummary::name).thenComparing(WardSummary::code))
			.map(w -> new PoliceUk.NeighbourhoodSummary(w.code(), w.name()))
			.toList());
	}

	@Transactional(readOnly = true)
	public PoliceUk.Neighbourhood neighbourhood(String force, String id, String baseUrl) {
		checkForce(force);
		WardDetail ward = ward(id);
		return this.cache.get("neighbourhood:" + id + ":" + baseUrl, () -> {
			Boundary.Point centre = Boundary.centre(outerRing(id));
			String page = baseUrl + "/neighbourhoods/" + id;
			return new PoliceUk.Neighbourhood("https://www.met.police.uk/", Map.of("telephone", "101", "web", page),
					ward.name(),
					List.of(new PoliceUk.Link(page, "Your neighbourhood team: priorities and ward panel meetings",
							ward.name() + " Safer Neighbourhoods team")),
					new PoliceUk.Centre(PoliceUkFormat.coordinate(centre.lat()), PoliceUkFormat.coordinate(centre.lng())),
					List.of(),
					PoliceUkFormat.html("The " + ward.name() + " Safer Neighbourhoods team polices the " + ward.name()
							+ " ward of " + ward.boroughName() + ". It agrees its priorities with local people at ward "
							+ "panel meetings."),
					ward.population() == null ? "0" : Integer.toString(ward.population()), ward.code());
		});
	}

	@Transactional(readOnly = true)
	public List<PoliceUk.Person> people(String force, String id) {
		checkForce(force);
		WardDetail ward = ward(id);
		return this.cache.get("people:" + id, () -> team(id).stream()
			.map(m -> new PoliceUk.Person(m.name(), m.rank(), PoliceUkFormat.html(m.role() + ", " + ward.name() + "."),
					Map.of()))
			.toList());
	}

	@Transactional(readOnly = true)
	public List<PoliceUk.PublishedPriority> priorities(String force, String id) {
		checkForce(force);
		ward(id);
		return this.cache.get("priorities:" + id, () -> publishedPriorities(id).stream()
			.map(p -> new PoliceUk.PublishedPriority(PoliceUkFormat.html(p.action()), PoliceUkFormat.date(p.agreedOn()),
					p.actionDate().map(PoliceUkFormat::date).orElse(null),
					PoliceUkFormat.html(p.category().substring(0, 1).toUpperCase() + p.category().substring(1) + ": "
							+ p.issue())))
			.toList());
	}

	@Transactional(readOnly = true)
	public List<PoliceUk.Event> events(String force, String id) {
		checkForce(force);
		WardDetail ward = ward(id);
		return this.cache.get("events:" + id, () -> publicMeetings(id).stream()
			.map(m -> new PoliceUk.Event(Map.of(),
					PoliceUkFormat.html("The " + ward.name() + " ward panel meets the Safer Neighbourhoods team to agree the "
							+ "ward's priorities. Open to the public."),
					ward.name() + " ward panel meeting", m.place(), "meeting", PoliceUkFormat.dateTime(m.startsAt()),
					PoliceUkFormat.dateTime(m.endsAt())))
			.toList());
	}

	@Transactional(readOnly = true)
	public List<PoliceUk.Point> boundary(String force, String id) {
		checkForce(force);
		ward(id);
		return this.cache.get("boundary:" + id, () -> Boundary.open(outerRing(id))
			.stream()
			.map(p -> new PoliceUk.Point(PoliceUkFormat.coordinate(p.lat()), PoliceUkFormat.coordinate(p.lng())))
			.toList());
	}

	/** The neighbourhood at "lat,lng"; 404 outside London, 400 when q is not two numbers. */
	@Transactional(readOnly = true)
	public PoliceUk.Located locate(String q) {
		double[] point = point(q);
		LocatedWard ward = this.geography.locate(point[0], point[1])
			.orElseThrow(() -> new NotFound("No Metropolitan Police neighbourhood at " + q + "."));
		return new PoliceUk.Located(FORCE, ward.wardCode());
	}

	/** The ward at a point, for the public "find my team"; empty outside London. */
	@Transactional(readOnly = true)
	public Optional<String> wardAt(double lat, double lng) {
		return this.geography.locate(lat, lng).map(LocatedWard::wardCode);
	}

	/** A ward's public page. */
	@Transactional(readOnly = true)
	public PublicWard page(String wardCode) {
		WardDetail ward = ward(wardCode);
		return this.cache.get("page:" + wardCode, () -> {
			List<Priority> priorities = publishedPriorities(wardCode);
			List<PanelMeeting> meetings = publicMeetings(wardCode);
			boolean synthetic = priorities.stream().anyMatch(Priority::synthetic)
					|| meetings.stream().anyMatch(PanelMeeting::synthetic);
			return new PublicWard(ward.code(), ward.name(), ward.boroughName(), ward.population(), team(wardCode), priorities,
					meetings, synthetic);
		});
	}

	/** Boroughs and their wards (names and codes), for the public list. */
	@Transactional(readOnly = true)
	public Map<String, List<PoliceUk.NeighbourhoodSummary>> wardsByBorough() {
		return this.cache.get("by-borough", () -> {
			Map<String, String> boroughNames = new HashMap<>();
			this.geography.boroughs().forEach(b -> boroughNames.put(b.code(), b.name()));
			Map<String, List<PoliceUk.NeighbourhoodSummary>> out = new java.util.TreeMap<>();
			this.geography.wards(Optional.empty())
				.stream()
				.sorted(Comparator.comparing(WardSummary::name))
				.forEach(w -> out.computeIfAbsent(boroughNames.getOrDefault(w.boroughCode(), w.boroughCode()),
						k -> new ArrayList<>()).add(new PoliceUk.NeighbourhoodSummary(w.code(), w.name())));
			return out;
		});
	}

	/** All London's wards as GeoJSON (public: boundaries, names, clusters, population) and its tag. */
	public LondonMap.Wards londonMap() {
		return this.cache.get("london-map", this.londonMap::wards);
	}

	/** One ward as GeoJSON. */
	public String wardMap(String wardCode) {
		ward(wardCode);
		return this.cache.get("ward-map:" + wardCode, () -> this.geography.wardMap(wardCode));
	}

	List<Priority> publishedPriorities(String wardCode) {
		LocalDate today = today();
		return this.queries.priorities(wardCode)
			.stream()
			.filter(p -> !p.agreedOn().isAfter(today))
			.filter(p -> p.status() == PriorityStatus.OPEN || (p.status() == PriorityStatus.ACHIEVED
					&& p.closedOn().map(c -> !c.isBefore(today.minusDays(ACHIEVED_DAYS_SHOWN))).orElse(false)))
			.toList();
	}

	List<PanelMeeting> publicMeetings(String wardCode) {
		LocalDateTime now = LocalDateTime.now(this.clock.withZone(WardPriorities.LONDON));
		return this.queries.meetings(wardCode, now, now.plusMonths(EVENT_MONTHS_AHEAD))
			.stream()
			.filter(PanelMeeting::isPublic)
			.toList();
	}

	private List<PublicWard.TeamEntry> team(String wardCode) {
		return this.workforce.team(wardCode).stream().map(PublicNeighbourhoods::entry).toList();
	}

	private static PublicWard.TeamEntry entry(TeamMember member) {
		return new PublicWard.TeamEntry(member.name(), rank(member.role()), member.roleTitle());
	}

	/** A role as data.police.uk writes ranks. */
	static String rank(WorkforceRole role) {
		return switch (role) {
			case SUPERINTENDENT -> "Superintendent";
			case CHIEF_INSPECTOR -> "Chief Inspector";
			case INSPECTOR -> "Inspector";
			case SERGEANT -> "Sergeant";
			case PC, DWO, SCHOOLS_OFFICER -> "PC";
			case PCSO -> "PCSO";
			case SPECIAL_CONSTABLE -> "Special Constable";
			case STAFF -> "Police Staff";
		};
	}

	private static String boroughName(Map<String, BoroughSummary> boroughs, String code) {
		BoroughSummary b = boroughs.get(code);
		return b == null ? code : b.name();
	}

	private static void checkForce(String force) {
		if (!FORCE.equals(force)) {
			throw new NotFound("No force " + force + ".");
		}
	}

	/** An active London ward, or 404 for anything else (as data.police.uk answers an unknown neighbourhood). */
	private WardDetail ward(String id) {
		if (id == null || !WARD_CODE.matcher(id).matches()) {
			throw new NotFound("No neighbourhood " + id + ".");
		}
		WardDetail ward = this.cache.get("ward:" + id, () -> this.geography.ward(id));
		if (!ward.active()) {
			throw new NotFound("No neighbourhood " + id + ".");
		}
		return ward;
	}

	private List<Boundary.Point> outerRing(String wardCode) {
		JsonNode geometry = JSON.readTree(this.geography.wardMap(wardCode)).get("features").get(0).get("geometry");
		List<List<Boundary.Point>> rings = new ArrayList<>();
		String type = geometry.get("type").asString();
		if ("Polygon".equals(type)) {
			rings.add(ring(geometry.get("coordinates").get(0)));
		}
		else if ("MultiPolygon".equals(type)) {
			geometry.get("coordinates").forEach(polygon -> rings.add(ring(polygon.get(0))));
		}
		return Boundary.largest(rings);
	}

	private static List<Boundary.Point> ring(JsonNode coordinates) {
		List<Boundary.Point> ring = new ArrayList<>();
		coordinates.forEach(c -> ring.add(new Boundary.Point(c.get(0).asDouble(), c.get(1).asDouble())));
		return ring;
	}

	private static double[] point(String q) {
		String[] parts = q == null ? new String[0] : q.split(",");
		try {
			if (parts.length == 2) {
				double lat = Double.parseDouble(parts[0].strip());
				double lng = Double.parseDouble(parts[1].strip());
				if (Double.isFinite(lat) && Double.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180) {
					return new double[] { lat, lng };
				}
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new InvalidInput("q must be lat,lng, e.g. q=51.5390,-0.1426.",
				List.of(new InvalidInput.FieldError("q", "not a latitude,longitude pair")));
	}

}
