package org.ringfence.allocation.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ringfence.allocation.domain.SupervisionPlanner.Group;
import org.ringfence.allocation.domain.SupervisionPlanner.Plan;
import org.ringfence.allocation.domain.SupervisionPlanner.Ward;
import org.ringfence.platform.DomainRuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SupervisionPlannerTest {

	static Map<String, Set<String>> links(String... pairs) {
		Map<String, Set<String>> adjacency = new HashMap<>();
		for (String pair : pairs) {
			String[] ends = pair.split("-");
			adjacency.computeIfAbsent(ends[0], k -> new java.util.HashSet<>()).add(ends[1]);
			adjacency.computeIfAbsent(ends[1], k -> new java.util.HashSet<>()).add(ends[0]);
		}
		return adjacency;
	}

	static List<List<String>> groups(Plan plan) {
		return plan.groups().stream().map(Group::wardCodes).toList();
	}

	@Test
	void theReductionsAreSpreadAcrossClustersEvenWhenOneClusterHasTheQuietestWards() {
		List<Ward> wards = List.of(new Ward("a1", "A", 10), new Ward("a2", "A", 20), new Ward("a3", "A", 30),
				new Ward("a4", "A", 40), new Ward("b1", "B", 1), new Ward("b2", "B", 1), new Ward("b3", "B", 2),
				new Ward("b4", "B", 2));
		Map<String, Set<String>> adjacency = links("a1-a2", "a2-a3", "a3-a4", "b1-b2", "b2-b3", "b3-b4", "a4-b1");
		Plan plan = SupervisionPlanner.plan(wards, adjacency, 6, 2);
		// both pairs in B would be lighter (2 and 4), but each cluster gives up at most ⌈2 × 4/8⌉ = 1
		assertThat(groups(plan)).containsExactly(List.of("b1", "b2"), List.of("a1", "a2"));
		assertThat(plan.clusters()).allSatisfy(c -> assertThat(c.reductions()).isEqualTo(1));
		assertThat(plan.fairnessRelaxedBy()).isZero();
		assertThat(plan.heaviestShared()).isEqualTo(30);
		assertThat(plan.ownSergeant()).containsExactly("a3", "a4", "b3", "b4");
		// a4-b1 crosses clusters, so it is not a candidate: 6 candidate pairs; b1+b2 is the lowest
		assertThat(plan.candidatePairs()).isEqualTo(6);
		assertThat(plan.groups().get(0).rankAmongPairs()).isEqualTo(1);
		assertThat(plan.groups().get(1).rankAmongPairs()).isEqualTo(4);
	}

	@Test
	void theHeaviestSharedPairIsAsLightAsPossibleBeforeTheTotalCounts() {
		// a ring w1-w2-w4-w3-w1: {w1 w2, w3 w4} has pairs of 2 and 64; {w1 w3, w2 w4} two of 33
		List<Ward> wards = List.of(new Ward("w1", "C", 1), new Ward("w2", "C", 1), new Ward("w3", "C", 32),
				new Ward("w4", "C", 32));
		Plan plan = SupervisionPlanner.plan(wards, links("w1-w2", "w2-w4", "w4-w3", "w3-w1"), 2, 2);
		assertThat(groups(plan)).containsExactlyInAnyOrder(List.of("w1", "w3"), List.of("w2", "w4"));
		assertThat(plan.heaviestShared()).isEqualTo(33);
		// with one sergeant to save, the lightest pair
		assertThat(groups(SupervisionPlanner.plan(wards, links("w1-w2", "w2-w4", "w4-w3", "w3-w1"), 3, 2)))
			.containsExactly(List.of("w1", "w2"));
	}

	@Test
	void amongEquallyHeavyPlansTheLeastDemandUnderSharedSupervisionWins() {
		// two sergeants to save: q1+q2 (40) must share either way; h pairs with x (8) rather than y (15)
		List<Ward> wards = List.of(new Ward("q1", "C", 20), new Ward("q2", "C", 20), new Ward("h", "C", 5),
				new Ward("x", "C", 3), new Ward("y", "C", 10));
		Plan plan = SupervisionPlanner.plan(wards, links("q1-q2", "q2-h", "h-x", "h-y"), 3, 2);
		assertThat(groups(plan)).containsExactly(List.of("h", "x"), List.of("q1", "q2"));
		assertThat(plan.heaviestShared()).isEqualTo(40);
		assertThat(plan.sharedDemand()).isEqualTo(48);
	}

	@Test
	void fairnessIsRelaxedOnlyWhenNoPlanCanKeepItAndThePlanSaysSo() {
		// cluster A's wards touch no other ward of A: all the sharing must fall on B
		List<Ward> wards = List.of(new Ward("a1", "A", 1), new Ward("a2", "A", 1), new Ward("a3", "A", 1),
				new Ward("a4", "A", 1), new Ward("b1", "B", 9), new Ward("b2", "B", 9), new Ward("b3", "B", 9),
				new Ward("b4", "B", 9));
		Plan plan = SupervisionPlanner.plan(wards, links("b1-b2", "b2-b3", "b3-b4", "a1-b1"), 6, 2);
		assertThat(groups(plan)).containsExactly(List.of("b1", "b2"), List.of("b3", "b4"));
		assertThat(plan.fairnessRelaxedBy()).isEqualTo(1);
	}

	@Test
	void tooFewSergeantsForPairsIsRefusedAndGroupsOfThreeAreUsedWhenAllowed() {
		List<Ward> wards = List.of(new Ward("x1", "X", 3), new Ward("x2", "X", 4), new Ward("x3", "X", 5));
		Map<String, Set<String>> adjacency = links("x1-x2", "x2-x3");
		assertThatThrownBy(() -> SupervisionPlanner.plan(wards, adjacency, 1, 2)).isInstanceOf(DomainRuleViolation.class)
			.hasMessageContaining("at least 2 are needed");
		Plan plan = SupervisionPlanner.plan(wards, adjacency, 1, 3);
		assertThat(groups(plan)).containsExactly(List.of("x1", "x2", "x3"));
		assertThat(plan.groups().get(0).combinedDemand()).isEqualTo(12);
	}

	@Test
	void enoughSergeantsMeansNoSharing() {
		List<Ward> wards = List.of(new Ward("x1", "X", 3), new Ward("x2", "X", 4), new Ward("x3", null, 5));
		Plan plan = SupervisionPlanner.plan(wards, links("x1-x2", "x2-x3"), 3, 2);
		assertThat(plan.groups()).isEmpty();
		assertThat(plan.ownSergeant()).containsExactly("x1", "x2", "x3");
	}

	@Test
	void onRandomBoroughsThePlanIsValidAndNoSinglePairSwapBeatsIt() {
		Random random = new Random(2011);
		for (int c = 0; c < 200; c++) {
			List<Ward> wards = new ArrayList<>();
			List<String> edges = new ArrayList<>();
			int clusters = 2 + random.nextInt(4);
			for (int k = 0; k < clusters; k++) {
				int size = 3 + random.nextInt(4);
				for (int i = 0; i < size; i++) {
					wards.add(new Ward("k" + k + "w" + i, "K" + k, random.nextInt(500)));
					if (i > 0) {
						edges.add("k" + k + "w" + (i - 1) + "-k" + k + "w" + i);
					}
					if (i > 1 && random.nextBoolean()) {
						edges.add("k" + k + "w" + (i - 2) + "-k" + k + "w" + i);
					}
				}
			}
			Map<String, Set<String>> adjacency = links(edges.toArray(String[]::new));
			int sergeants = wards.size() - random.nextInt(wards.size() / 2 + 1);
			Plan plan;
			try {
				plan = SupervisionPlanner.plan(wards, adjacency, sergeants, 2);
			}
			catch (DomainRuleViolation ex) {
				continue;
			}
			assertThat(plan.groups()).as("case " + c).hasSize(wards.size() - sergeants);
			Set<String> seen = new java.util.HashSet<>();
			for (Group group : plan.groups()) {
				assertThat(SupervisionPlanner.connected(group.wardCodes(), adjacency)).isTrue();
				for (String ward : group.wardCodes()) {
					assertThat(seen.add(ward)).as("case " + c + ": " + ward + " in two groups").isTrue();
				}
			}
			assertThat(seen.size() + plan.ownSergeant().size()).isEqualTo(wards.size());
			for (var share : plan.clusters()) {
				assertThat(share.reductions()).isLessThanOrEqualTo(share.limit());
			}
		}
	}

}
