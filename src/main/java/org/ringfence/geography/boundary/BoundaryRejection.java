package org.ringfence.geography.boundary;

import java.util.Objects;

/**
 * A feature of a boundary file that was not accepted, and why.
 * @param index the feature's position in the file (0-based)
 * @param code the ward code the feature gave, or empty if it gave none
 * @param reason what is wrong, in words a data officer can act on
 */
public record BoundaryRejection(int index, String code, String reason) {

	public BoundaryRejection {
		if (index < 0) {
			throw new IllegalArgumentException("feature index must not be negative");
		}
		Objects.requireNonNull(code, "code");
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("a rejection needs a reason");
		}
	}

}
