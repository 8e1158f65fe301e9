package org.ringfence.neighbourhood;

/** Where a neighbourhood priority stands: open until achieved or closed. */
public enum PriorityStatus {

	OPEN("Open"), ACHIEVED("Achieved"), CLOSED("Closed");

	private final String label;

	PriorityStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
