package org.ringfence.neighbourhood.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A ward's boundary as data.police.uk publishes it (one list of points) and its centre. A ward of
 * several polygons is published by its largest outer ring; holes are left out.
 */
public final class Boundary {

	private Boundary() {
	}

	/** A point: longitude (x), latitude (y). */
	public record Point(double lng, double lat) {
	}

	/** The largest ring (by absolute area) of the outer rings given. */
	public static List<Point> largest(List<List<Point>> outerRings) {
		List<Point> best = List.of();
		double bestArea = -1;
		for (List<Point> ring : outerRings) {
			double area = Math.abs(signedArea(ring));
			if (area > bestArea) {
				bestArea = area;
				best = ring;
			}
		}
		return best;
	}

	/** The centroid of a ring (area-weighted); the mean of its points when it has no area. */
	public static Point centre(List<Point> ring) {
		if (ring.isEmpty()) {
			throw new IllegalArgumentException("An empty ring has no centre");
		}
		double area = signedArea(ring);
		if (Math.abs(area) < 1e-12) {
			double x = 0;
			double y = 0;
			for (Point p : ring) {
				x += p.lng();
				y += p.lat();
			}
			return new Point(x / ring.size(), y / ring.size());
		}
		double cx = 0;
		double cy = 0;
		for (int i = 0; i < ring.size(); i++) {
			Point a = ring.get(i);
			Point b = ring.get((i + 1) % ring.size());
			double cross = a.lng() * b.lat() - b.lng() * a.lat();
			cx += (a.lng() + b.lng()) * cross;
			cy += (a.lat() + b.lat()) * cross;
		}
		return new Point(cx / (6 * area), cy / (6 * area));
	}

	/** The ring without its closing point (GeoJSON repeats the first point last). */
	public static List<Point> open(List<Point> ring) {
		if (ring.size() > 1 && ring.get(0).equals(ring.get(ring.size() - 1))) {
			return new ArrayList<>(ring.subList(0, ring.size() - 1));
		}
		return ring;
	}

	static double signedArea(List<Point> ring) {
		double sum = 0;
		for (int i = 0; i < ring.size(); i++) {
			Point a = ring.get(i);
			Point b = ring.get((i + 1) % ring.size());
			sum += a.lng() * b.lat() - b.lng() * a.lat();
		}
		return sum / 2;
	}

}
