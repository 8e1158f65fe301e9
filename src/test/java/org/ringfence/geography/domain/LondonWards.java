package org.ringfence.geography.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.ringfence.geography.boundary.GeoJsonBoundaryReader;

/** The shipped 2018 London wards, less the City of London's (not Metropolitan Police wards). */
final class LondonWards {

	static final String CITY_OF_LONDON = "E09000001";

	private static final List<WardShape> MET_WARDS = load();

	private LondonWards() {
	}

	static List<WardShape> metWards() {
		return MET_WARDS;
	}

	private static List<WardShape> load() {
		try (InputStream in = LondonWards.class.getResourceAsStream("/data/london/wards-2018.geojson")) {
			if (in == null) {
				throw new IllegalStateException("/data/london/wards-2018.geojson is not on the test classpath");
			}
			return GeoJsonBoundaryReader.read(in)
				.accepted()
				.stream()
				.filter(f -> !CITY_OF_LONDON.equals(f.boroughCode()))
				.map(f -> new WardShape(f.code(), f.name(), f.boroughCode(), f.geometry()))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
