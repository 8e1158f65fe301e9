package org.ringfence.geography.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Which wards are neighbours: two wards are neighbours when their boundaries run together for at
 * least {@value #MIN_SHARED_METRES} metres. Wards that only meet at a corner are not neighbours.
 * Published boundaries are simplified, so neighbouring wards rarely share exact vertices; a
 * boundary counts as shared where it lies within {@value #TOLERANCE_METRES} metres of the other
 * ward. That tolerance also catches up to {@value #TOLERANCE_METRES} metres of boundary either
 * side of where the wards part, so the stretch measured (each way; the shorter counts) must be
 * twice the tolerance longer than the minimum. Neighbours are found across borough borders too,
 * for flex and shared supervision.
 */
public final class WardAdjacency {

	/** How far apart two boundaries may be (simplification gaps) and still count as shared. */
	static final double TOLERANCE_METRES = 10;

	/** How long a shared stretch of boundary must be for two wards to be neighbours. */
	static final double MIN_SHARED_METRES = 30;

	private WardAdjacency() {
	}

	/**
	 * A ward graph in which every borough's wards are connected, and the links added to make it so:
	 * pairs of wards of one borough that do not share a boundary but are the closest wards across a
	 * gap (usually a river) between otherwise separate parts of the borough.
	 * @param adjacency each ward's neighbours, symmetric, including the added links
	 * @param acrossWater the added links, each a set of the two ward codes
	 * @param links the added links with their gap in metres, in the order they were added
	 */
	public record Connected(Map<String, Set<String>> adjacency, Set<Set<String>> acrossWater, List<AddedLink> links) {

		public Connected {
			Map<String, Set<String>> frozen = new TreeMap<>();
			Objects.requireNonNull(adjacency, "adjacency")
				.forEach((ward, neighbours) -> frozen.put(ward, Collections.unmodifiableSet(new TreeSet<>(neighbours))));
			adjacency = Collections.unmodifiableMap(frozen);
			acrossWater = Set.copyOf(Objects.requireNonNull(acrossWater, "acrossWater"));
			links = List.copyOf(Objects.requireNonNull(links, "links"));
		}

	}

	/**
	 * A link added between two wards of one borough that do not share a boundary.
	 * @param boroughCode the borough
	 * @param ward one ward (the lower code)
	 * @param neighbour the other ward (the higher code)
	 * @param gapMetres the shortest distance between the two wards' boundaries
	 */
	public record AddedLink(String boroughCode, String ward, String neighbour, double gapMetres) {

		public AddedLink {
			Objects.requireNonNull(boroughCode, "boroughCode");
			Objects.requireNonNull(ward, "ward");
			Objects.requireNonNull(neighbour, "neighbour");
			if (ward.compareTo(neighbour) >= 0) {
				throw new IllegalArgumentException("an added link joins two different wards, lower code first");
			}
			if (!(gapMetres >= 0)) {
				throw new IllegalArgumentException("gap must be zero or more metres");
			}
		}

	}

	/**
	 * Each ward's neighbours (wards sharing at least {@value #MIN_SHARED_METRES} m of boundary), for
	 * every ward given, across borough borders. Symmetric; every ward has an entry, possibly empty.
	 */
	public static Map<String, Set<String>> compute(List<WardShape> wards) {
		Objects.requireNonNull(wards, "wards");
		Map<String, Set<String>> adjacency = new TreeMap<>();
		for (WardShape ward : wards) {
			if (adjacency.put(ward.code(), new TreeSet<>()) != null) {
				throw new IllegalArgumentException("ward " + ward.code() + " is given twice");
			}
		}
		LocalMetres metres = LocalMetres.around(wards.stream().map(WardShape::geometry).toList());
		BufferParameters parameters = new BufferParameters(2, BufferParameters.CAP_ROUND, BufferParameters.JOIN_MITRE,
				BufferParameters.DEFAULT_MITRE_LIMIT);
		int n = wards.size();
		Geometry[] boundaries = new Geometry[n];
		Geometry[] zones = new Geometry[n];
		PreparedGeometry[] preparedZones = new PreparedGeometry[n];
		IntStream.range(0, n).parallel().forEach(i -> {
			Geometry projected = metres.project(wards.get(i).geometry());
			boundaries[i] = projected.getBoundary();
			zones[i] = BufferOp.bufferOp(projected, TOLERANCE_METRES, parameters);
			preparedZones[i] = PreparedGeometryFactory.prepare(zones[i]);
		});
		STRtree index = new STRtree();
		for (int i = 0; i < n; i++) {
			index.insert(zones[i].getEnvelopeInternal(), i);
		}
		index.build();
		List<int[]> pairs = IntStream.range(0, n).parallel().boxed().flatMap(i -> {
			List<int[]> found = new ArrayList<>();
			for (Object hit : index.query(zones[i].getEnvelopeInternal())) {
				int j = (Integer) hit;
				if (j > i && preparedZones[j].intersects(boundaries[i])
						&& sharedLength(boundaries[i], zones[j]) >= MIN_SHARED_METRES + 2 * TOLERANCE_METRES
						&& sharedLength(boundaries[j], zones[i]) >= MIN_SHARED_METRES + 2 * TOLERANCE_METRES) {
					found.add(new int[] { i, j });
				}
			}
			return found.stream();
		}).toList();
		for (int[] pair : pairs) {
			adjacency.get(wards.get(pair[0]).code()).add(wards.get(pair[1]).code());
			adjacency.get(wards.get(pair[1]).code()).add(wards.get(pair[0]).code());
		}
		return adjacency;
	}

	/**
	 * The adjacency with links added so that each borough's wards form one connected graph: while
	 * a borough falls into separate parts, the two closest wards of different parts are linked
	 * (shortest gap first, as in a minimum spanning tree over the parts).
	 * @param wards all wards (their borough codes say which borough each is in)
	 * @param adjacency the neighbours found by {@link #compute(List)}
	 */
	public static Connected connectWithinBoroughs(List<WardShape> wards, Map<String, Set<String>> adjacency) {
		Objects.requireNonNull(wards, "wards");
		Objects.requireNonNull(adjacency, "adjacency");
		Map<String, Set<String>> connected = copy(adjacency);
		wards.forEach(w -> connected.computeIfAbsent(w.code(), c -> new TreeSet<>()));
		Map<String, List<WardShape>> byBorough = new TreeMap<>();
		wards.forEach(w -> byBorough.computeIfAbsent(w.boroughCode(), b -> new ArrayList<>()).add(w));
		LocalMetres metres = LocalMetres.around(wards.stream().map(WardShape::geometry).toList());
		List<AddedLink> links = new ArrayList<>();
		byBorough.forEach((borough, boroughWards) -> links.addAll(connect(borough, boroughWards, connected, metres)));
		Set<Set<String>> acrossWater = new java.util.HashSet<>();
		for (AddedLink link : links) {
			connected.get(link.ward()).add(link.neighbour());
			connected.get(link.neighbour()).add(link.ward());
			acrossWater.add(Set.of(link.ward(), link.neighbour()));
		}
		return new Connected(connected, acrossWater, links);
	}

	private static List<AddedLink> connect(String borough, List<WardShape> wards, Map<String, Set<String>> adjacency,
			LocalMetres metres) {
		List<WardShape> sorted = new ArrayList<>(wards);
		sorted.sort(Comparator.comparing(WardShape::code));
		Map<String, Integer> position = new HashMap<>();
		for (int i = 0; i < sorted.size(); i++) {
			position.put(sorted.get(i).code(), i);
		}
		UnionFind parts = new UnionFind(sorted.size());
		for (int i = 0; i < sorted.size(); i++) {
			for (String neighbour : adjacency.getOrDefault(sorted.get(i).code(), Set.of())) {
				Integer j = position.get(neighbour);
				if (j != null) {
					parts.union(i, j);
				}
			}
		}
		if (parts.count() <= 1) {
			return List.of();
		}
		record Gap(int a, int b, double metres) {
		}
		Geometry[] projected = sorted.stream().map(w -> metres.project(w.geometry())).toArray(Geometry[]::new);
		List<Gap> gaps = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			for (int j = i + 1; j < sorted.size(); j++) {
				if (parts.find(i) != parts.find(j)) {
					gaps.add(new Gap(i, j, DistanceOp.distance(projected[i], projected[j])));
				}
			}
		}
		gaps.sort(Comparator.comparingDouble(Gap::metres).thenComparingInt(Gap::a).thenComparingInt(Gap::b));
		List<AddedLink> links = new ArrayList<>();
		for (Gap gap : gaps) {
			if (parts.union(gap.a(), gap.b())) {
				links.add(new AddedLink(borough, sorted.get(gap.a()).code(), sorted.get(gap.b()).code(),
						Math.round(gap.metres() * 10) / 10.0));
				if (parts.count() == 1) {
					break;
				}
			}
		}
		return links;
	}

	/** Length of the part of a boundary that lies within another ward's tolerance zone. */
	private static double sharedLength(Geometry boundary, Geometry zone) {
		try {
			return OverlayNG.overlay(boundary, zone, OverlayNG.INTERSECTION).getLength();
		}
		catch (RuntimeException ex) {
			return OverlayNGRobust.overlay(boundary, zone, OverlayNG.INTERSECTION).getLength();
		}
	}

	private static Map<String, Set<String>> copy(Map<String, Set<String>> adjacency) {
		Map<String, Set<String>> copy = new TreeMap<>();
		adjacency.forEach((ward, neighbours) -> copy.put(ward, new TreeSet<>(neighbours)));
		return copy;
	}

	/** Disjoint sets of ward positions, for telling a borough's separate parts apart. */
	private static final class UnionFind {

		private final int[] parent;

		private int count;

		UnionFind(int size) {
			this.parent = new int[size];
			for (int i = 0; i < size; i++) {
				this.parent[i] = i;
			}
			this.count = size;
		}

		int find(int i) {
			while (this.parent[i] != i) {
				this.parent[i] = this.parent[this.parent[i]];
				i = this.parent[i];
			}
			return i;
		}

		boolean union(int a, int b) {
			int ra = find(a);
			int rb = find(b);
			if (ra == rb) {
				return false;
			}
			this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
			this.count--;
			return true;
		}

		int count() {
			return this.count;
		}

	}

}
