package org.ringfence.geography.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rules a borough's clusters must keep: every ward in exactly one cluster, 3 to 6 wards a
 * cluster, and each cluster's wards contiguous (connected through shared boundaries).
 */
public final class ClusterRules {

	public static final int MIN_WARDS = 3;

	public static final int MAX_WARDS = 6;

	private ClusterRules() {
	}

	/**
	 * What is wrong with a borough's clusters, one sentence a problem; empty when all rules hold.
	 * @param wardToCluster each of the borough's wards and its cluster code (null when it has none)
	 * @param adjacency ward neighbours (may include wards of other boroughs)
	 */
	public static List<String> problems(Map<String, String> wardToCluster, Map<String, Set<String>> adjacency) {
		List<String> problems = new ArrayList<>();
		Map<String, Set<String>> clusters = new TreeMap<>();
		wardToCluster.forEach((ward, cluster) -> {
			if (cluster == null) {
				problems.add("ward " + ward + " is in no cluster");
			}
			else {
				clusters.computeIfAbsent(cluster, c -> new TreeSet<>()).add(ward);
			}
		});
		clusters.forEach((cluster, wards) -> {
			if (wards.size() < MIN_WARDS || wards.size() > MAX_WARDS) {
				problems.add("cluster " + cluster + " has " + wards.size() + " wards (must be " + MIN_WARDS + "-"
						+ MAX_WARDS + ")");
			}
			if (!isContiguous(wards, adjacency)) {
				problems.add("cluster " + cluster + " is not contiguous");
			}
		});
		return problems;
	}

	/** Whether the wards form one connected piece through shared boundaries among themselves. */
	public static boolean isContiguous(Set<String> wards, Map<String, Set<String>> adjacency) {
		if (wards.isEmpty()) {
			return true;
		}
		Set<String> seen = new HashSet<>();
		Deque<String> queue = new ArrayDeque<>();
		String first = wards.iterator().next();
		queue.add(first);
		seen.add(first);
		while (!queue.isEmpty()) {
			for (String neighbour : adjacency.getOrDefault(queue.poll(), Set.of())) {
				if (wards.contains(neighbour) && seen.add(neighbour)) {
					queue.add(neighbour);
				}
			}
		}
		return seen.size() == wards.size();
	}

}
