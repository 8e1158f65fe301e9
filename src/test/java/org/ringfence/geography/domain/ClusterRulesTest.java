package org.ringfence.geography.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterRulesTest {

	/** A line of wards: a-b-c-d-e-f-g. */
	static final Map<String, Set<String>> LINE = Map.of("a", Set.of("b"), "b", Set.of("a", "c"), "c", Set.of("b", "d"), "d",
			Set.of("c", "e"), "e", Set.of("d", "f"), "f", Set.of("e", "g"), "g", Set.of("f"));

	static Map<String, String> assign(String... pairs) {
		Map<String, String> assignment = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			assignment.put(pairs[i], pairs[i + 1]);
		}
		return assignment;
	}

	@Test
	void contiguousClustersOfThreeToSixKeepTheRules() {
		assertThat(ClusterRules.problems(assign("a", "X", "b", "X", "c", "X", "d", "Y", "e", "Y", "f", "Y", "g", "Y"), LINE))
			.isEmpty();
	}

	@Test
	void aClusterOfTwoBreaksTheSizeRule() {
		assertThat(ClusterRules.problems(assign("a", "X", "b", "X", "c", "Y", "d", "Y", "e", "Y"), LINE))
			.containsExactly("cluster X has 2 wards (must be 3-6)");
	}

	@Test
	void aClusterInTwoPiecesIsNotContiguous() {
		assertThat(ClusterRules.problems(assign("a", "X", "b", "X", "g", "X", "c", "Y", "d", "Y", "e", "Y", "f", "Y"), LINE))
			.containsExactly("cluster X is not contiguous");
	}

	@Test
	void aWardWithoutClusterIsReported() {
		Map<String, String> assignment = assign("a", "X", "b", "X", "c", "X");
		assignment.put("d", null);
		assertThat(ClusterRules.problems(assignment, LINE)).containsExactly("ward d is in no cluster");
	}

	@Test
	void newClustersKeepTheOldCodeOfTheWardsMostlyInThem() {
		List<String> codes = ClusterCodes.assign("E09000007", List.of(Set.of("a", "b", "c"), Set.of("d", "e", "f", "g")),
				assign("a", "E09000007-C02", "b", "E09000007-C02", "c", "E09000007-C01", "d", "E09000007-C01", "e",
						"E09000007-C01"),
				Map.of("E09000007-C01", 1, "E09000007-C02", 2));
		assertThat(codes).containsExactly("E09000007-C02", "E09000007-C01");
	}

	@Test
	void extraClustersGetTheNextFreeNumbers() {
		List<String> codes = ClusterCodes.assign("E09000007", List.of(Set.of("a", "b", "c"), Set.of("d", "e", "f")),
				assign("a", "E09000007-C01"), Map.of("E09000007-C01", 1));
		assertThat(codes).containsExactly("E09000007-C01", "E09000007-C02");
	}

}
