package org.ringfence.geography;

import java.util.Optional;

/**
 * The ward containing a point, from a snapshot of the boundaries: for looking up many points at
 * once (bulk imports), with no database access per point. Immutable and thread-safe.
 */
@FunctionalInterface
public interface PointLookup {

	/** The code of the Met ward containing the point, or empty outside every ward (or out of range). */
	Optional<String> wardAt(double latitude, double longitude);

}
