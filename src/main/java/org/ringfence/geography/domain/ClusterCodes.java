package org.ringfence.geography.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives the clusters of a new plan their codes ({@code E09000007-C01}), keeping an old code for the
 * new cluster that holds most of its wards, so that inspectors' scopes and postings follow their
 * wards across a boundary change; other clusters get the next free numbers.
 */
public final class ClusterCodes {

	private ClusterCodes() {
	}

	/**
	 * @param borough the borough's code
	 * @param plan the new clusters
	 * @param oldAssignment each ward's old cluster code (null for none)
	 * @param existingNumbers the borough's existing cluster codes and their numbers
	 * @return a code per cluster of the plan, in the plan's order
	 */
	public static List<String> assign(String borough, List<Set<String>> plan, Map<String, String> oldAssignment,
			Map<String, Integer> existingNumbers) {
		record Overlap(int cluster, String oldCode, int wards) {
		}
		List<Overlap> overlaps = new ArrayList<>();
		for (int i = 0; i < plan.size(); i++) {
			Map<String, Integer> counts = new java.util.TreeMap<>();
			for (String ward : plan.get(i)) {
				String old = oldAssignment.get(ward);
				if (old != null && existingNumbers.containsKey(old)) {
					counts.merge(old, 1, Integer::sum);
				}
			}
			int cluster = i;
			counts.forEach((code, n) -> overlaps.add(new Overlap(cluster, code, n)));
		}
		overlaps.sort(Comparator.comparingInt(Overlap::wards).reversed()
			.thenComparing(Overlap::oldCode)
			.thenComparingInt(Overlap::cluster));
		String[] codes = new String[plan.size()];
		Set<String> used = new HashSet<>();
		for (Overlap overlap : overlaps) {
			if (codes[overlap.cluster()] == null && used.add(overlap.oldCode())) {
				codes[overlap.cluster()] = overlap.oldCode();
			}
		}
		int next = existingNumbers.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
		for (int i = 0; i < codes.length; i++) {
			if (codes[i] == null) {
				codes[i] = String.format("%s-C%02d", borough, next++);
			}
		}
		return List.of(codes);
	}

}
