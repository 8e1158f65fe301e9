package org.ringfence.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.ringfence.duties.DutyKind;
import org.ringfence.duties.NewDuty;
import org.ringfence.geography.ClusterSummary;
import org.ringfence.workforce.Posting;
import org.ringfence.workforce.Unit;
import org.ringfence.workforce.WorkforceRole;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDutyPlanTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	static final LocalDate FROM = TODAY.minusMonths(6);

	static final LocalDate UNTIL = TODAY.plusMonths(3);

	/** Codes whose minutes are not duty time (the 2011 classification). */
	static final Set<String> NOT_DUTY = Set.of("REST", "AL", "TOIL", "COMPASS", "SICK");

	static final List<String> BOROUGHS = List.of("E09000007", "E09000012", "E09000033");

	static final List<ClusterSummary> CLUSTERS = new ArrayList<>();

	static final List<Posting> POSTINGS = new ArrayList<>();

	static final Map<Long, String> BOROUGH_OF = new HashMap<>();

	static final Map<Long, WorkforceRole> ROLE_OF = new HashMap<>();

	static final Map<Long, String> WARD_OF = new HashMap<>();

	static long sharedSergeant;

	static {
		long id = 1;
		for (int b = 0; b < BOROUGHS.size(); b++) {
			String borough = BOROUGHS.get(b);
			post(id++, WorkforceRole.SUPERINTENDENT, Unit.borough(borough), Optional.empty(), borough);
			for (int c = 1; c <= 2; c++) {
				String cluster = borough + "-C0" + c;
				List<String> wards = List.of("E05" + b + c + "00001", "E05" + b + c + "00002");
				CLUSTERS.add(new ClusterSummary(cluster, "Cluster " + c, borough, wards));
				post(id++, WorkforceRole.INSPECTOR, Unit.cluster(cluster), Optional.empty(), borough);
				for (String ward : wards) {
					for (WorkforceRole role : List.of(WorkforceRole.SERGEANT, WorkforceRole.DWO, WorkforceRole.DWO,
							WorkforceRole.PCSO, WorkforceRole.PCSO)) {
						boolean shared = b == 0 && c == 1 && role == WorkforceRole.SERGEANT;
						if (shared && ward.equals(wards.get(1))) {
							continue;
						}
						if (shared) {
							sharedSergeant = id;
						}
						post(id++, role, Unit.ward(ward), shared ? Optional.of(wards.get(1)) : Optional.empty(), borough);
					}
				}
				post(id++, WorkforceRole.SPECIAL_CONSTABLE, Unit.ward(wards.get(0)), Optional.empty(), borough);
				post(id++, WorkforceRole.SCHOOLS_OFFICER, Unit.ward(wards.get(1)), Optional.empty(), borough);
			}
		}
	}

	static void post(long person, WorkforceRole role, Unit unit, Optional<String> alsoWard, String borough) {
		POSTINGS.add(new Posting(person * 10, person, role, role.title(), unit, alsoWard, LocalDate.of(2020, 1, 6),
				Optional.empty()));
		BOROUGH_OF.put(person, borough);
		ROLE_OF.put(person, role);
		if (unit.kind() == Unit.Kind.WARD) {
			WARD_OF.put(person, unit.code());
		}
	}

	static List<NewDuty> generate(long seed) {
		return generate(FROM, UNTIL, seed);
	}

	static List<NewDuty> generate(LocalDate from, LocalDate until, long seed) {
		return DemoDutyPlan.duties(POSTINGS, CLUSTERS, Map.of("E09000007", "Camden"), from, until, TODAY, seed).toList();
	}

	static final List<NewDuty> DUTIES = generate(42);

	static Map<Long, List<NewDuty>> byPerson() {
		return DUTIES.stream()
			.sorted(Comparator.comparing(NewDuty::startsAt))
			.collect(Collectors.groupingBy(NewDuty::personId, TreeMap::new, Collectors.toList()));
	}

	static long minutes(NewDuty duty) {
		return Duration.between(duty.startsAt(), duty.endsAt()).toMinutes();
	}

	static LocalDateTime local(Instant instant) {
		return LocalDateTime.ofInstant(instant, NewDuty.LONDON);
	}

	@Test
	void everyRowIsAValidDutyOfSomeonePosted() {
		assertThat(DUTIES).hasSizeGreaterThan(POSTINGS.size() * 200);
		assertThat(DUTIES).allSatisfy(d -> {
			assertThat(d.problems()).isEmpty();
			assertThat(ROLE_OF).containsKey(d.personId());
			assertThat(d.dutyDate()).isBetween(FROM, UNTIL.minusDays(1));
		});
		assertThat(DUTIES.stream().map(NewDuty::activityCode).collect(Collectors.toSet())).contains("SN_WARD", "SN_CROSS",
				"FLEX", "REST", "AL", "SICK", "TRAIN", "SKILLS", "EV_NHC", "EV_NYE", "AB_RESPONSE", "AB_LOCAL",
				"AB_CENTRAL", "AB_CUSTODY", "AB_CAD", "AB_COURT", "AB_OTHER");
	}

	@Test
	void daysBeforeTodayAreActualFromTodayPlanned() {
		assertThat(DUTIES).allSatisfy(d -> assertThat(d.kind())
			.isEqualTo(d.dutyDate().isBefore(TODAY) ? DutyKind.ACTUAL : DutyKind.PLANNED));
	}

	@Test
	void noOnesRowsOverlapWithinAKind() {
		byPerson().forEach((person, rows) -> {
			Map<DutyKind, Instant> lastEnd = new HashMap<>();
			for (NewDuty row : rows) {
				Instant previous = lastEnd.get(row.kind());
				if (previous != null) {
					assertThat(row.startsAt()).as("person %d on %s", person, row.dutyDate()).isAfterOrEqualTo(previous);
				}
				lastEnd.put(row.kind(), row.endsAt());
			}
		});
	}

	@Test
	void atLeastElevenHoursBetweenToursOfDuty() {
		byPerson().forEach((person, rows) -> {
			Instant tourEnd = null;
			for (NewDuty row : rows) {
				if (NOT_DUTY.contains(row.activityCode())) {
					continue;
				}
				// Rows that follow on without a break are parts of one tour (an SN_CROSS after SN_WARD).
				if (tourEnd != null && !row.startsAt().equals(tourEnd)) {
					assertThat(Duration.between(tourEnd, row.startsAt()))
						.as("person %d before %s", person, local(row.startsAt()))
						.isGreaterThanOrEqualTo(Duration.ofHours(11));
				}
				tourEnd = row.endsAt();
			}
		});
	}

	@Test
	void neverMoreThanSevenDaysWithoutARestDay() {
		byPerson().forEach((person, rows) -> {
			Map<LocalDate, Set<String>> codes = new TreeMap<>();
			rows.forEach(r -> codes.computeIfAbsent(r.dutyDate(), d -> new HashSet<>()).add(r.activityCode()));
			int run = 0;
			for (LocalDate day = FROM; day.isBefore(UNTIL); day = day.plusDays(1)) {
				Set<String> of = codes.get(day);
				run = of == null || of.contains("REST") ? 0 : run + 1;
				assertThat(run).as("person %d up to %s", person, day).isLessThanOrEqualTo(7);
			}
		});
	}

	@Test
	void wardTeamsHaveTwoRestDaysAWeekStaggeredAcrossTheTeam() {
		Map<Long, List<NewDuty>> rows = byPerson();
		rows.forEach((person, duties) -> {
			if (ROLE_OF.get(person) == WorkforceRole.DWO || ROLE_OF.get(person) == WorkforceRole.PCSO) {
				long rest = duties.stream().filter(d -> d.activityCode().equals("REST")).count();
				double weeks = ChronoUnit.DAYS.between(FROM, UNTIL) / 7.0;
				assertThat(rest / weeks).as("person %d", person).isBetween(1.9, 2.3);
			}
		});
		// On no day is a whole ward team (sergeant, DWOs, PCSOs) on rest days.
		Map<String, Map<LocalDate, Integer>> resting = new HashMap<>();
		Map<String, Integer> teamSize = new HashMap<>();
		ROLE_OF.forEach((person, role) -> {
			if (WARD_OF.containsKey(person) && role != WorkforceRole.SPECIAL_CONSTABLE
					&& role != WorkforceRole.SCHOOLS_OFFICER) {
				teamSize.merge(WARD_OF.get(person), 1, Integer::sum);
			}
		});
		DUTIES.stream()
			.filter(d -> d.activityCode().equals("REST") && teamSize.containsKey(WARD_OF.get(d.personId()))
					&& ROLE_OF.get(d.personId()) != WorkforceRole.SCHOOLS_OFFICER)
			.forEach(d -> resting.computeIfAbsent(WARD_OF.get(d.personId()), w -> new HashMap<>())
				.merge(d.dutyDate(), 1, Integer::sum));
		resting.forEach((ward, days) -> assertThat(days.values()).as(ward).allMatch(n -> n < teamSize.get(ward)));
	}

	@Test
	void leaveSicknessAndTrainingAreBelievable() {
		byPerson().forEach((person, duties) -> {
			if (ROLE_OF.get(person) == WorkforceRole.SPECIAL_CONSTABLE) {
				assertThat(duties).allMatch(d -> d.activityCode().equals("SN_WARD"));
				return;
			}
			long leave = duties.stream().filter(d -> d.activityCode().equals("AL")).count();
			long training = duties.stream().filter(d -> d.activityCode().equals("TRAIN")).count();
			assertThat(leave).as("annual leave of %d", person).isBetween(15L, 22L);
			assertThat(training).as("training days of %d", person).isBetween(8L, 10L);
		});
		long sick = DUTIES.stream().filter(d -> d.activityCode().equals("SICK")).count();
		assertThat((double) sick / DUTIES.size()).isBetween(0.01, 0.05);
	}

	@Test
	void abstractionsAreAQuarterToAThirdOfDutyTimeInEveryBorough() {
		Map<String, long[]> minutes = new TreeMap<>();
		long[] all = new long[2];
		for (NewDuty d : DUTIES) {
			if (NOT_DUTY.contains(d.activityCode())) {
				continue;
			}
			long[] borough = minutes.computeIfAbsent(BOROUGH_OF.get(d.personId()), b -> new long[2]);
			boolean abstracted = d.activityCode().startsWith("AB_");
			for (long[] m : List.of(borough, all)) {
				m[0] += minutes(d);
				m[1] += abstracted ? minutes(d) : 0;
			}
			if (abstracted) {
				assertThat(d.wardCode()).isEmpty();
				assertThat(d.place()).isNotBlank();
			}
		}
		assertThat((double) all[1] / all[0]).isBetween(0.20, 0.38);
		assertThat(minutes).hasSize(3);
		minutes.forEach((borough, m) -> assertThat((double) m[1] / m[0]).as(borough).isBetween(0.20, 0.38));
		assertThat(DUTIES).filteredOn(d -> d.activityCode().equals("AB_RESPONSE")
				&& BOROUGH_OF.get(d.personId()).equals("E09000007"))
			.allMatch(d -> d.place().equals("Response cover, Camden"));
	}

	@Test
	void wardDutyIsOnTheOfficersWardOrANeighbourAndTheSharedSergeantWorksBoth() {
		Map<String, ClusterSummary> clusterOf = new HashMap<>();
		CLUSTERS.forEach(c -> c.wardCodes().forEach(w -> clusterOf.put(w, c)));
		DUTIES.stream().filter(d -> WARD_OF.containsKey(d.personId())).forEach(d -> {
			String own = WARD_OF.get(d.personId());
			switch (d.activityCode()) {
				case "SN_WARD" -> {
					if (d.personId() != sharedSergeant) {
						assertThat(d.wardCode()).contains(own);
					}
				}
				case "SN_CROSS" -> {
					assertThat(clusterOf.get(own).wardCodes()).contains(d.wardCode().orElseThrow());
					assertThat(d.wardCode()).isNotEqualTo(Optional.of(own));
				}
				case "FLEX" -> {
					assertThat(clusterOf.get(d.wardCode().orElseThrow()).boroughCode()).isEqualTo(clusterOf.get(own).boroughCode());
					assertThat(clusterOf.get(own).wardCodes()).doesNotContain(d.wardCode().orElseThrow());
				}
				default -> {
				}
			}
		});
		assertThat(DUTIES.stream()
			.filter(d -> d.personId() == sharedSergeant && d.activityCode().equals("SN_WARD"))
			.map(d -> d.wardCode().orElseThrow())
			.distinct()).hasSize(2);
	}

	@Test
	void nottingHillCarnivalOnTheAugustBankHolidaySundayAndMonday() {
		List<NewDuty> carnival = DUTIES.stream().filter(d -> d.activityCode().equals("EV_NHC")).toList();
		assertThat(carnival.stream().map(NewDuty::dutyDate).collect(Collectors.toSet()))
			.containsExactlyInAnyOrder(LocalDate.of(2026, 8, 30), LocalDate.of(2026, 8, 31));
		assertThat(carnival).allSatisfy(d -> {
			assertThat(local(d.startsAt()).toLocalTime()).hasHour(10);
			assertThat(local(d.endsAt()).toLocalTime()).hasHour(22);
		});
		long officers = ROLE_OF.values().stream().filter(r -> r != WorkforceRole.STAFF).count();
		long policing = carnival.stream().map(NewDuty::personId).distinct().count();
		assertThat((double) policing / officers).isBetween(0.15, 0.45);
		List<NewDuty> newYear = DUTIES.stream().filter(d -> d.activityCode().equals("EV_NYE")).toList();
		assertThat(newYear).isNotEmpty().allSatisfy(d -> {
			assertThat(local(d.startsAt())).isEqualTo(LocalDateTime.of(2026, 12, 31, 20, 0));
			assertThat(local(d.endsAt())).isEqualTo(LocalDateTime.of(2027, 1, 1, 4, 0));
		});
	}

	@Test
	void mayDayWhenInRange() {
		List<NewDuty> spring = generate(LocalDate.of(2027, 4, 1), LocalDate.of(2027, 6, 1), 42);
		assertThat(spring).filteredOn(d -> d.activityCode().equals("EV_MAYDAY"))
			.isNotEmpty()
			.allMatch(d -> d.dutyDate().equals(LocalDate.of(2027, 5, 1)));
	}

	@Test
	void theSameEveryTimeForASeed() {
		assertThat(generate(42)).isEqualTo(DUTIES);
		assertThat(generate(43)).isNotEqualTo(DUTIES);
	}

}
