package org.ringfence.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.ringfence.geography.ClusterSummary;
import org.ringfence.geography.WardSummary;
import org.ringfence.workforce.Unit;
import org.ringfence.workforce.WorkforceRole;
import org.ringfence.workforce.WorkforceViews.NewPerson;
import org.ringfence.workforce.WorkforceViews.NewPosting;

/**
 * Designs a believable establishment for every ward, cluster and borough, the same every time
 * (seeded): per ward 2 dedicated ward officers and 1-2 PCSOs, 3 and 3 in the busiest quarter of
 * wards (by population); a sergeant per ward, but in clusters of 4 or more wards the two smallest
 * neighbouring wards share one (shared supervision); now and then a special constable or a safer
 * schools officer; an inspector per cluster; a superintendent, an SMT lead and a resource office
 * per borough. Every post has its predecessors back four years, two in three of them with a gap
 * of two weeks to four months before the successor came, so tenure and succession gaps show.
 */
final class DemoWorkforcePlan {

	/** Someone the demo accounts are linked to, with the wards they work on (if any). */
	record KeyPerson(String serviceNumber, List<String> wards) {
	}

	record DemoWorkforce(List<NewPerson> people, Map<String, KeyPerson> keyPeople) {
	}

	/** How far back the history of each post goes. */
	static final int HISTORY_YEARS = 4;

	private final Random random = new Random(2018);

	private final LocalDate today;

	private final List<NewPerson> people = new ArrayList<>();

	private final Map<String, KeyPerson> keyPeople = new LinkedHashMap<>();

	private int warrant = 210_000;

	private int payroll = 5_100_000;

	private DemoWorkforcePlan(LocalDate today) {
		this.today = today;
	}

	static DemoWorkforce design(List<String> boroughs, List<ClusterSummary> clusters, List<WardSummary> wards,
			Map<String, List<String>> adjacency, LocalDate today) {
		DemoWorkforcePlan plan = new DemoWorkforcePlan(today);
		Map<String, WardSummary> wardsByCode = new HashMap<>();
		wards.forEach(w -> wardsByCode.put(w.code(), w));
		int busy = busyThreshold(wards);
		for (String borough : boroughs) {
			plan.post(WorkforceRole.SUPERINTENDENT, "Borough superintendent", Unit.borough(borough), Optional.empty(),
					"supt:" + borough);
			plan.post(WorkforceRole.CHIEF_INSPECTOR, "SN SMT lead", Unit.borough(borough), Optional.empty(),
					"smt:" + borough);
			plan.post(WorkforceRole.STAFF, "Resource office", Unit.borough(borough), Optional.empty(),
					"resources:" + borough);
			plan.post(WorkforceRole.STAFF, "Resource office", Unit.borough(borough), Optional.empty(), null);
		}
		for (ClusterSummary cluster : clusters) {
			plan.post(WorkforceRole.INSPECTOR, "Cluster inspector", Unit.cluster(cluster.id()), Optional.empty(),
					"inspector:" + cluster.id());
			plan.sergeants(cluster, wardsByCode, adjacency);
			for (String ward : cluster.wardCodes()) {
				WardSummary summary = wardsByCode.get(ward);
				boolean busyWard = summary != null && summary.population() != null && summary.population() >= busy;
				int dwos = busyWard ? 3 : 2;
				int pcsos = busyWard ? 3 : 1 + plan.random.nextInt(2);
				for (int i = 0; i < dwos; i++) {
					plan.post(WorkforceRole.DWO, "Dedicated ward officer", Unit.ward(ward), Optional.empty(), null);
				}
				for (int i = 0; i < pcsos; i++) {
					plan.post(WorkforceRole.PCSO, "Police community support officer", Unit.ward(ward), Optional.empty(),
							i == 0 ? "pcso:" + ward : null);
				}
				if (plan.random.nextInt(5) == 0) {
					plan.post(WorkforceRole.SPECIAL_CONSTABLE, "Special constable", Unit.ward(ward), Optional.empty(), null);
				}
				if (plan.random.nextInt(10) == 0) {
					plan.post(WorkforceRole.SCHOOLS_OFFICER, "Safer schools officer", Unit.ward(ward), Optional.empty(), null);
				}
			}
		}
		return new DemoWorkforce(List.copyOf(plan.people), Map.copyOf(plan.keyPeople));
	}

	/** The population above which a ward is among the busiest quarter. */
	private static int busyThreshold(List<WardSummary> wards) {
		List<Integer> populations = wards.stream()
			.map(WardSummary::population)
			.filter(p -> p != null)
			.sorted()
			.toList();
		return populations.isEmpty() ? Integer.MAX_VALUE : populations.get((int) (populations.size() * 0.75));
	}

	/** One sergeant per ward, except the two smallest neighbouring wards of a larger cluster share one. */
	private void sergeants(ClusterSummary cluster, Map<String, WardSummary> wards, Map<String, List<String>> adjacency) {
		List<String> bySize = new ArrayList<>(cluster.wardCodes());
		bySize.sort(Comparator.comparingInt((String w) -> populationOf(wards.get(w))).thenComparing(w -> w));
		Set<String> shared = new HashSet<>();
		if (bySize.size() >= 4) {
			outer: for (String first : bySize) {
				for (String second : bySize) {
					if (!first.equals(second) && adjacency.getOrDefault(first, List.of()).contains(second)) {
						post(WorkforceRole.SERGEANT, "Ward sergeant (shared supervision)", Unit.ward(first),
								Optional.of(second), "sergeant:" + cluster.id());
						shared.add(first);
						shared.add(second);
						break outer;
					}
				}
			}
		}
		for (String ward : cluster.wardCodes()) {
			if (!shared.contains(ward)) {
				post(WorkforceRole.SERGEANT, "Ward sergeant", Unit.ward(ward), Optional.empty(),
						this.keyPeople.containsKey("sergeant:" + cluster.id()) ? null : "sergeant:" + cluster.id());
			}
		}
	}

	private static int populationOf(WardSummary ward) {
		return ward == null || ward.population() == null ? 0 : ward.population();
	}

	/** Posts a new person now, with perhaps a predecessor who left before them. */
	private void post(WorkforceRole role, String position, Unit unit, Optional<String> alsoWard, String key) {
		LocalDate start = this.today.minusDays(30 + this.random.nextInt(2900));
		NewPerson person = person(role,
				List.of(new NewPosting(role, position, unit, alsoWard, start, Optional.empty())));
		this.people.add(person);
		if (key != null && !this.keyPeople.containsKey(key)) {
			List<String> wards = new ArrayList<>();
			if (unit.kind() == Unit.Kind.WARD) {
				wards.add(unit.code());
			}
			alsoWard.ifPresent(wards::add);
			this.keyPeople.put(key, new KeyPerson(person.serviceNumber(), List.copyOf(wards)));
		}
		// The post existed before its holder: predecessors back HISTORY_YEARS, each handing over
		// seamlessly or after a gap (a succession gap).
		LocalDate successorStart = start;
		while (successorStart.isAfter(this.today.minusYears(HISTORY_YEARS))) {
			int gapDays = this.random.nextInt(3) == 0 ? 0 : 14 + this.random.nextInt(120);
			LocalDate end = successorStart.minusDays(gapDays);
			LocalDate predecessorStart = end.minusDays(365 + this.random.nextInt(1500));
			this.people.add(person(role,
					List.of(new NewPosting(role, position, unit, alsoWard, predecessorStart, Optional.of(end)))));
			successorStart = predecessorStart;
		}
	}

	private NewPerson person(WorkforceRole role, List<NewPosting> postings) {
		String number = role.warranted() ? "W" + (this.warrant++) : "P" + (this.payroll++);
		return new NewPerson(number, DemoNames.given(this.random), DemoNames.family(this.random), role, true, postings);
	}

}
