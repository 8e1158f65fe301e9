package org.ringfence.geography;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.ringfence.geography.domain.WardLocator;
import org.ringfence.geography.persistence.GeographyQueries;

import org.springframework.stereotype.Component;

/**
 * The ward polygons in memory, indexed for point lookup, with what a located point answers with.
 * Immutable reference data, rebuilt when a newer boundary set appears (checked at most every few seconds, so another instance's import is
 * seen soon after it commits).
 */
@Component
class WardLocatorCache {

	private static final Duration CHECK_EVERY = Duration.ofSeconds(5);

	private final GeographyQueries queries;

	private final WardShapes shapes;

	private final Clock clock;

	private volatile Snapshot snapshot;

	/** The polygons and what a located point answers with, for one boundary set. */
	private record Snapshot(long boundarySet, WardLocator locator, Map<String, LocatedWard> wards, Instant checkedAt) {

		Snapshot checked(Instant at) {
			return new Snapshot(this.boundarySet, this.locator, this.wards, at);
		}

	}

	WardLocatorCache(GeographyQueries queries, WardShapes shapes, Clock clock) {
		this.queries = queries;
		this.shapes = shapes;
		this.clock = clock;
	}

	Optional<LocatedWard> locate(double lat, double lng) {
		Snapshot snapshot = current();
		return snapshot.locator().locate(lat, lng).map(snapshot.wards()::get);
	}

	/** The current polygons as a lookup that needs no database. */
	PointLookup snapshotLookup() {
		WardLocator locator = current().locator();
		return locator::locate;
	}

	private Map<String, LocatedWard> located() {
		Map<String, String> boroughNames = new HashMap<>();
		this.queries.boroughs().forEach(b -> boroughNames.put(b.code(), b.name()));
		Map<String, LocatedWard> wards = new HashMap<>();
		this.queries.wards(Optional.empty())
			.forEach(w -> wards.put(w.code(), new LocatedWard(w.code(), w.name(), w.boroughCode(),
					boroughNames.getOrDefault(w.boroughCode(), ""), w.clusterId())));
		return Map.copyOf(wards);
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
				current = current.checked(now);
			}
			else {
				current = new Snapshot(latest, new WardLocator(this.shapes.activeWards()), located(), now);
			}
			this.snapshot = current;
			return current;
		}
	}

}
