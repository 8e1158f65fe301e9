package org.ringfence.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.ringfence.duties.DutyKind;
import org.ringfence.duties.NewDuty;
import org.ringfence.geography.ClusterSummary;
import org.ringfence.workforce.Posting;
import org.ringfence.workforce.Unit;
import org.ringfence.workforce.WorkforceRole;

/**
 * Designs believable duty records for everyone posted, the same every time for a seed: ward teams
 * work 8-hour early, late and evening tours (more lates and evenings on Fridays and Saturdays) with
 * two rest days a week, staggered across the team; cluster and borough staff work day tours on
 * weekdays; special constables volunteer a tour most weekends. Annual leave in blocks, spells of
 * sickness, a mandatory training day a month and now and then specialist skills. Abstractions
 * (aid, response cover, custody, CAD room, court) take about a quarter to a third of duty time,
 * more in some boroughs and months than others. A share of officers police Notting Hill Carnival,
 * New Year's Eve and May Day; their rest days on those days are moved within the week when the
 * roster is published (well beyond 15 days' notice), so no rest day is cancelled. The Police
 * Regulations hold: at least 11 hours between tours, never more than 7 days between rest days.
 * Rest days, leave and sickness take the hours of the tour they replace. Days before today are
 * actual duties, from today on planned ones.
 */
final class DemoDutyPlan {

	/** At least this long between the end of one tour and the start of the next. */
	static final Duration REST_BETWEEN_TOURS = Duration.ofHours(11);

	/** At most this many days in a row without a rest day. */
	static final int MAX_DAYS_WITHOUT_REST = 7;

	/** Share of notional duty days abstracted, before the borough's and the month's factors. */
	static final double ABSTRACTION_RATE = 0.335;

	/** The hours of a tour, in London local time. */
	enum Tour {

		EARLY(7, 8), DAY(8, 8), LATE(14, 8), EVENING(16, 8), MAY_DAY(9, 10), CARNIVAL(10, 12), NEW_YEARS_EVE(20, 8);

		private final LocalTime start;

		private final int hours;

		Tour(int startHour, int hours) {
			this.start = LocalTime.of(startHour, 0);
			this.hours = hours;
		}

		Instant startOn(LocalDate day) {
			return day.atTime(this.start).atZone(NewDuty.LONDON).toInstant();
		}

		Instant endOn(LocalDate day) {
			return day.atTime(this.start).plusHours(this.hours).atZone(NewDuty.LONDON).toInstant();
		}

	}

	/** The rostered tours of a ward team, earliest first. */
	private static final List<Tour> SHIFTS = List.of(Tour.EARLY, Tour.DAY, Tour.LATE, Tour.EVENING);

	/** How a person's days are rostered. */
	private enum Pattern {

		/** Sergeants, DWOs, PCs, PCSOs: early, late and evening tours, rest days staggered. */
		WARD_TEAM,
		/** Safer schools officers: weekday day tours on their ward. */
		SCHOOL_DAYS,
		/** Special constables: a volunteered tour most weekends, nothing else recorded. */
		VOLUNTEER,
		/** Inspectors, the borough's command and staff: weekday day tours at their unit. */
		OFFICE

	}

	private enum Day {

		WORK, REST, LEAVE, SICK, TRAINING, SKILLS, CARNIVAL, NEW_YEARS_EVE, MAY_DAY;

		boolean event() {
			return this == CARNIVAL || this == NEW_YEARS_EVE || this == MAY_DAY;
		}

		boolean tour() {
			return this == WORK || this == TRAINING || this == SKILLS || event();
		}

	}

	private enum Abstraction {

		AB_RESPONSE("Response cover", 30, false), AB_LOCAL("Local aid", 22, true), AB_CENTRAL("Central aid", 18, true),
		AB_CUSTODY("Custody", 8, false), AB_CAD("CAD room", 7, true), AB_COURT("Court", 6, false),
		AB_OTHER("Other abstraction", 9, true);

		private final String label;

		private final int weight;

		private final boolean pcso;

		Abstraction(String label, int weight, boolean pcso) {
			this.label = label;
			this.weight = weight;
			this.pcso = pcso;
		}

		static Abstraction pick(Random random, boolean pcso) {
			int total = 0;
			for (Abstraction a : values()) {
				total += pcso && !a.pcso ? 0 : a.weight;
			}
			int r = random.nextInt(total);
			for (Abstraction a : values()) {
				int weight = pcso && !a.pcso ? 0 : a.weight;
				if (r < weight) {
					return a;
				}
				r -= weight;
			}
			throw new IllegalStateException();
		}

	}

	/** One person to roster: their posting, ward(s), cluster and borough. */
	private record Member(long personId, WorkforceRole role, Pattern pattern, List<String> wards, String unitPlace,
			String boroughCode, List<String> clusterWards, List<String> boroughWards, LocalDate postedFrom,
			int restOffset) {
	}

	private final Map<String, String> boroughNames;

	private final LocalDate from;

	private final LocalDate until;

	private final LocalDate today;

	private final long seed;

	private final Map<String, Double> boroughFactors = new HashMap<>();

	private DemoDutyPlan(Map<String, String> boroughNames, LocalDate from, LocalDate until, LocalDate today, long seed) {
		this.boroughNames = boroughNames;
		this.from = from;
		this.until = until;
		this.today = today;
		this.seed = seed;
	}

	/**
	 * The duties of everyone posted, person by person, from a day until (not including) another.
	 * @param postings the postings open today; a person's duties start no earlier than their posting
	 * @param clusters every cluster with its wards (for the borough of a ward and its neighbours)
	 * @param boroughNames borough names by code, for the place of abstractions (the code when absent)
	 */
	static Stream<NewDuty> duties(List<Posting> postings, List<ClusterSummary> clusters, Map<String, String> boroughNames,
			LocalDate from, LocalDate until, LocalDate today, long seed) {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(until, "until");
		Objects.requireNonNull(today, "today");
		DemoDutyPlan plan = new DemoDutyPlan(Map.copyOf(boroughNames), from, until, today, seed);
		List<Member> members = members(postings, clusters);
		return members.stream().flatMap(m -> plan.rowsOf(m).stream());
	}

	private static List<Member> members(List<Posting> postings, List<ClusterSummary> clusters) {
		Map<String, ClusterSummary> clusterOfWard = new HashMap<>();
		Map<String, ClusterSummary> clusterById = new HashMap<>();
		Map<String, List<String>> boroughWards = new HashMap<>();
		for (ClusterSummary cluster : clusters) {
			clusterById.put(cluster.id(), cluster);
			cluster.wardCodes().forEach(w -> clusterOfWard.put(w, cluster));
			boroughWards.computeIfAbsent(cluster.boroughCode(), b -> new ArrayList<>()).addAll(cluster.wardCodes());
		}
		// One posting a person: the latest, should two be open.
		Map<Long, Posting> byPerson = new LinkedHashMap<>();
		postings.stream()
			.sorted(Comparator.comparingLong(Posting::personId).thenComparing(Posting::start))
			.forEach(p -> byPerson.put(p.personId(), p));
		List<Member> members = new ArrayList<>();
		// Rest days staggered across a ward team: each member's pair three days on from the last one's.
		Map<String, Integer> teamSize = new HashMap<>();
		for (Posting p : byPerson.values()) {
			Unit unit = p.unit();
			switch (unit.kind()) {
				case WARD -> {
					ClusterSummary cluster = clusterOfWard.get(unit.code());
					String borough = cluster == null ? "" : cluster.boroughCode();
					List<String> wards = new ArrayList<>();
					wards.add(unit.code());
					p.alsoWard().ifPresent(wards::add);
					Pattern pattern = switch (p.role()) {
						case SCHOOLS_OFFICER -> Pattern.SCHOOL_DAYS;
						case SPECIAL_CONSTABLE -> Pattern.VOLUNTEER;
						default -> Pattern.WARD_TEAM;
					};
					int place = teamSize.merge(unit.code(), 1, Integer::sum) - 1;
					int restOffset = Math.floorMod(unit.code().hashCode() + 3 * place, 7);
					members.add(new Member(p.personId(), p.role(), pattern, List.copyOf(wards), "",
							borough, cluster == null ? List.of() : cluster.wardCodes(),
							boroughWards.getOrDefault(borough, List.of()), p.start(), restOffset));
				}
				case CLUSTER -> {
					ClusterSummary cluster = clusterById.get(unit.code());
					String borough = cluster == null ? "" : cluster.boroughCode();
					members.add(new Member(p.personId(), p.role(), Pattern.OFFICE, List.of(), "Cluster " + unit.code(),
							borough, List.of(), List.of(), p.start(), 0));
				}
				case BOROUGH -> members.add(new Member(p.personId(), p.role(), Pattern.OFFICE, List.of(),
						"Borough " + unit.code(), unit.code(), List.of(), List.of(), p.start(), 0));
			}
		}
		return members;
	}

	/** Every row of one person, in date order. */
	private List<NewDuty> rowsOf(Member member) {
		LocalDate start = member.postedFrom().isAfter(this.from) ? member.postedFrom() : this.from;
		int days = (int) ChronoUnit.DAYS.between(start, this.until);
		if (days <= 0) {
			return List.of();
		}
		Random random = new Random(mixed(this.seed, member.personId()));
		if (member.pattern() == Pattern.VOLUNTEER) {
			return volunteered(member, start, days, random);
		}
		Day[] plan = roster(member, start, days, random);
		return rows(member, start, plan, random);
	}

	/** What each day is: rest, leave, sickness, training, an event or work. */
	private Day[] roster(Member member, LocalDate start, int days, Random random) {
		boolean office = member.pattern() != Pattern.WARD_TEAM;
		int restOffset = member.restOffset();
		boolean police = member.role() != WorkforceRole.STAFF;
		boolean carnival = police && random.nextDouble() < 0.30;
		boolean newYear = police && random.nextDouble() < 0.20;
		boolean mayDay = police && random.nextDouble() < 0.12;
		boolean specialist = random.nextInt(4) == 0;
		Day[] plan = new Day[days];
		for (int i = 0; i < days; i++) {
			LocalDate day = start.plusDays(i);
			boolean rest = office ? day.getDayOfWeek().getValue() >= 6
					: Math.floorMod(day.toEpochDay() + restOffset, 7) < 2;
			plan[i] = rest ? Day.REST : Day.WORK;
		}
		// Annual leave: about 25 working days a year, in blocks of 3 to 10 days.
		long leaveTarget = Math.round(25.0 * days / 365.0);
		int leave = 0;
		for (int tries = 0; leave < leaveTarget && tries < 200; tries++) {
			int length = 3 + random.nextInt(8);
			int first = random.nextInt(days);
			int last = Math.min(days, first + length);
			boolean free = true;
			for (int i = Math.max(0, first - 1); i < Math.min(days, last + 1); i++) {
				free &= plan[i] == Day.WORK || plan[i] == Day.REST;
			}
			if (!free) {
				continue;
			}
			for (int i = first; i < last && leave < leaveTarget + 2; i++) {
				if (plan[i] == Day.WORK) {
					plan[i] = Day.LEAVE;
					leave++;
				}
			}
		}
		// Sickness: spells of 1 to 5 days, about 3% of days.
		for (int i = 0; i < days; i++) {
			if (plan[i] == Day.WORK && random.nextDouble() < 0.012) {
				int length = 1 + random.nextInt(5);
				for (int k = i; k < Math.min(days, i + length); k++) {
					if (plan[k] == Day.WORK) {
						plan[k] = Day.SICK;
					}
				}
			}
		}
		// Mandatory training about once a month; specialist skills now and then.
		for (YearMonth month = YearMonth.from(start); !month.atDay(1).isAfter(start.plusDays(days - 1L)); month = month
			.plusMonths(1)) {
			markOne(plan, start, month, Day.TRAINING, random);
			if (random.nextDouble() < (specialist ? 0.8 : 0.1)) {
				markOne(plan, start, month, Day.SKILLS, random);
			}
		}
		// Pre-planned events, in place of the tour or the rest day (which moves within the week).
		for (int year = start.getYear(); year <= start.plusDays(days - 1L).getYear(); year++) {
			LocalDate bankHoliday = LocalDate.of(year, 8, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY));
			if (carnival) {
				event(plan, start, bankHoliday.minusDays(1), Day.CARNIVAL);
				event(plan, start, bankHoliday, Day.CARNIVAL);
			}
			if (newYear) {
				event(plan, start, LocalDate.of(year, 12, 31), Day.NEW_YEARS_EVE);
			}
			if (mayDay) {
				event(plan, start, LocalDate.of(year, 5, 1), Day.MAY_DAY);
			}
		}
		// Never more than 7 days without a rest day: the latest plain working day becomes one (or,
		// failing that, the latest day that is not an event).
		int run = 0;
		for (int i = 0; i < days; i++) {
			run = plan[i] == Day.REST ? 0 : run + 1;
			if (run > MAX_DAYS_WITHOUT_REST) {
				int k = latest(plan, i, run, true);
				k = k >= 0 ? k : latest(plan, i, run, false);
				plan[k] = Day.REST;
				run = i - k;
			}
		}
		return plan;
	}

	private static int latest(Day[] plan, int i, int run, boolean plainWork) {
		for (int k = i; k > i - run; k--) {
			if (plainWork ? plan[k] == Day.WORK : !plan[k].event()) {
				return k;
			}
		}
		return -1;
	}

	private static void markOne(Day[] plan, LocalDate start, YearMonth month, Day what, Random random) {
		List<Integer> candidates = new ArrayList<>();
		for (int i = 0; i < plan.length; i++) {
			if (plan[i] == Day.WORK && YearMonth.from(start.plusDays(i)).equals(month)) {
				candidates.add(i);
			}
		}
		if (!candidates.isEmpty()) {
			plan[candidates.get(random.nextInt(candidates.size()))] = what;
		}
	}

	private static void event(Day[] plan, LocalDate start, LocalDate day, Day what) {
		int i = (int) ChronoUnit.DAYS.between(start, day);
		if (i < 0 || i >= plan.length || (plan[i] != Day.WORK && plan[i] != Day.REST)) {
			return;
		}
		if (plan[i] == Day.REST) {
			for (int k : new int[] { i + 1, i + 2, i + 3, i - 1, i - 2, i - 3 }) {
				if (k >= 0 && k < plan.length && plan[k] == Day.WORK) {
					plan[k] = Day.REST;
					break;
				}
			}
		}
		plan[i] = what;
	}

	/** The rows for a rostered person, choosing each tour's hours so that the 11-hour rest holds. */
	private List<NewDuty> rows(Member member, LocalDate start, Day[] plan, Random random) {
		List<NewDuty> rows = new ArrayList<>(plan.length + 16);
		Instant lastTourEnd = Instant.MIN;
		Tour base = Tour.EARLY;
		for (int i = 0; i < plan.length; i++) {
			LocalDate day = start.plusDays(i);
			if (i == 0 || plan[i - 1] == Day.REST) {
				base = baseTour(member, random);
			}
			Day what = plan[i];
			if (what.event()) {
				Tour tour = eventTour(what);
				String place = switch (what) {
					case CARNIVAL -> "Notting Hill Carnival, Kensington and Chelsea";
					case NEW_YEARS_EVE -> "New Year's Eve, Westminster";
					default -> "May Day, Westminster";
				};
				String code = switch (what) {
					case CARNIVAL -> "EV_NHC";
					case NEW_YEARS_EVE -> "EV_NYE";
					default -> "EV_MAYDAY";
				};
				rows.add(row(member, day, tour.startOn(day), tour.endOn(day), null, place, code));
				lastTourEnd = tour.endOn(day);
				continue;
			}
			Tour wanted = wantedTour(member, what, day, base, random);
			Optional<Tour> tour = what.tour() ? fit(member, wanted, day, lastTourEnd, nextEventStart(plan, start, i))
					: Optional.empty();
			if (tour.isEmpty()) {
				String code = switch (what) {
					case LEAVE -> "AL";
					case SICK -> "SICK";
					default -> "REST";
				};
				rows.add(row(member, day, wanted.startOn(day), wanted.endOn(day), null, "", code));
				continue;
			}
			Instant startsAt = tour.get().startOn(day);
			Instant endsAt = tour.get().endOn(day);
			lastTourEnd = endsAt;
			if (what == Day.TRAINING || what == Day.SKILLS) {
				rows.add(row(member, day, startsAt, endsAt, null,
						what == Day.TRAINING ? "Mandatory training" : "Specialist skills",
						what == Day.TRAINING ? "TRAIN" : "SKILLS"));
			}
			else {
				work(rows, member, day, startsAt, endsAt, random);
			}
		}
		return rows;
	}

	private Tour baseTour(Member member, Random random) {
		if (member.pattern() != Pattern.WARD_TEAM) {
			return Tour.DAY;
		}
		double r = random.nextDouble();
		return r < 0.45 ? Tour.EARLY : r < 0.85 ? Tour.LATE : Tour.EVENING;
	}

	private static Tour wantedTour(Member member, Day what, LocalDate day, Tour base, Random random) {
		if (what == Day.TRAINING || what == Day.SKILLS) {
			return Tour.DAY;
		}
		boolean weekendNight = day.getDayOfWeek() == DayOfWeek.FRIDAY || day.getDayOfWeek() == DayOfWeek.SATURDAY;
		if (member.pattern() == Pattern.WARD_TEAM && weekendNight && base != Tour.EVENING && random.nextDouble() < 0.6) {
			return random.nextBoolean() ? Tour.EVENING : Tour.LATE.compareTo(base) > 0 ? Tour.LATE : Tour.EVENING;
		}
		return base;
	}

	private static Tour eventTour(Day what) {
		return switch (what) {
			case CARNIVAL -> Tour.CARNIVAL;
			case NEW_YEARS_EVE -> Tour.NEW_YEARS_EVE;
			default -> Tour.MAY_DAY;
		};
	}

	/** When the next day is a pre-planned event, its start (this day's tour must end 11 hours before). */
	private static Optional<Instant> nextEventStart(Day[] plan, LocalDate start, int i) {
		if (i + 1 < plan.length && plan[i + 1].event()) {
			LocalDate next = start.plusDays(i + 1L);
			return Optional.of(eventTour(plan[i + 1]).startOn(next));
		}
		return Optional.empty();
	}

	/**
	 * The wanted tour, or a later one when the last tour ended too recently, or an earlier one when an
	 * event follows too soon; empty when none fits (the day becomes a rest day).
	 */
	private static Optional<Tour> fit(Member member, Tour wanted, LocalDate day, Instant lastTourEnd,
			Optional<Instant> nextStart) {
		List<Tour> allowed = member.pattern() == Pattern.WARD_TEAM && wanted != Tour.DAY ? List.of(Tour.EARLY, Tour.LATE, Tour.EVENING)
				: SHIFTS;
		Instant earliest = lastTourEnd == Instant.MIN ? Instant.MIN : lastTourEnd.plus(REST_BETWEEN_TOURS);
		List<Tour> fitting = allowed.stream()
			.filter(t -> !t.startOn(day).isBefore(earliest))
			.filter(t -> nextStart.map(n -> !t.endOn(day).plus(REST_BETWEEN_TOURS).isAfter(n)).orElse(true))
			.toList();
		if (fitting.isEmpty()) {
			return Optional.empty();
		}
		if (fitting.contains(wanted)) {
			return Optional.of(wanted);
		}
		// The nearest fitting tour: later ones first (the rest after the last tour), else the latest.
		return fitting.stream()
			.filter(t -> t.compareTo(wanted) > 0)
			.findFirst()
			.or(() -> Optional.of(fitting.get(fitting.size() - 1)));
	}

	/** A plain working tour: on the ward, across a boundary for part of it, on flex, or abstracted. */
	private void work(List<NewDuty> rows, Member member, LocalDate day, Instant startsAt, Instant endsAt,
			Random random) {
		if (member.pattern() == Pattern.OFFICE) {
			rows.add(row(member, day, startsAt, endsAt, null, member.unitPlace(), "SN_WARD"));
			return;
		}
		String ownWard = member.wards().get((int) Math.floorMod(day.toEpochDay(), member.wards().size()));
		double r = random.nextDouble();
		double abstraction = abstractionRate(member.boroughCode(), YearMonth.from(day));
		if (r < abstraction) {
			Abstraction a = Abstraction.pick(random, member.role() == WorkforceRole.PCSO);
			String where = a == Abstraction.AB_CENTRAL ? "pan-London"
					: this.boroughNames.getOrDefault(member.boroughCode(), member.boroughCode());
			rows.add(row(member, day, startsAt, endsAt, null, a.label + ", " + where, a.name()));
			return;
		}
		List<String> elsewhere = member.boroughWards().stream().filter(w -> !member.clusterWards().contains(w)).toList();
		if (r < abstraction + 0.012 && !elsewhere.isEmpty()) {
			rows.add(row(member, day, startsAt, endsAt, elsewhere.get(random.nextInt(elsewhere.size())), "", "FLEX"));
			return;
		}
		List<String> neighbours = member.clusterWards().stream().filter(w -> !member.wards().contains(w)).toList();
		if (r < abstraction + 0.012 + 0.05 && !neighbours.isEmpty()) {
			Instant split = endsAt.minus(Duration.ofHours(1 + random.nextInt(3)));
			rows.add(row(member, day, startsAt, split, ownWard, "", "SN_WARD"));
			rows.add(row(member, day, split, endsAt, neighbours.get(random.nextInt(neighbours.size())), "", "SN_CROSS"));
			return;
		}
		rows.add(row(member, day, startsAt, endsAt, ownWard, "", "SN_WARD"));
	}

	/** The chance a tour is abstracted in a borough and month: a seeded factor for each. */
	private double abstractionRate(String borough, YearMonth month) {
		double boroughFactor = this.boroughFactors.computeIfAbsent(borough,
				b -> 0.85 + 0.27 * new Random(mixed(this.seed, b.hashCode())).nextDouble());
		double monthFactor = 0.92 + 0.16 * new Random(mixed(this.seed, borough.hashCode() * 31L + month.hashCode()))
			.nextDouble();
		return ABSTRACTION_RATE * boroughFactor * monthFactor;
	}

	/** A seed for one thing (a person, a borough, a month): nearby keys give unrelated numbers. */
	private static long mixed(long seed, long key) {
		return new SplittableRandom(seed * 1_000_003L + key).nextLong();
	}

	/** A special constable's volunteered tours: a late or evening most Fridays or Saturdays. */
	private List<NewDuty> volunteered(Member member, LocalDate start, int days, Random random) {
		List<NewDuty> rows = new ArrayList<>();
		for (int i = 0; i < days; i++) {
			LocalDate day = start.plusDays(i);
			if (day.getDayOfWeek() == DayOfWeek.FRIDAY && random.nextDouble() < 0.75) {
				LocalDate worked = random.nextBoolean() ? day : day.plusDays(1);
				if (ChronoUnit.DAYS.between(start, worked) < days) {
					Tour tour = random.nextBoolean() ? Tour.LATE : Tour.EVENING;
					rows.add(row(member, worked, tour.startOn(worked), tour.endOn(worked), member.wards().get(0), "",
							"SN_WARD"));
				}
			}
		}
		return rows;
	}

	private NewDuty row(Member member, LocalDate day, Instant startsAt, Instant endsAt, String ward, String place,
			String code) {
		DutyKind kind = day.isBefore(this.today) ? DutyKind.ACTUAL : DutyKind.PLANNED;
		return new NewDuty(member.personId(), kind, day, startsAt, endsAt, Optional.ofNullable(ward), place, code);
	}

}
