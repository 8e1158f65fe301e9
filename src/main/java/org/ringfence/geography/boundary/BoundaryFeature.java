package org.ringfence.geography.boundary;

import java.util.Objects;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * A ward boundary accepted from a boundary file.
 * @param index the feature's position in the file (0-based)
 * @param code the ward's GSS code
 * @param name the ward's name
 * @param boroughCode the GSS code of the ward's borough
 * @param geometry the boundary, a valid Polygon or MultiPolygon in longitude/latitude
 * @param hectares the ward's area: as stated in the file, or else measured from the boundary
 */
public record BoundaryFeature(int index, String code, String name, String boroughCode, Geometry geometry,
		double hectares) {

	public BoundaryFeature {
		if (index < 0) {
			throw new IllegalArgumentException("feature index must not be negative");
		}
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(boroughCode, "boroughCode");
		Objects.requireNonNull(geometry, "geometry");
		if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon)) {
			throw new IllegalArgumentException("a ward boundary is a Polygon or MultiPolygon");
		}
		if (!(hectares > 0) || Double.isInfinite(hectares)) {
			throw new IllegalArgumentException("a ward's area must be a positive number of hectares");
		}
	}

}
