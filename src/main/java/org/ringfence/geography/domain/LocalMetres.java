package org.ringfence.geography.domain;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * A local equirectangular projection from longitude/latitude to metres around one reference
 * latitude: accurate to well under 1% across an area the size of London, which is all that
 * distances of tens of metres between neighbouring wards need.
 */
final class LocalMetres {

	/** Mean Earth radius in metres. */
	static final double EARTH_RADIUS = 6_371_008.8;

	private static final double METRES_PER_DEGREE = Math.PI * EARTH_RADIUS / 180;

	private final double originLng;

	private final double originLat;

	private final double xScale;

	LocalMetres(double originLng, double originLat) {
		this.originLng = originLng;
		this.originLat = originLat;
		this.xScale = METRES_PER_DEGREE * Math.cos(Math.toRadians(originLat));
	}

	/** A projection centred on the middle of the given geometries' extent. */
	static LocalMetres around(Iterable<? extends Geometry> geometries) {
		org.locationtech.jts.geom.Envelope all = new org.locationtech.jts.geom.Envelope();
		geometries.forEach(g -> all.expandToInclude(g.getEnvelopeInternal()));
		if (all.isNull()) {
			return new LocalMetres(0, 0);
		}
		return new LocalMetres(all.centre().x, all.centre().y);
	}

	/** A copy of the geometry with coordinates in metres east and north of the origin. */
	Geometry project(Geometry lonLat) {
		Geometry copy = lonLat.copy();
		copy.apply(new CoordinateSequenceFilter() {
			@Override
			public void filter(CoordinateSequence seq, int i) {
				seq.setOrdinate(i, 0, (seq.getX(i) - LocalMetres.this.originLng) * LocalMetres.this.xScale);
				seq.setOrdinate(i, 1, (seq.getY(i) - LocalMetres.this.originLat) * METRES_PER_DEGREE);
			}

			@Override
			public boolean isDone() {
				return false;
			}

			@Override
			public boolean isGeometryChanged() {
				return true;
			}
		});
		return copy;
	}

}
