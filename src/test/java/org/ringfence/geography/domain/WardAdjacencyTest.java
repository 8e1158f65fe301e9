package org.ringfence.geography.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WardAdjacencyTest {

	private static List<WardShape> wards;

	private static Map<String, Set<String>> adjacency;

	private static long computeMillis;

	@BeforeAll
	static void compute() {
		wards = LondonWards.metWards();
		long started = System.nanoTime();
		adjacency = WardAdjacency.compute(wards);
		computeMillis = (System.nanoTime() - started) / 1_000_000;
		System.out.printf("WardAdjacency.compute: %d wards, %d neighbour pairs, %d ms%n", wards.size(),
				adjacency.values().stream().mapToInt(Set::size).sum() / 2, computeMillis);
	}

	@Test
	void londonHas632MetWardsIn32Boroughs() {
		assertThat(wards).hasSize(632);
		assertThat(wards.stream().map(WardShape::boroughCode).distinct()).hasSize(32);
	}

	@Test
	void adjacencyIsSymmetricAndCoversEveryWard() {
		assertThat(adjacency).hasSize(632);
		adjacency.forEach((ward, neighbours) -> {
			assertThat(neighbours).as("neighbours of %s", ward).doesNotContain(ward);
			neighbours.forEach(n -> assertThat(adjacency.get(n)).as("neighbours of %s", n).contains(ward));
		});
	}

	@Test
	void everyMetWardHasANeighbour() {
		adjacency.forEach((ward, neighbours) -> assertThat(neighbours).as("neighbours of %s", ward).isNotEmpty());
	}

	@Test
	void knownNeighboursAreAdjacent() {
		// Camden: Belsize and Swiss Cottage share a long boundary
		assertThat(adjacency.get("E05000128")).contains("E05000144");
		assertThat(adjacency.get("E05000144")).contains("E05000128");
		// across a borough border: Kilburn (Camden) and Maida Vale (Westminster)
		assertThat(adjacency.get("E05000140")).contains("E05000640");
	}

	@Test
	void farApartWardsAreNotAdjacent() {
		// Camden's Belsize and Highgate, and Belsize and Chessington South (Kingston)
		assertThat(adjacency.get("E05000128")).doesNotContain("E05000137", "E05000405");
	}

	@Test
	void wardsMeetingOnlyAtACornerAreNotAdjacent() {
		// Cavendish (Hillingdon) and Rayners Lane (Harrow); Bensham Manor and Norbury Park (Croydon)
		assertThat(adjacency.get("E05000327")).doesNotContain("E05000300");
		assertThat(adjacency.get("E05011464")).doesNotContain("E05011473");
	}

	@Test
	void squaresSharingAnEdgeAreNeighboursButNotAtACorner() {
		// a 2 x 2 grid of 500 m squares: edge neighbours yes, diagonal (corner) no
		List<WardShape> grid = List.of(square("E05900001", "B", 0, 0, 0.0072, 0.0045),
				square("E05900002", "B", 0.0072, 0, 0.0072, 0.0045), square("E05900003", "B", 0, 0.0045, 0.0072, 0.0045),
				square("E05900004", "B", 0.0072, 0.0045, 0.0072, 0.0045));
		Map<String, Set<String>> result = WardAdjacency.compute(grid);
		assertThat(result.get("E05900001")).containsExactly("E05900002", "E05900003");
		assertThat(result.get("E05900004")).containsExactly("E05900002", "E05900003");
	}

	@Test
	void aNarrowGapFromSimplificationStillCountsAsShared() {
		// 3 m apart (0.000043 degrees of longitude at 51.5 N is about 3 m)
		List<WardShape> pair = List.of(square("E05900001", "B", 0, 0, 0.0072, 0.0045),
				square("E05900002", "B", 0.0072 + 0.000043, 0, 0.0072, 0.0045));
		assertThat(WardAdjacency.compute(pair).get("E05900001")).containsExactly("E05900002");
	}

	@Test
	void aWardGivenTwiceIsRefused() {
		WardShape ward = square("E05900001", "B", 0, 0, 0.01, 0.01);
		assertThatIllegalArgumentException().isThrownBy(() -> WardAdjacency.compute(List.of(ward, ward)))
			.withMessageContaining("E05900001");
	}

	@Test
	void everyLondonBoroughIsConnectedAfterLinkingAcrossWater() {
		WardAdjacency.Connected connected = WardAdjacency.connectWithinBoroughs(wards, adjacency);
		System.out.println("Links added across water: " + connected.links());
		Map<String, Set<String>> byBorough = new TreeMap<>();
		wards.forEach(w -> byBorough.computeIfAbsent(w.boroughCode(), b -> new TreeSet<>()).add(w.code()));
		byBorough.forEach((borough, codes) -> assertThat(ClusterRules.isContiguous(codes, connected.adjacency()))
			.as("borough %s connected", borough)
			.isTrue());
		assertThat(connected.acrossWater()).hasSameSizeAs(connected.links());
		connected.adjacency().forEach((ward, neighbours) -> assertThat(neighbours).containsAll(adjacency.get(ward)));
	}

	@Test
	void aBoroughSplitByARiverIsJoinedAtItsNarrowestGap() {
		// borough R: two wards north of a 200 m "river", two south; the closest pair across is 2 and 4
		List<WardShape> split = List.of(square("E05900001", "R", 0, 0.0063, 0.0072, 0.0045),
				square("E05900002", "R", 0.0072, 0.0063, 0.0072, 0.0045),
				square("E05900003", "R", 0, 0, 0.0080, 0.0040), square("E05900004", "R", 0.0080, 0, 0.0064, 0.0045),
				square("E05900005", "X", 0.03, 0, 0.0072, 0.0045));
		Map<String, Set<String>> found = WardAdjacency.compute(split);
		assertThat(found.get("E05900002")).containsExactly("E05900001");

		WardAdjacency.Connected connected = WardAdjacency.connectWithinBoroughs(split, found);

		assertThat(connected.acrossWater()).containsExactly(Set.of("E05900002", "E05900004"));
		assertThat(connected.links()).singleElement().satisfies(link -> {
			assertThat(link.boroughCode()).isEqualTo("R");
			assertThat(link.ward()).isEqualTo("E05900002");
			assertThat(link.neighbour()).isEqualTo("E05900004");
			assertThat(link.gapMetres()).isBetween(190.0, 210.0);
		});
		assertThat(connected.adjacency().get("E05900004")).contains("E05900002", "E05900003");
		assertThat(connected.adjacency().get("E05900005")).isEmpty();
	}

	/** A rectangle near central London, offset in degrees from (-0.1, 51.5). */
	static WardShape square(String code, String borough, double dx, double dy, double width, double height) {
		double x = -0.1 + dx;
		double y = 51.5 + dy;
		Polygon polygon = new GeometryFactory().createPolygon(new Coordinate[] { new Coordinate(x, y),
				new Coordinate(x + width, y), new Coordinate(x + width, y + height), new Coordinate(x, y + height),
				new Coordinate(x, y) });
		return new WardShape(code, code, borough, polygon);
	}

}
