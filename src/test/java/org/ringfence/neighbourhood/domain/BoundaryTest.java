package org.ringfence.neighbourhood.domain;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BoundaryTest {

	static List<Boundary.Point> square(double x, double y, double side) {
		return List.of(new Boundary.Point(x, y), new Boundary.Point(x + side, y), new Boundary.Point(x + side, y + side),
				new Boundary.Point(x, y + side), new Boundary.Point(x, y));
	}

	@Test
	void theCentreOfASquareIsItsMiddleWhicheverWayRound() {
		Boundary.Point centre = Boundary.centre(square(-0.2, 51.5, 0.02));
		assertThat(centre.lng()).isCloseTo(-0.19, within(1e-9));
		assertThat(centre.lat()).isCloseTo(51.51, within(1e-9));
		List<Boundary.Point> backwards = new java.util.ArrayList<>(square(-0.2, 51.5, 0.02));
		java.util.Collections.reverse(backwards);
		Boundary.Point reversed = Boundary.centre(backwards);
		assertThat(reversed.lat()).isCloseTo(51.51, within(1e-9));
	}

	@Test
	void theCentreIsWeightedByAreaNotByPoints() {
		// an L-shape: many points along one short edge must not pull the centre
		List<Boundary.Point> ring = List.of(new Boundary.Point(0, 0), new Boundary.Point(0.5, 0), new Boundary.Point(0.6, 0),
				new Boundary.Point(0.7, 0), new Boundary.Point(0.8, 0), new Boundary.Point(0.9, 0), new Boundary.Point(1, 0),
				new Boundary.Point(1, 1), new Boundary.Point(0, 1), new Boundary.Point(0, 0));
		assertThat(Boundary.centre(ring).lng()).isCloseTo(0.5, within(1e-9));
	}

	@Test
	void theLargestRingOfSeveralAndWithoutItsClosingPoint() {
		List<Boundary.Point> small = square(0, 0, 1);
		List<Boundary.Point> large = square(5, 5, 2);
		assertThat(Boundary.largest(List.of(small, large))).isEqualTo(large);
		assertThat(Boundary.open(large)).hasSize(4).doesNotHaveDuplicates();
	}

}
