package org.ringfence.workforce;

/** The role a person holds (ranks and the Safer Neighbourhoods roles). */
public enum WorkforceRole {

	SUPERINTENDENT("Superintendent", true), CHIEF_INSPECTOR("Chief inspector", true), INSPECTOR("Inspector", true),
	SERGEANT("Sergeant", true), PC("Police constable", true), DWO("Dedicated ward officer", true),
	PCSO("Police community support officer", false), SPECIAL_CONSTABLE("Special constable", true),
	SCHOOLS_OFFICER("Safer schools officer", true), STAFF("Police staff", false);

	private final String title;

	private final boolean warranted;

	WorkforceRole(String title, boolean warranted) {
		this.title = title;
		this.warranted = warranted;
	}

	public String title() {
		return this.title;
	}

	/** Officers hold a warrant number; staff (PCSOs and others) a payroll number. */
	public boolean warranted() {
		return this.warranted;
	}

}
