package org.ringfence.geography.domain;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Breadth-first search over a ward graph, for checking contiguity in tests. */
final class Graphs {

	private Graphs() {
	}

	/** Whether the wards are connected through neighbours among themselves. */
	static boolean isConnected(Set<String> wards, Map<String, Set<String>> adjacency) {
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
