package org.ringfence.geography.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans a borough's clusters: groups its wards into clusters of {@value #MIN_WARDS} to
 * {@value #MAX_WARDS} wards, every ward in exactly one cluster and each cluster's wards contiguous
 * (connected through neighbours within the borough). Clusters of 4 or 5 wards are preferred, then
 * clusters with similar population (or similar numbers of wards when population is not known),
 * then compact clusters (few neighbour links cut). The same wards and neighbours always give the
 * same plan.
 */
public final class ClusterPlanner {

	static final int MIN_WARDS = 3;

	static final int MAX_WARDS = 6;

	/** Searches from this many different starting orders; the best plan found wins. */
	private static final int STARTS = 10;

	/** How many partial plans one search may try before it gives up. */
	private static final int SEARCH_LIMIT = 50_000;

	private static final double SIZE_WEIGHT = 10;

	private static final double BALANCE_WEIGHT = 10;

	private static final double COMPACTNESS_WEIGHT = 2;

	private ClusterPlanner() {
	}

	/**
	 * The clusters for one borough's wards, each a sorted set of ward codes, in order of their
	 * lowest ward code.
	 * @param wardCodes the borough's wards
	 * @param adjacency ward neighbours; may include wards of other boroughs, which are ignored
	 * @param population each ward's population; missing wards count as 0, and when no ward has a
	 * population the clusters are balanced by number of wards
	 * @throws IllegalArgumentException if the wards cannot be clustered: fewer than
	 * {@value #MIN_WARDS}, not all connected, or shaped so no contiguous clusters of
	 * {@value #MIN_WARDS} to {@value #MAX_WARDS} wards cover them
	 */
	public static List<Set<String>> plan(List<String> wardCodes, Map<String, Set<String>> adjacency,
			Map<String, Integer> population) {
		Objects.requireNonNull(wardCodes, "wardCodes");
		Objects.requireNonNull(adjacency, "adjacency");
		Objects.requireNonNull(population, "population");
		Graph graph = Graph.of(wardCodes, adjacency, population);
		Plan best = null;
		for (int start = 0; start < STARTS; start++) {
			int[] assignment = new Search(graph, new Random(7919L * start + graph.size()), start).run();
			if (assignment == null) {
				continue;
			}
			Plan improved = new Plan(graph, assignment).improve();
			if (best == null || improved.cost() < best.cost() - 1e-9) {
				best = improved;
			}
		}
		if (best == null) {
			throw new IllegalArgumentException("Wards " + graph.describe() + " cannot be split into contiguous clusters of "
					+ MIN_WARDS + " to " + MAX_WARDS + " wards");
		}
		return best.clusters();
	}

	/** The borough's wards as numbered vertices, sorted by code, with neighbours inside the borough. */
	private record Graph(String[] codes, int[][] neighbours, double[] weights, int edges) {

		static Graph of(List<String> wardCodes, Map<String, Set<String>> adjacency, Map<String, Integer> population) {
			TreeSet<String> sorted = new TreeSet<>();
			for (String code : wardCodes) {
				if (code == null || code.isBlank()) {
					throw new IllegalArgumentException("a ward code is blank");
				}
				if (!sorted.add(code)) {
					throw new IllegalArgumentException("ward " + code + " is listed twice");
				}
			}
			String[] codes = sorted.toArray(String[]::new);
			if (codes.length < MIN_WARDS) {
				throw new IllegalArgumentException("Wards " + sorted + " are too few to cluster: a cluster needs at least "
						+ MIN_WARDS + " wards");
			}
			Map<String, Integer> position = new HashMap<>();
			for (int i = 0; i < codes.length; i++) {
				position.put(codes[i], i);
			}
			List<Set<Integer>> links = new ArrayList<>();
			for (int i = 0; i < codes.length; i++) {
				links.add(new TreeSet<>());
			}
			for (int i = 0; i < codes.length; i++) {
				for (String neighbour : adjacency.getOrDefault(codes[i], Set.of())) {
					Integer j = position.get(neighbour);
					if (j != null && j != i) {
						links.get(i).add(j);
						links.get(j).add(i);
					}
				}
			}
			int[][] neighbours = new int[codes.length][];
			int edges = 0;
			for (int i = 0; i < codes.length; i++) {
				neighbours[i] = links.get(i).stream().mapToInt(Integer::intValue).toArray();
				edges += neighbours[i].length;
			}
			double[] weights = new double[codes.length];
			boolean anyPopulation = false;
			for (int i = 0; i < codes.length; i++) {
				Integer people = population.get(codes[i]);
				weights[i] = people == null ? 0 : Math.max(0, people);
				anyPopulation |= weights[i] > 0;
			}
			if (!anyPopulation) {
				java.util.Arrays.fill(weights, 1);
			}
			Graph graph = new Graph(codes, neighbours, weights, edges / 2);
			graph.requireConnected();
			return graph;
		}

		int size() {
			return this.codes.length;
		}

		void requireConnected() {
			BitSet all = new BitSet();
			all.set(0, size());
			List<BitSet> parts = components(all);
			if (parts.size() > 1) {
				List<String> described = parts.stream().map(this::names).map(Object::toString).toList();
				throw new IllegalArgumentException("Wards " + describe() + " are not all connected through shared boundaries; "
						+ "they fall into " + parts.size() + " separate groups: " + String.join(", ", described));
			}
		}

		/** The connected groups of the given wards, through neighbours among themselves. */
		List<BitSet> components(BitSet wards) {
			List<BitSet> parts = new ArrayList<>();
			BitSet left = (BitSet) wards.clone();
			ArrayDeque<Integer> queue = new ArrayDeque<>();
			for (int first = left.nextSetBit(0); first >= 0; first = left.nextSetBit(0)) {
				BitSet part = new BitSet();
				queue.add(first);
				left.clear(first);
				part.set(first);
				while (!queue.isEmpty()) {
					for (int next : this.neighbours[queue.poll()]) {
						if (left.get(next)) {
							left.clear(next);
							part.set(next);
							queue.add(next);
						}
					}
				}
				parts.add(part);
			}
			return parts;
		}

		boolean connected(BitSet wards) {
			return wards.isEmpty() || components(wards).size() == 1;
		}

		Set<String> names(BitSet wards) {
			Set<String> names = new TreeSet<>();
			wards.stream().forEach(i -> names.add(this.codes[i]));
			return names;
		}

		String describe() {
			return this.codes.length <= 8 ? java.util.Arrays.toString(this.codes)
					: "[" + this.codes[0] + ", " + this.codes[1] + ", ... " + this.codes[this.codes.length - 1] + " ("
							+ this.codes.length + " wards)]";
		}

	}

	/**
	 * Finds some valid plan by peeling off one contiguous cluster at a time, starting from the ward
	 * with the fewest free neighbours, backtracking when the wards left can no longer be clustered.
	 */
	private static final class Search {

		private final Graph graph;

		private final Random random;

		private final double targetSize;

		private final double targetWeight;

		private final int[] assignment;

		private int tried;

		Search(Graph graph, Random random, int start) {
			this.graph = graph;
			this.random = random;
			double[] sizes = { 4.5, 4, 5 };
			this.targetSize = sizes[start % sizes.length];
			double total = java.util.Arrays.stream(graph.weights()).sum();
			this.targetWeight = total / Math.max(1, Math.round(graph.size() / this.targetSize));
			this.assignment = new int[graph.size()];
			java.util.Arrays.fill(this.assignment, -1);
		}

		/** A cluster number for each ward, or null if no plan was found. */
		int[] run() {
			BitSet free = new BitSet();
			free.set(0, this.graph.size());
			return place(free, 0) ? this.assignment : null;
		}

		private boolean place(BitSet free, int cluster) {
			if (free.isEmpty()) {
				return true;
			}
			if (++this.tried > SEARCH_LIMIT) {
				return false;
			}
			int pivot = -1;
			int fewest = Integer.MAX_VALUE;
			for (int i = free.nextSetBit(0); i >= 0; i = free.nextSetBit(i + 1)) {
				int freeNeighbours = 0;
				for (int j : this.graph.neighbours()[i]) {
					if (free.get(j)) {
						freeNeighbours++;
					}
				}
				if (freeNeighbours < fewest) {
					fewest = freeNeighbours;
					pivot = i;
				}
			}
			for (BitSet candidate : candidates(pivot, free)) {
				BitSet rest = (BitSet) free.clone();
				rest.andNot(candidate);
				if (!clusterable(rest)) {
					continue;
				}
				candidate.stream().forEach(i -> this.assignment[i] = cluster);
				if (place(rest, cluster + 1)) {
					return true;
				}
				candidate.stream().forEach(i -> this.assignment[i] = -1);
			}
			return false;
		}

		/** Whether every connected group of the wards left is big enough to be clustered. */
		private boolean clusterable(BitSet rest) {
			for (BitSet part : this.graph.components(rest)) {
				if (part.cardinality() < MIN_WARDS) {
					return false;
				}
			}
			return true;
		}

		/** Contiguous sets of free wards holding the pivot, of an allowed size, most promising first. */
		private List<BitSet> candidates(int pivot, BitSet free) {
			Set<BitSet> all = new LinkedHashSet<>();
			Set<BitSet> level = new LinkedHashSet<>();
			BitSet seed = new BitSet();
			seed.set(pivot);
			level.add(seed);
			for (int size = 1; size < MAX_WARDS; size++) {
				Set<BitSet> next = new LinkedHashSet<>();
				for (BitSet set : level) {
					for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
						for (int j : this.graph.neighbours()[i]) {
							if (free.get(j) && !set.get(j)) {
								BitSet grown = (BitSet) set.clone();
								grown.set(j);
								next.add(grown);
							}
						}
					}
				}
				if (size + 1 >= MIN_WARDS) {
					all.addAll(next);
				}
				level = next;
			}
			Map<BitSet, Double> score = new HashMap<>();
			for (BitSet set : all) {
				score.put(set, score(set, free) + this.random.nextDouble() * 0.5);
			}
			List<BitSet> ordered = new ArrayList<>(all);
			ordered.sort(Comparator.comparingDouble(score::get));
			return ordered;
		}

		private double score(BitSet set, BitSet free) {
			double weight = 0;
			int cut = 0;
			for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
				weight += this.graph.weights()[i];
				for (int j : this.graph.neighbours()[i]) {
					if (free.get(j) && !set.get(j)) {
						cut++;
					}
				}
			}
			return 2 * Math.abs(set.cardinality() - this.targetSize) + 3 * Math.abs(weight / this.targetWeight - 1)
					+ 0.3 * cut;
		}

	}

	/** A complete plan, improved by moving and swapping wards between neighbouring clusters. */
	private static final class Plan {

		private final Graph graph;

		private final int[] assignment;

		private final int clusters;

		Plan(Graph graph, int[] assignment) {
			this.graph = graph;
			this.assignment = assignment.clone();
			this.clusters = java.util.Arrays.stream(assignment).max().orElse(-1) + 1;
		}

		Plan improve() {
			double cost = cost();
			boolean improved = true;
			int rounds = 0;
			while (improved && rounds++ < 200) {
				improved = false;
				for (int w = 0; w < this.graph.size(); w++) {
					for (int u : this.graph.neighbours()[w]) {
						int a = this.assignment[w];
						int b = this.assignment[u];
						if (a == b) {
							continue;
						}
						// move w into u's cluster
						if (size(a) > MIN_WARDS && size(b) < MAX_WARDS) {
							this.assignment[w] = b;
							double after = cost();
							if (after < cost - 1e-9 && connected(a)) {
								cost = after;
								improved = true;
								continue;
							}
							this.assignment[w] = a;
						}
						// swap w and u
						this.assignment[w] = b;
						this.assignment[u] = a;
						double after = cost();
						if (after < cost - 1e-9 && connected(a) && connected(b)) {
							cost = after;
							improved = true;
							continue;
						}
						this.assignment[w] = a;
						this.assignment[u] = b;
					}
				}
			}
			return this;
		}

		private int size(int cluster) {
			int size = 0;
			for (int c : this.assignment) {
				if (c == cluster) {
					size++;
				}
			}
			return size;
		}

		private boolean connected(int cluster) {
			BitSet wards = new BitSet();
			for (int i = 0; i < this.assignment.length; i++) {
				if (this.assignment[i] == cluster) {
					wards.set(i);
				}
			}
			return this.graph.connected(wards);
		}

		/** Lower is better: clusters not of 4 or 5 wards, then imbalance, then links cut. */
		double cost() {
			int[] sizes = new int[this.clusters];
			double[] weights = new double[this.clusters];
			double total = 0;
			for (int i = 0; i < this.assignment.length; i++) {
				sizes[this.assignment[i]]++;
				weights[this.assignment[i]] += this.graph.weights()[i];
				total += this.graph.weights()[i];
			}
			double mean = total / this.clusters;
			double sizeCost = 0;
			double balance = 0;
			for (int c = 0; c < this.clusters; c++) {
				sizeCost += sizes[c] == 4 || sizes[c] == 5 ? 0 : 1;
				double deviation = mean > 0 ? weights[c] / mean - 1 : 0;
				balance += deviation * deviation;
			}
			int cut = 0;
			for (int i = 0; i < this.assignment.length; i++) {
				for (int j : this.graph.neighbours()[i]) {
					if (j > i && this.assignment[i] != this.assignment[j]) {
						cut++;
					}
				}
			}
			double compactness = this.graph.edges() == 0 ? 0 : (double) cut / this.graph.edges();
			return SIZE_WEIGHT * sizeCost + BALANCE_WEIGHT * balance / this.clusters + COMPACTNESS_WEIGHT * compactness;
		}

		List<Set<String>> clusters() {
			List<Set<String>> clusters = new ArrayList<>();
			for (int c = 0; c < this.clusters; c++) {
				Set<String> wards = new TreeSet<>();
				for (int i = 0; i < this.assignment.length; i++) {
					if (this.assignment[i] == c) {
						wards.add(this.graph.codes()[i]);
					}
				}
				clusters.add(Collections.unmodifiableSet(wards));
			}
			clusters.sort(Comparator.comparing(set -> set.iterator().next()));
			return List.copyOf(clusters);
		}

	}

}
