package org.ringfence.performance;

/** The four EPIC categories of team activity. */
public enum EpicCategory {

	ENFORCEMENT("Enforcement"), PREVENTION("Prevention"), INTELLIGENCE("Intelligence"), COMMUNICATION("Communication");

	private final String label;

	EpicCategory(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
