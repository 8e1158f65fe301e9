package org.ringfence.demand.domain;

/** The kinds of local factor the 2011 model names as adding to a ward's workload. */
public enum LocalFactorKind {

	HOSPITAL("Hospital"), COLLEGE("College"), NIGHT_TIME_ECONOMY("Night-time economy (nightclubs, bars)"),
	SHARED_SN_BASE("Shared SN base"), OTHER("Other");

	private final String label;

	LocalFactorKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
