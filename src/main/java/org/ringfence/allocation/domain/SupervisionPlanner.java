package org.ringfence.allocation.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.ringfence.platform.DomainRuleViolation;

/**
 * Which wards of a borough share a sergeant when the borough has fewer sergeants than wards (the
 * 2011 shared supervision model). With W wards and N sergeants, W − N sergeants are saved by
 * groups of adjacent wards sharing one (a pair saves one, a group of three two).
 * <p>
 * Rules, in order:
 * <ol>
 * <li>A group is 2 (or, when allowed, 3) wards of one cluster, connected through shared
 * boundaries: a shared sergeant answers to one cluster inspector. Wards in no cluster keep their
 * own sergeant.</li>
 * <li>Fairness: no cluster gives up more than its fair share of the sergeants saved, its share of
 * the borough's wards rounded up (⌈(W − N) × cluster wards / W⌉), so the reductions are spread
 * across the borough, not all in one cluster. Only if no plan can keep that is the limit raised,
 * one at a time, and the plan says by how much.</li>
 * <li>Among the plans that keep those: the heaviest shared group (combined SN demand: TNO + ASB +
 * local factors) is as light as possible (minimax: no sergeant is given a heavier pair than
 * needed);</li>
 * <li>then the demand under shared supervision in all is as low as possible (the reductions fall on
 * the lowest-demand wards).</li>
 * </ol>
 * The search is exact: clusters have 3 to 6 wards, so every partition of each cluster into groups
 * is listed; the smallest feasible heaviest-group threshold is found by bisection over the
 * candidate values, and a knapsack over clusters picks the least total at that threshold.
 */
public final class SupervisionPlanner {

	/** The largest cluster searched exhaustively. */
	static final int MAX_CLUSTER = 12;

	private SupervisionPlanner() {
	}

	/** A ward: its cluster (null when none) and SN demand. */
	public record Ward(String code, String cluster, double demand) {
	}

	/**
	 * A group of wards sharing a sergeant.
	 * @param rankAmongPairs for a pair, its place among every adjacent pair of wards in one cluster of
	 *     the borough by combined demand (1 = the lowest); 0 for a group of three
	 */
	public record Group(List<String> wardCodes, String cluster, double combinedDemand, int rankAmongPairs) {
	}

	/** A cluster's part in the reductions: how many sergeants it gives up against its fair share. */
	public record ClusterShare(String cluster, int wards, int reductions, double fairShare, int limit) {
	}

	/**
	 * A recommendation.
	 * @param heaviestShared the combined demand of the heaviest shared group (0 when none share)
	 * @param sharedDemand the demand of all wards under shared supervision
	 * @param fairnessRelaxedBy how far each cluster's limit had to be raised above its fair share (0 normally)
	 * @param candidatePairs adjacent same-cluster pairs in the borough (the field each pair is ranked in)
	 */
	public record Plan(int wards, int sergeants, int reductions, List<Group> groups, List<String> ownSergeant,
			List<ClusterShare> clusters, double heaviestShared, double sharedDemand, int fairnessRelaxedBy,
			int candidatePairs) {
	}

	/** One way of splitting a cluster into groups. */
	private record Partition(List<int[]> groups, int reductions, double heaviest, double total) {
	}

	private record ClusterOptions(String cluster, List<String> wards, double[] demand, List<Partition> partitions,
			int maxReductions) {
	}

	/**
	 * @param wards the borough's wards with their demand
	 * @param adjacency each ward's neighbours (may name wards of other boroughs; symmetric)
	 * @param sergeants how many sergeants the borough has for these wards (at least 1)
	 * @param maxGroupSize 2 (pairs only) or 3
	 */
	public static Plan plan(List<Ward> wards, Map<String, ? extends Collection<String>> adjacency, int sergeants,
			int maxGroupSize) {
		if (sergeants < 1) {
			throw new IllegalArgumentException("at least one sergeant");
		}
		if (maxGroupSize < 2 || maxGroupSize > 3) {
			throw new IllegalArgumentException("groups of 2 or 3 wards");
		}
		int total = wards.size();
		int reductions = Math.max(0, total - sergeants);
		Map<String, List<Ward>> byCluster = new TreeMap<>();
		List<String> unclustered = new ArrayList<>();
		for (Ward ward : wards) {
			if (ward.cluster() == null) {
				unclustered.add(ward.code());
			}
			else {
				byCluster.computeIfAbsent(ward.cluster(), c -> new ArrayList<>()).add(ward);
			}
		}
		List<ClusterOptions> clusters = new ArrayList<>();
		List<Double> pairDemands = new ArrayList<>();
		for (Map.Entry<String, List<Ward>> entry : byCluster.entrySet()) {
			List<Ward> members = new ArrayList<>(entry.getValue());
			members.sort(Comparator.comparing(Ward::code));
			if (members.size() > MAX_CLUSTER) {
				throw new DomainRuleViolation("cluster-too-large", "Cluster " + entry.getKey() + " has " + members.size()
						+ " wards; clusters of at most " + MAX_CLUSTER + " can be planned (plan the borough's clusters first).");
			}
			ClusterOptions options = options(entry.getKey(), members, adjacency, maxGroupSize);
			clusters.add(options);
			for (int i = 0; i < members.size(); i++) {
				for (int j = i + 1; j < members.size(); j++) {
					if (adjacent(members.get(i).code(), members.get(j).code(), adjacency)) {
						pairDemands.add(members.get(i).demand() + members.get(j).demand());
					}
				}
			}
		}
		pairDemands.sort(Double::compare);
		int possible = clusters.stream().mapToInt(ClusterOptions::maxReductions).sum();
		if (reductions > possible) {
			throw new DomainRuleViolation("too-few-sergeants", sergeants + " sergeants cannot supervise " + total
					+ " wards: sharing within clusters in groups of at most " + maxGroupSize + " saves at most " + possible
					+ " sergeants, so at least " + (total - possible) + " are needed"
					+ (maxGroupSize == 2 ? " (groups of three would save more)." : "."));
		}
		Choice choice = null;
		int relaxed = 0;
		int[] limits = new int[clusters.size()];
		int largest = clusters.stream().mapToInt(c -> c.wards().size()).max().orElse(0);
		for (; relaxed <= largest; relaxed++) {
			for (int c = 0; c < clusters.size(); c++) {
				limits[c] = (int) Math.ceil((double) reductions * clusters.get(c).wards().size() / total - 1e-9) + relaxed;
			}
			choice = best(clusters, limits, reductions);
			if (choice != null) {
				break;
			}
		}
		if (choice == null) {
			throw new IllegalStateException("no plan although " + possible + " reductions are possible");
		}
		List<Group> groups = new ArrayList<>();
		List<String> own = new ArrayList<>(unclustered);
		List<ClusterShare> shares = new ArrayList<>();
		for (int c = 0; c < clusters.size(); c++) {
			ClusterOptions cluster = clusters.get(c);
			Partition partition = choice.partitions()[c];
			boolean[] grouped = new boolean[cluster.wards().size()];
			for (int[] group : partition.groups()) {
				List<String> codes = new ArrayList<>();
				double combined = 0;
				for (int index : group) {
					codes.add(cluster.wards().get(index));
					combined += cluster.demand()[index];
					grouped[index] = true;
				}
				int rank = 0;
				if (group.length == 2) {
					double value = combined;
					rank = 1 + (int) pairDemands.stream().filter(d -> d < value - 1e-9).count();
				}
				groups.add(new Group(List.copyOf(codes), cluster.cluster(), combined, rank));
			}
			for (int i = 0; i < grouped.length; i++) {
				if (!grouped[i]) {
					own.add(cluster.wards().get(i));
				}
			}
			shares.add(new ClusterShare(cluster.cluster(), cluster.wards().size(), partition.reductions(),
					(double) reductions * cluster.wards().size() / total, limits[c]));
		}
		groups.sort(Comparator.comparingDouble(Group::combinedDemand).thenComparing(g -> g.wardCodes().get(0)));
		own.sort(Comparator.naturalOrder());
		double heaviest = groups.stream().mapToDouble(Group::combinedDemand).max().orElse(0);
		double shared = groups.stream().mapToDouble(Group::combinedDemand).sum();
		return new Plan(total, sergeants, reductions, List.copyOf(groups), List.copyOf(own), List.copyOf(shares), heaviest,
				shared, relaxed, pairDemands.size());
	}

	private record Choice(Partition[] partitions, double heaviest, double total) {
	}

	/** The best plan under the clusters' limits, or null when none makes the reductions. */
	private static Choice best(List<ClusterOptions> clusters, int[] limits, int reductions) {
		if (reductions == 0) {
			Partition[] none = new Partition[clusters.size()];
			for (int c = 0; c < clusters.size(); c++) {
				none[c] = clusters.get(c).partitions().get(0);
			}
			return new Choice(none, 0, 0);
		}
		double[] thresholds = clusters.stream()
			.flatMap(c -> c.partitions().stream())
			.filter(p -> p.reductions() > 0)
			.mapToDouble(Partition::heaviest)
			.distinct()
			.sorted()
			.toArray();
		int low = 0;
		int high = thresholds.length - 1;
		if (high < 0 || knapsack(clusters, limits, reductions, thresholds[high]) == null) {
			return null;
		}
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (knapsack(clusters, limits, reductions, thresholds[mid]) != null) {
				high = mid;
			}
			else {
				low = mid + 1;
			}
		}
		return knapsack(clusters, limits, reductions, thresholds[low]);
	}

	/** Least total demand under shared supervision with every group at most the threshold. */
	private static Choice knapsack(List<ClusterOptions> clusters, int[] limits, int reductions, double threshold) {
		int n = clusters.size();
		double[][] cost = new double[n + 1][reductions + 1];
		Partition[][] picked = new Partition[n + 1][reductions + 1];
		for (double[] row : cost) {
			Arrays.fill(row, Double.POSITIVE_INFINITY);
		}
		cost[0][0] = 0;
		for (int c = 0; c < n; c++) {
			ClusterOptions cluster = clusters.get(c);
			Partition[] bestByReductions = new Partition[reductions + 1];
			for (Partition partition : cluster.partitions()) {
				int r = partition.reductions();
				if (r > limits[c] || r > reductions || (r > 0 && partition.heaviest() > threshold + 1e-9)) {
					continue;
				}
				Partition known = bestByReductions[r];
				if (known == null || partition.total() < known.total() - 1e-9) {
					bestByReductions[r] = partition;
				}
			}
			for (int j = 0; j <= reductions; j++) {
				if (cost[c][j] == Double.POSITIVE_INFINITY) {
					continue;
				}
				for (int r = 0; r + j <= reductions; r++) {
					Partition partition = bestByReductions[r];
					if (partition == null) {
						continue;
					}
					double value = cost[c][j] + partition.total();
					if (value < cost[c + 1][j + r] - 1e-9) {
						cost[c + 1][j + r] = value;
						picked[c + 1][j + r] = partition;
					}
				}
			}
		}
		if (cost[n][reductions] == Double.POSITIVE_INFINITY) {
			return null;
		}
		Partition[] partitions = new Partition[n];
		int j = reductions;
		double heaviest = 0;
		for (int c = n; c > 0; c--) {
			partitions[c - 1] = picked[c][j];
			heaviest = Math.max(heaviest, picked[c][j].heaviest());
			j -= picked[c][j].reductions();
		}
		return new Choice(partitions, heaviest, cost[n][reductions]);
	}

	/** Every partition of a cluster into connected groups of 1 to maxGroupSize wards; the first has none shared. */
	private static ClusterOptions options(String cluster, List<Ward> members, Map<String, ? extends Collection<String>> adjacency,
			int maxGroupSize) {
		int n = members.size();
		boolean[][] adjacent = new boolean[n][n];
		double[] demand = new double[n];
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			demand[i] = members.get(i).demand();
			codes.add(members.get(i).code());
			for (int j = 0; j < n; j++) {
				adjacent[i][j] = i != j && adjacent(members.get(i).code(), members.get(j).code(), adjacency);
			}
		}
		List<Partition> partitions = new ArrayList<>();
		enumerate((1 << n) - 1, new ArrayList<>(), adjacent, demand, maxGroupSize, partitions);
		partitions.sort(Comparator.comparingInt(Partition::reductions).thenComparingDouble(Partition::total));
		int max = partitions.stream().mapToInt(Partition::reductions).max().orElse(0);
		return new ClusterOptions(cluster, List.copyOf(codes), demand, List.copyOf(partitions), max);
	}

	private static void enumerate(int remaining, List<int[]> groups, boolean[][] adjacent, double[] demand, int maxGroupSize,
			List<Partition> out) {
		if (remaining == 0) {
			int reductions = 0;
			double heaviest = 0;
			double total = 0;
			for (int[] group : groups) {
				double combined = 0;
				for (int index : group) {
					combined += demand[index];
				}
				reductions += group.length - 1;
				heaviest = Math.max(heaviest, combined);
				total += combined;
			}
			out.add(new Partition(List.copyOf(groups), reductions, heaviest, total));
			return;
		}
		int first = Integer.numberOfTrailingZeros(remaining);
		int rest = remaining & ~(1 << first);
		// alone: keeps its own sergeant
		enumerate(rest, groups, adjacent, demand, maxGroupSize, out);
		for (int second = first + 1; second < adjacent.length; second++) {
			if ((rest & (1 << second)) == 0) {
				continue;
			}
			if (adjacent[first][second]) {
				groups.add(new int[] { first, second });
				enumerate(rest & ~(1 << second), groups, adjacent, demand, maxGroupSize, out);
				groups.remove(groups.size() - 1);
			}
			if (maxGroupSize < 3) {
				continue;
			}
			for (int third = second + 1; third < adjacent.length; third++) {
				if ((rest & (1 << third)) == 0) {
					continue;
				}
				int links = (adjacent[first][second] ? 1 : 0) + (adjacent[first][third] ? 1 : 0)
						+ (adjacent[second][third] ? 1 : 0);
				if (links >= 2) {
					groups.add(new int[] { first, second, third });
					enumerate(rest & ~(1 << second) & ~(1 << third), groups, adjacent, demand, maxGroupSize, out);
					groups.remove(groups.size() - 1);
				}
			}
		}
	}

	private static boolean adjacent(String a, String b, Map<String, ? extends Collection<String>> adjacency) {
		Collection<String> neighbours = adjacency.get(a);
		if (neighbours != null && neighbours.contains(b)) {
			return true;
		}
		Collection<String> back = adjacency.get(b);
		return back != null && back.contains(a);
	}

	/** Whether the wards form one connected group through shared boundaries (for groups given by hand). */
	public static boolean connected(List<String> wards, Map<String, ? extends Collection<String>> adjacency) {
		if (wards.isEmpty()) {
			return false;
		}
		Set<String> seen = new java.util.HashSet<>();
		java.util.Deque<String> queue = new java.util.ArrayDeque<>();
		queue.add(wards.get(0));
		seen.add(wards.get(0));
		while (!queue.isEmpty()) {
			String ward = queue.poll();
			for (String other : wards) {
				if (!seen.contains(other) && adjacent(ward, other, adjacency)) {
					seen.add(other);
					queue.add(other);
				}
			}
		}
		return seen.size() == wards.size();
	}

}
