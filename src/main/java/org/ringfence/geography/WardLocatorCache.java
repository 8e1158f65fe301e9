package org.ringfence.geography;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.ringfence.geography.domain.WardLocator;
import org.ringfence.geography.persistence.GeographyQueries;

import org.springframework.stereotype.Component;

/**
 * The ward polygons in memory, indexed for point lookup. Immutable reference data, rebuilt when a
 * newer boundary set appears (checked at most every few seconds, so another instance's import is
 * seen soon after it commits).
 */
@Component
class WardLocatorCache {

	private static final Duration CHECK_EVERY = Duration.ofSeconds(5);

	private final GeographyQueries queries;

	private final WardShapes shapes;

	private final Clock clock;

	private volatile Snapshot snapshot;

	private record Snapshot(long boundarySet, WardLocator locator, Instant checkedAt) {
	}

	WardLocatorCache(GeographyQueries queries, WardShapes shapes, Clock clock) {
		this.queries = queries;
		this.shapes = shapes;
		this.clock = clock;
	}

	Optional<String> locate(double lat, double lng) {
		return current().locator().locate(lat, lng);
	}

	void invalidate() {
		this.snapshot = null;
	}

	private Snapshot current() {
		Snapshot current = this.snapshot;
		Instant now = this.clock.instant();
		if (current != null && Duration.between(current.checkedAt(), now).compareTo(CHECK_EVERY) < 0) {
			return current;
		}
		synchronized (this) {
			current = this.snapshot;
			if (current != null && Duration.between(current.checkedAt(), now).compareTo(CHECK_EVERY) < 0) {
				return current;
			}
			long latest = this.queries.latestBoundarySet();
			if (current != null && current.boundarySet() == latest) {
				current = new Snapshot(latest, current.locator(), now);
			}
			else {
				current = new Snapshot(latest, new WardLocator(this.shapes.activeWards()), now);
			}
			this.snapshot = current;
			return current;
		}
	}

}
