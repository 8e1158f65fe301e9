package org.ringfence.geography.domain;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;

import static org.assertj.core.api.Assertions.assertThat;

class WardLocatorTest {

	private static List<WardShape> wards;

	private static WardLocator locator;

	@BeforeAll
	static void build() {
		wards = LondonWards.metWards();
		locator = new WardLocator(wards);
	}

	@Test
	void theInteriorPointOfEveryWardIsInThatWard() {
		assertThat(locator.size()).isEqualTo(632);
		for (WardShape ward : wards) {
			Point inside = ward.geometry().getInteriorPoint();
			assertThat(locator.locate(inside.getY(), inside.getX())).as("ward %s %s", ward.code(), ward.name())
				.contains(ward.code());
		}
	}

	@Test
	void placesOutsideLondonAreInNoWard() {
		assertThat(locator.locate(48.8566, 2.3522)).as("Paris").isEmpty();
		assertThat(locator.locate(51.752, -1.2577)).as("Oxford").isEmpty();
		assertThat(locator.locate(0, 0)).isEmpty();
	}

	@Test
	void theCityOfLondonIsInNoMetWard() {
		assertThat(locator.locate(51.5155, -0.0922)).isEmpty();
	}

	@Test
	void knownPlacesAreInTheirWards() {
		// Camden Town tube station
		assertThat(locator.locate(51.5392, -0.1426)).contains("E05000130");
	}

	@Test
	void nonsenseCoordinatesAreInNoWard() {
		assertThat(locator.locate(Double.NaN, -0.1)).isEmpty();
		assertThat(locator.locate(51.5, Double.POSITIVE_INFINITY)).isEmpty();
		assertThat(locator.locate(-0.1, 51.5)).isEmpty();
		assertThat(locator.locate(95, 0)).isEmpty();
	}

	@Test
	void anEmptyLocatorFindsNothing() {
		assertThat(new WardLocator(List.of()).locate(51.5, -0.1)).isEmpty();
	}

	@Test
	void lookupsTakeWellUnderATenthOfAMillisecond() {
		double[][] points = randomLondonPoints(200_000, 1);
		for (double[] p : points) {
			locator.locate(p[0], p[1]);
		}
		long started = System.nanoTime();
		int found = 0;
		for (double[] p : points) {
			found += locator.locate(p[0], p[1]).isPresent() ? 1 : 0;
		}
		double microsEach = (System.nanoTime() - started) / 1000.0 / points.length;
		System.out.printf("WardLocator.locate: %.2f microseconds a lookup (%d of %d points in a ward)%n", microsEach, found,
				points.length);
		assertThat(found).isGreaterThan(points.length / 2);
		assertThat(microsEach).isLessThan(100);
	}

	@Test
	void answersTheSameFromManyThreads() {
		double[][] points = randomLondonPoints(20_000, 2);
		List<String> sequential = IntStream.range(0, points.length)
			.mapToObj(i -> locator.locate(points[i][0], points[i][1]).orElse("-"))
			.toList();
		List<String> parallel = IntStream.range(0, points.length)
			.parallel()
			.mapToObj(i -> locator.locate(points[i][0], points[i][1]).orElse("-"))
			.toList();
		assertThat(parallel).isEqualTo(sequential);
	}

	private static double[][] randomLondonPoints(int count, long seed) {
		Random random = new Random(seed);
		double[][] points = new double[count][];
		for (int i = 0; i < count; i++) {
			points[i] = new double[] { 51.28 + random.nextDouble() * 0.42, -0.52 + random.nextDouble() * 0.86 };
		}
		return points;
	}

}
