package org.ringfence.geography.domain;

import java.util.Objects;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * A ward as drawn on the map: its GSS code (such as {@code E05000405}), its name, the code of the
 * borough it belongs to, and its boundary as a polygon or multipolygon in longitude/latitude
 * (x = longitude, y = latitude, WGS84).
 */
public record WardShape(String code, String name, String boroughCode, Geometry geometry) {

	public WardShape {
		requireText(code, "code");
		requireText(name, "name");
		requireText(boroughCode, "boroughCode");
		Objects.requireNonNull(geometry, "geometry");
		if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon)) {
			throw new IllegalArgumentException(
					"ward " + code + " must be a Polygon or MultiPolygon, not " + geometry.getGeometryType());
		}
		if (geometry.isEmpty()) {
			throw new IllegalArgumentException("ward " + code + " has an empty boundary");
		}
	}

	private static void requireText(String value, String what) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("a ward needs a " + what);
		}
	}

}
