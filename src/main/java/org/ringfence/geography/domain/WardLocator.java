package org.ringfence.geography.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Finds the ward a place is in, from the wards' boundaries. Built once from a set of wards and
 * immutable after that, so one locator can answer many threads at once. A place on the line
 * between two wards may be given either ward; a place outside every ward is in none.
 */
public final class WardLocator {

	private final STRtree index;

	private final int size;

	/** A ward's boundary with a point-in-area index over its edges. */
	private record Area(String code, IndexedPointInAreaLocator locator) {
	}

	public WardLocator(List<WardShape> wards) {
		Objects.requireNonNull(wards, "wards");
		List<WardShape> sorted = new ArrayList<>(wards);
		sorted.sort(Comparator.comparing(WardShape::code));
		STRtree tree = new STRtree();
		for (WardShape ward : sorted) {
			IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(ward.geometry());
			// builds the edge index now, not on the first lookup
			locator.locate(ward.geometry().getCoordinate());
			tree.insert(ward.geometry().getEnvelopeInternal(), new Area(ward.code(), locator));
		}
		tree.build();
		this.index = tree;
		this.size = sorted.size();
	}

	/**
	 * The code of the ward containing the place, or empty if no ward does (or the latitude and
	 * longitude are not numbers in range). Inside a ward beats on its boundary; among wards the
	 * place is equally in, the lowest code wins, so the answer is always the same.
	 */
	public Optional<String> locate(double lat, double lng) {
		if (!(lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180)) {
			return Optional.empty();
		}
		Coordinate point = new Coordinate(lng, lat);
		Area onBoundary = null;
		Area inside = null;
		for (Object item : this.index.query(new Envelope(point))) {
			Area area = (Area) item;
			int location = area.locator().locate(point);
			if (location == Location.INTERIOR && (inside == null || area.code().compareTo(inside.code()) < 0)) {
				inside = area;
			}
			else if (location == Location.BOUNDARY
					&& (onBoundary == null || area.code().compareTo(onBoundary.code()) < 0)) {
				onBoundary = area;
			}
		}
		Area found = inside != null ? inside : onBoundary;
		return found == null ? Optional.empty() : Optional.of(found.code());
	}

	/** How many wards the locator knows. */
	public int size() {
		return this.size;
	}

}
