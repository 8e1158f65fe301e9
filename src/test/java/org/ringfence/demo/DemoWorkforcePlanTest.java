package org.ringfence.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ringfence.geography.ClusterSummary;
import org.ringfence.geography.WardSummary;
import org.ringfence.workforce.Unit;
import org.ringfence.workforce.WorkforceRole;
import org.ringfence.workforce.WorkforceViews.NewPosting;

import static org.assertj.core.api.Assertions.assertThat;

class DemoWorkforcePlanTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	static final List<WardSummary> WARDS = List.of(ward("E05000001", 9000), ward("E05000002", 11000),
			ward("E05000003", 16000), ward("E05000004", 12000));

	static final List<ClusterSummary> CLUSTERS = List.of(new ClusterSummary("E09000007-C01", "Cluster 1", "E09000007",
			List.of("E05000001", "E05000002", "E05000003", "E05000004")));

	static final Map<String, List<String>> ADJACENCY = Map.of("E05000001", List.of("E05000002"), "E05000002",
			List.of("E05000001", "E05000003"), "E05000003", List.of("E05000002", "E05000004"), "E05000004",
			List.of("E05000003"));

	static WardSummary ward(String code, int population) {
		return new WardSummary(code, code, "E09000007", "E09000007-C01", population, BigDecimal.TEN);
	}

	DemoWorkforcePlan.DemoWorkforce plan() {
		return DemoWorkforcePlan.design(List.of("E09000007"), CLUSTERS, WARDS, ADJACENCY, TODAY);
	}

	@Test
	void everyWardHasASergeantTwoDwosAndAPcsoToday() {
		Map<String, Map<WorkforceRole, Integer>> strength = new HashMap<>();
		plan().people().forEach(person -> person.postings().stream().filter(this::openToday).forEach(posting -> {
			if (posting.unit().kind() == Unit.Kind.WARD) {
				count(strength, posting.unit().code(), posting.role());
				posting.alsoWard().ifPresent(w -> count(strength, w, posting.role()));
			}
		}));
		assertThat(strength).hasSize(4);
		strength.forEach((ward, roles) -> {
			assertThat(roles.getOrDefault(WorkforceRole.SERGEANT, 0)).as(ward).isEqualTo(1);
			assertThat(roles.getOrDefault(WorkforceRole.DWO, 0)).as(ward).isGreaterThanOrEqualTo(2);
			assertThat(roles.getOrDefault(WorkforceRole.PCSO, 0)).as(ward).isBetween(1, 3);
		});
		assertThat(strength.get("E05000003").get(WorkforceRole.DWO)).isEqualTo(3);
	}

	@Test
	void theTwoSmallestNeighbouringWardsShareASergeant() {
		List<NewPosting> shared = plan().people()
			.stream()
			.flatMap(p -> p.postings().stream())
			.filter(p -> openToday(p) && p.alsoWard().isPresent())
			.toList();
		assertThat(shared).hasSize(1);
		assertThat(shared.get(0).unit().code()).isEqualTo("E05000001");
		assertThat(shared.get(0).alsoWard()).contains("E05000002");
		assertThat(plan().keyPeople().get("sergeant:E09000007-C01").wards()).containsExactly("E05000001", "E05000002");
	}

	@Test
	void boroughAndClusterPostsAndKeyPeopleExistAndThePlanIsTheSameEveryTime() {
		DemoWorkforcePlan.DemoWorkforce plan = plan();
		assertThat(plan.keyPeople()).containsKeys("supt:E09000007", "smt:E09000007", "resources:E09000007",
				"inspector:E09000007-C01");
		assertThat(plan.people()).allMatch(p -> p.synthetic());
		assertThat(plan().people()).isEqualTo(plan.people());
		assertThat(plan.people().stream().map(p -> p.serviceNumber()).distinct().count()).isEqualTo(plan.people().size());
	}

	private boolean openToday(NewPosting posting) {
		return !posting.start().isAfter(TODAY) && posting.end().map(TODAY::isBefore).orElse(true);
	}

	private static void count(Map<String, Map<WorkforceRole, Integer>> strength, String ward, WorkforceRole role) {
		strength.computeIfAbsent(ward, w -> new HashMap<>()).merge(role, 1, Integer::sum);
	}


}
