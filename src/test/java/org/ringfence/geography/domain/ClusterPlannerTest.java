package org.ringfence.geography.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClusterPlannerTest {

	private static Map<String, List<String>> wardsByBorough;

	private static Map<String, Set<String>> adjacency;

	private static Map<String, Integer> population;

	@BeforeAll
	static void load() throws IOException {
		List<WardShape> wards = LondonWards.metWards();
		wardsByBorough = new TreeMap<>();
		wards.forEach(w -> wardsByBorough.computeIfAbsent(w.boroughCode(), b -> new ArrayList<>()).add(w.code()));
		adjacency = WardAdjacency.connectWithinBoroughs(wards, WardAdjacency.compute(wards)).adjacency();
		population = new HashMap<>();
		try (InputStream in = ClusterPlannerTest.class.getResourceAsStream("/data/london/wards-2018-population.csv")) {
			if (in != null) {
				List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
				List<String> header = List.of(lines.get(0).split(","));
				int code = header.indexOf("ward_code");
				int people = header.indexOf("pop_mid2020");
				lines.stream().skip(1).map(line -> line.split(",")).forEach(f -> population.put(f[code], Integer.parseInt(f[people])));
			}
		}
	}

	@Test
	void everyLondonBoroughIsClusteredIntoContiguousClustersOfThreeToSixWards() {
		IntSummaryStatistics clustersPerBorough = new IntSummaryStatistics();
		Map<Integer, Integer> sizes = new TreeMap<>();
		long started = System.nanoTime();
		wardsByBorough.forEach((borough, codes) -> {
			List<Set<String>> plan = ClusterPlanner.plan(codes, adjacency, population);
			assertValid(borough, codes, plan);
			clustersPerBorough.accept(plan.size());
			plan.forEach(cluster -> sizes.merge(cluster.size(), 1, Integer::sum));
		});
		System.out.printf("ClusterPlanner: 32 boroughs in %d ms; clusters per borough %d-%d; cluster sizes %s%n",
				(System.nanoTime() - started) / 1_000_000, clustersPerBorough.getMin(), clustersPerBorough.getMax(), sizes);
		assertThat(wardsByBorough).hasSize(32);
	}

	@Test
	void clustersWithoutPopulationAreStillValid() {
		wardsByBorough.forEach((borough, codes) -> assertValid(borough, codes,
				ClusterPlanner.plan(codes, adjacency, Map.of())));
	}

	@Test
	void clustersPreferFourOrFiveWards() {
		long fourOrFive = 0;
		long all = 0;
		for (List<String> codes : wardsByBorough.values()) {
			for (Set<String> cluster : ClusterPlanner.plan(codes, adjacency, population)) {
				all++;
				fourOrFive += cluster.size() == 4 || cluster.size() == 5 ? 1 : 0;
			}
		}
		assertThat((double) fourOrFive / all).isGreaterThan(0.8);
	}

	@Test
	void theSameInputGivesTheSamePlan() {
		List<String> camden = wardsByBorough.get("E09000007");
		List<String> reversed = new ArrayList<>(camden);
		java.util.Collections.reverse(reversed);
		assertThat(ClusterPlanner.plan(reversed, adjacency, population))
			.isEqualTo(ClusterPlanner.plan(camden, adjacency, population));
	}

	@Test
	void aPathOfSevenWardsSplitsInTwo() {
		Map<String, Set<String>> path = new HashMap<>();
		for (int i = 1; i < 7; i++) {
			link(path, "W" + i, "W" + (i + 1));
		}
		List<Set<String>> plan = ClusterPlanner.plan(List.of("W1", "W2", "W3", "W4", "W5", "W6", "W7"), path, Map.of());
		assertThat(plan).extracting(Set::size).containsExactlyInAnyOrder(3, 4);
		plan.forEach(cluster -> assertThat(ClusterRules.isContiguous(cluster, path)).isTrue());
	}

	@Test
	void neighboursInOtherBoroughsAreIgnored() {
		Map<String, Set<String>> graph = new HashMap<>();
		// A1..A4 only connected through X (another borough's ward)
		link(graph, "A1", "A2");
		link(graph, "A2", "X");
		link(graph, "X", "A3");
		link(graph, "A3", "A4");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ClusterPlanner.plan(List.of("A1", "A2", "A3", "A4"), graph, Map.of()))
			.withMessageContaining("not all connected")
			.withMessageContaining("[A1, A2]")
			.withMessageContaining("[A3, A4]");
	}

	@Test
	void tooFewWardsAreRefusedNamingThem() {
		Map<String, Set<String>> graph = new HashMap<>();
		link(graph, "A1", "A2");
		assertThatIllegalArgumentException().isThrownBy(() -> ClusterPlanner.plan(List.of("A1", "A2"), graph, Map.of()))
			.withMessageContaining("A1")
			.withMessageContaining("at least 3");
	}

	@Test
	void aStarShapedBoroughCannotBeClustered() {
		Map<String, Set<String>> star = new HashMap<>();
		List<String> wards = new ArrayList<>(List.of("HUB"));
		for (int i = 1; i <= 8; i++) {
			link(star, "HUB", "L" + i);
			wards.add("L" + i);
		}
		assertThatIllegalArgumentException().isThrownBy(() -> ClusterPlanner.plan(wards, star, Map.of()))
			.withMessageContaining("cannot be split into contiguous clusters");
	}

	@Test
	void aWardListedTwiceIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ClusterPlanner.plan(List.of("A1", "A2", "A3", "A1"), Map.of(), Map.of()))
			.withMessageContaining("A1");
	}

	@Test
	void populationBalancesClusters() {
		// a 2 x 6 grid; the left column's wards are much more populous
		Map<String, Set<String>> grid = new HashMap<>();
		List<String> wards = new ArrayList<>();
		Map<String, Integer> people = new HashMap<>();
		for (int r = 0; r < 6; r++) {
			for (int c = 0; c < 2; c++) {
				String ward = "G" + r + c;
				wards.add(ward);
				people.put(ward, c == 0 ? 20_000 : 5_000);
				if (c == 1) {
					link(grid, "G" + r + "0", ward);
				}
				if (r > 0) {
					link(grid, "G" + (r - 1) + c, ward);
				}
			}
		}
		List<Set<String>> plan = ClusterPlanner.plan(wards, grid, people);
		List<Integer> totals = plan.stream().map(cl -> cl.stream().mapToInt(people::get).sum()).toList();
		assertThat(plan).hasSizeBetween(2, 3);
		int max = totals.stream().mapToInt(Integer::intValue).max().orElseThrow();
		int min = totals.stream().mapToInt(Integer::intValue).min().orElseThrow();
		assertThat((double) max / min).as("population per cluster %s", totals).isLessThan(1.3);
	}

	private static void assertValid(String borough, List<String> codes, List<Set<String>> plan) {
		Set<String> seen = new HashSet<>();
		for (Set<String> cluster : plan) {
			assertThat(cluster.size()).as("size of a cluster of %s", borough).isBetween(3, 6);
			assertThat(ClusterRules.isContiguous(cluster, adjacency)).as("cluster %s of %s is contiguous", cluster, borough).isTrue();
			for (String ward : cluster) {
				assertThat(seen.add(ward)).as("ward %s in one cluster only", ward).isTrue();
			}
		}
		assertThat(seen).as("wards of %s", borough).containsExactlyInAnyOrderElementsOf(codes);
	}

	private static void link(Map<String, Set<String>> graph, String a, String b) {
		graph.computeIfAbsent(a, k -> new HashSet<>()).add(b);
		graph.computeIfAbsent(b, k -> new HashSet<>()).add(a);
	}

}
