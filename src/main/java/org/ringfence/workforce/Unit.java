package org.ringfence.workforce;

import java.util.Objects;

/** What a person is posted to: a ward team, a cluster or a borough, by code. */
public record Unit(Kind kind, String code) {

	public enum Kind {

		WARD, CLUSTER, BOROUGH

	}

	public Unit {
		Objects.requireNonNull(kind, "kind");
		if (code == null || code.isBlank()) {
			throw new IllegalArgumentException("A unit needs a code");
		}
	}

	public static Unit ward(String code) {
		return new Unit(Kind.WARD, code);
	}

	public static Unit cluster(String code) {
		return new Unit(Kind.CLUSTER, code);
	}

	public static Unit borough(String code) {
		return new Unit(Kind.BOROUGH, code);
	}

}
