package org.ringfence.identity;

import java.io.Serializable;
import java.util.Objects;

/** One grant of scope: a type and the code of the unit (a borough, cluster or ward code, a person id). */
public record Scope(ScopeType type, String code) implements Serializable {

	public Scope {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(code, "code");
		if (code.isBlank()) {
			throw new IllegalArgumentException("A scope needs a code");
		}
	}

	public static Scope force() {
		return new Scope(ScopeType.FORCE, "MPS");
	}

}
