package org.ringfence.demand;

import java.util.Locale;

/** The kinds of demand import, by the code used in paths and reports. */
public enum ImportKind {

	/** data.police.uk street-level crime files. */
	POLICE_UK_STREET("police-uk-street"),
	/** The Met's ward-level monthly crime counts. */
	MPS_WARD_CRIME("mps-ward-crime"),
	/** CAD calls for service. */
	CAD_CALLS("cad-calls");

	private final String code;

	ImportKind(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	public static ImportKind of(String code) {
		for (ImportKind kind : values()) {
			if (kind.code.equals(code.toLowerCase(Locale.ROOT))) {
				return kind;
			}
		}
		throw new IllegalArgumentException("No import kind " + code);
	}

}
