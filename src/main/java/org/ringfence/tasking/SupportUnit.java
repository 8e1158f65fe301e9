package org.ringfence.tasking;

/** The pan-London support units a borough may bid for at tasking. */
public enum SupportUnit {

	TERRITORIAL_SUPPORT_GROUP("Territorial Support Group"), DOG_SECTION("Dog Section"),
	CLUBS_AND_VICE("Clubs and Vice Unit"), MOUNTED_BRANCH("Mounted Branch"), OTHER("Other support unit");

	private final String label;

	SupportUnit(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
